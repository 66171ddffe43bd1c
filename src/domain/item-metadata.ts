// What the pre-publication checks' metadata rules read from a disclosure item's draft row (文号,
// 成文日期 ≤ 发布日期, 内容概述, a 行政规范性文件's 解读 — the latter once items link their 解读).
import { toDateString } from './local-date';

/** A date or a stored date-time (ISO text or epoch ms, by database) as the site's calendar day. */
const day = (value: unknown) => toDateString(typeof value === 'number' || (typeof value === 'string' && value.includes('T')) ? new Date(value as any) : value);

export function itemMetadata(item: Record<string, any>) {
  return {
    documentNumber: item.documentNumber ?? null,
    formedAt: day(item.formedAt),
    publishedDate: day(item.publishedDate),
    summary: item.summary ?? null,
    isNormativeDocument: item.genre === 'normativeDocument',
  };
}
