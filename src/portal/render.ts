// The portal's templates (portal/templates, nunjucks with autoescaping) and their filters, shared by
// the static build and the few pages the CMS renders per request (search, application, status).
import path from 'path';
import MarkdownIt from 'markdown-it';
import nunjucks from 'nunjucks';
import { GENRE_LABELS, VALIDITY_LABELS } from '../domain/catalogue-export';
import { APPLICANT_TYPE_LABELS, CASE_STATE_LABELS, DELIVERY_LABELS, DISPOSITION_LABELS, TIME_UNIT_LABELS } from '../domain/code-labels';
import { localDate, localDateTime } from '../domain/local-date';
import { itemHref } from './site';

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const TEMPLATES = path.join(ROOT, 'portal', 'templates');
export const ASSETS = path.join(ROOT, 'portal', 'assets');

/** The API's highlight is escaped text with <mark>; anything else that looks like a tag is shown as text. */
/** Code lists shown on pages, by the name templates use: `{{ code | label('caseState') }}`. */
const LABEL_SETS: Record<string, Record<string, { zh: string }>> = { timeUnit: TIME_UNIT_LABELS, caseState: CASE_STATE_LABELS, disposition: DISPOSITION_LABELS, applicantType: APPLICANT_TYPE_LABELS, delivery: DELIVERY_LABELS };

const onlyMarks = (html: string) => html.replace(/<(?!\/?mark>)/g, '&lt;');

export function environment(timeZone: string) {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(TEMPLATES), { autoescape: true, throwOnUndefined: false });
  const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
  env.addFilter('date', (value: string | null | undefined) => (value ? (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : localDate(new Date(value), timeZone)) : ''));
  env.addFilter('datetime', (value: string | null | undefined) => localDateTime(value, timeZone) ?? '');
  env.addFilter('genre', (code: string) => GENRE_LABELS[code] ?? code ?? '');
  env.addFilter('validity', (code: string) => VALIDITY_LABELS[code] ?? code ?? '');
  env.addFilter('itemHref', (indexNumber: string) => itemHref(indexNumber));
  env.addFilter('markdown', (text: string | null | undefined) => new nunjucks.runtime.SafeString(markdown.render(text ?? '')));
  env.addFilter('fileSize', (kb: number | null | undefined) => (kb == null ? '' : kb >= 1024 ? `${(kb / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(kb))} KB`));
  env.addFilter('label', (code: string | null | undefined, set: string) => (code ? (LABEL_SETS[set]?.[code]?.zh ?? code) : ''));
  env.addFilter('highlight', (html: string | null | undefined) => new nunjucks.runtime.SafeString(onlyMarks(String(html ?? ''))));
  return env;
}

