// What the pre-publication checks' metadata rules read from a disclosure item's draft row (文号,
// 成文日期 ≤ 发布日期, 内容概述, a 行政规范性文件's 解读): its 解读 are the items that interpret it
// (`interpretations`), required when the office says so (REQUIRE_INTERPRETATION).
import { ITEM } from '../constants';
import { toDateString } from './local-date';
import { INTERPRETATION_GENRE } from './disclosure-rules';

/** A date or a stored date-time (ISO text or epoch ms, by database) as the site's calendar day. */
const day = (value: unknown) => toDateString(typeof value === 'number' || (typeof value === 'string' && value.includes('T')) ? new Date(value as any) : value);

export async function itemMetadata(item: Record<string, any>, { strapi }: { strapi: any }) {
  const isNormativeDocument = item.genre === 'normativeDocument';
  const requireInterpretation = Boolean(strapi.config.get('disclosure.requireInterpretation'));
  const interpretations = (item.interpretations ?? []).map((r: any) => r.documentId).filter(Boolean);
  const hasInterpretation =
    isNormativeDocument && requireInterpretation && interpretations.length > 0 && (await strapi.db.query(ITEM).count({ where: { documentId: { $in: interpretations }, genre: INTERPRETATION_GENRE } })) > 0;
  return {
    documentNumber: item.documentNumber ?? null,
    formedAt: day(item.formedAt),
    publishedDate: day(item.publishedDate),
    summary: item.summary ?? null,
    isNormativeDocument,
    requireInterpretation,
    hasInterpretation,
  };
}
