// What changed between two versions of a document's public content (the reviewers' diff): field by
// field, only the fields that changed. Text is compared word by word — Chinese has no spaces, so
// words come from Intl.Segmenter ('zh', word granularity; English words stay words) and the token
// arrays are diffed with `diff`'s diffArrays; relations and attachments are listed as added and
// removed by identity (documentId, the file's hash) with their display names; everything else is
// before → after. The inputs are the canonical content of content-hash.ts (publicContent).
import { diffArrays } from 'diff';
import { canonicalJson } from './canonical';

export type DiffPart = { added?: boolean; removed?: boolean; value: string };
export type ChangeKind = 'text' | 'value' | 'relation' | 'media';
export interface FieldChange {
  field: string;
  kind: ChangeKind;
  /** text: the whole text, unchanged runs included, in order. */
  parts?: DiffPart[];
  /** relation, media: display names of what was linked / unlinked. */
  added?: string[];
  removed?: string[];
  /** value: the canonical values. */
  before?: unknown;
  after?: unknown;
  /** The field's label, when the service knows one. */
  label?: string;
}
export interface DiffOptions {
  /** Plain text attributes (string, text): a word diff. */
  textFields?: string[];
  /** Rich text (markdown, or Strapi blocks: flattened to text): a word diff. */
  richTextFields?: string[];
  /** Relations: by documentId. */
  relationFields?: string[];
  /** Media: by the file's hash (else its SHA-256). */
  mediaFields?: string[];
  /** Display names: a relation's documentId or a file's hash → its title / file name. */
  labels?: Record<string, string>;
  /** Beyond this many edits a text diff gives up and shows the old text removed, the new added. */
  maxEditLength?: number;
}

type Segmenter = { segment(text: string): Iterable<{ segment: string }> };
let segmenter: Segmenter | null | undefined;
function wordSegmenter(): Segmenter | null {
  if (segmenter === undefined) {
    const Ctor = (Intl as any).Segmenter;
    segmenter = Ctor ? new Ctor('zh', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/** Words, spaces and punctuation, in order: joined again they give the text back. */
export function tokenize(text: string): string[] {
  if (!text) return [];
  const s = wordSegmenter();
  if (s) return Array.from(s.segment(text), (x) => x.segment);
  return text.split(/(\s+|[^\p{L}\p{N}_])/u).filter(Boolean);
}

function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    if (!part.value) continue;
    const last = out[out.length - 1];
    if (last && Boolean(last.added) === Boolean(part.added) && Boolean(last.removed) === Boolean(part.removed)) last.value += part.value;
    else out.push({ ...part });
  }
  return out;
}

/**
 * Replacements separated only by spaces read as one: "big red" → "small blue" rather than
 * big→small, " ", red→blue (as `diffWords` does). Both texts are still given back by the parts.
 */
function foldSpaces(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let i = 0;
  while (i < parts.length) {
    if (!parts[i].added && !parts[i].removed) {
      out.push(parts[i++]);
      continue;
    }
    // The run of changes from i, taking in spaces that have a change on both sides.
    const changed = (k: number) => k < parts.length && Boolean(parts[k].added || parts[k].removed);
    let end = i;
    for (;;) {
      if (changed(end + 1)) end += 1;
      else if (end + 1 < parts.length && !parts[end + 1].value.trim() && changed(end + 2)) end += 2;
      else break;
    }
    const group = parts.slice(i, end + 1);
    const spaced = group.some((p) => !p.added && !p.removed);
    if (spaced && group.some((p) => p.removed) && group.some((p) => p.added)) {
      out.push({ removed: true, value: group.filter((p) => !p.added).map((p) => p.value).join('') });
      out.push({ added: true, value: group.filter((p) => !p.removed).map((p) => p.value).join('') });
    } else out.push(...group);
    i = end + 1;
  }
  return merge(out);
}

const mark = (value: string, change: { added?: boolean; removed?: boolean }): DiffPart =>
  change.added ? { added: true, value } : change.removed ? { removed: true, value } : { value };

/** A word-level diff of two texts: unchanged, removed and added runs, adjacent runs merged. */
export function diffText(before: string, after: string, { maxEditLength = 5000 }: { maxEditLength?: number } = {}): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  const changes = diffArrays(a, b, { maxEditLength, timeout: 2000 } as any) as Array<{ value: string[]; added?: boolean; removed?: boolean }> | undefined;
  if (!changes) return merge([{ removed: true, value: before }, { added: true, value: after }]);
  return foldSpaces(merge(changes.map((c) => mark(c.value.join(''), c))));
}

/** Strapi blocks (rich text as JSON) → its text, a line per block; a string stays itself. */
export function plainText(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(plainText).join('\n');
  if (typeof value === 'object') {
    const node = value as { text?: unknown; children?: unknown[] };
    if (typeof node.text === 'string') return node.text;
    if (Array.isArray(node.children)) return node.children.map((c) => plainText(c)).join('');
  }
  return '';
}

const asList = <T>(value: T | T[] | null | undefined): T[] => (value == null ? [] : Array.isArray(value) ? value.filter((v) => v != null) : [value]);
const isMediaValue = (value: unknown) => asList(value).some((v) => v && typeof v === 'object' && ('sha256' in (v as object) || 'hash' in (v as object)));
const mediaId = (file: any): string => String(file?.hash ?? file?.sha256 ?? canonicalJson(file));

function listChange(field: string, kind: 'relation' | 'media', before: unknown, after: unknown, id: (v: any) => string, labels: Record<string, string>): FieldChange | null {
  const was = new Map(asList(before as any).map((v) => [id(v), v]));
  const now = new Map(asList(after as any).map((v) => [id(v), v]));
  const name = (key: string) => labels[key] ?? key;
  const added = [...now.keys()].filter((k) => !was.has(k)).map(name);
  const removed = [...was.keys()].filter((k) => !now.has(k)).map(name);
  if (!added.length && !removed.length) {
    // The same members in another order (or a file replaced under the same record): say what it is now.
    if (canonicalJson(before ?? null) === canonicalJson(after ?? null)) return null;
    return { field, kind, added: [], removed: [], before: [...was.keys()].map(name), after: [...now.keys()].map(name) };
  }
  return { field, kind, added, removed };
}

/**
 * The fields that differ between `before` and `after` (canonical content; `before` null means
 * nothing to compare with: every non-empty field is new), in `after`'s order, then fields only
 * `before` has.
 */
export function diffContent(before: Record<string, unknown> | null, after: Record<string, unknown> | null, options: DiffOptions = {}): FieldChange[] {
  const a = before ?? {};
  const b = after ?? {};
  const text = new Set([...(options.textFields ?? []), ...(options.richTextFields ?? [])]);
  const relations = new Set(options.relationFields ?? []);
  const media = new Set(options.mediaFields ?? []);
  const labels = options.labels ?? {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const out: FieldChange[] = [];
  for (const field of fields) {
    const was = a[field] ?? null;
    const now = b[field] ?? null;
    if (canonicalJson(was) === canonicalJson(now)) continue;
    if (media.has(field) || (!relations.has(field) && !text.has(field) && (isMediaValue(was) || isMediaValue(now)))) {
      const change = listChange(field, 'media', was, now, mediaId, labels);
      if (change) out.push(change);
    } else if (relations.has(field)) {
      const change = listChange(field, 'relation', was, now, (v) => String(v), labels);
      if (change) out.push(change);
    } else if (text.has(field)) {
      out.push({ field, kind: 'text', parts: diffText(plainText(was), plainText(now), { maxEditLength: options.maxEditLength }) });
    } else {
      out.push({ field, kind: 'value', before: was, after: now });
    }
  }
  return out;
}

/** What the service answers: the base compared with and the changed fields. */
export interface ChangesView {
  /** approved: the content at the last decision (approve, return, reject or sign-off) on other content than the draft's. */
  base: 'approved' | 'published' | 'none';
  baseHash: string | null;
  baseAt: string | null;
  baseEvent?: string | null;
  contentHash?: string;
  fields: FieldChange[];
}

const escape = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Long unchanged runs are shortened to their ends around the changes. */
export function abbreviate(value: string, keep = 60): string {
  return value.length > keep * 2 + 10 ? `${value.slice(0, keep)} … ${value.slice(-keep)}` : value;
}

const showValue = (value: unknown) => (value == null || value === '' ? '（空 empty）' : typeof value === 'string' ? value : canonicalJson(value));

/** The changes as an HTML section of the 审核单 (every text escaped; `<ins>` added, `<del>` removed). */
export function renderChangesHtml(view: ChangesView, { timeZone = 'Asia/Shanghai' }: { timeZone?: string } = {}): string {
  const at = view.baseAt ? new Date(view.baseAt).toLocaleString('zh-CN', { timeZone, hour12: false }) : '';
  const intro =
    view.base === 'none'
      ? '首次送审，无可比较的版本：全部内容均为新内容。First submission: nothing to compare with, everything is new.'
      : view.base === 'published'
        ? '与已公开的版本相比 Compared with the published version'
        : `与上次审核时（${escape(at)}）的版本相比 Compared with the version last reviewed (${escape(at)})`;
  const rows = view.fields.map((f) => {
    let cell = '';
    if (f.kind === 'text') cell = (f.parts ?? []).map((p) => (p.added ? `<ins>${escape(p.value)}</ins>` : p.removed ? `<del>${escape(p.value)}</del>` : escape(abbreviate(p.value)))).join('');
    else if (f.kind === 'relation' || f.kind === 'media') {
      const lines = [
        ...(f.added ?? []).map((n) => `<ins>＋ ${escape(n)}</ins>`),
        ...(f.removed ?? []).map((n) => `<del>－ ${escape(n)}</del>`),
      ];
      if (!lines.length) lines.push(`顺序或文件变更 order or file changed: ${escape(showValue(f.after))}`);
      cell = lines.join('<br>');
    } else cell = `<del>${escape(showValue(f.before))}</del> → <ins>${escape(showValue(f.after))}</ins>`;
    return `<tr><td>${escape(f.label ?? f.field)}</td><td class="dw-diff">${cell}</td></tr>`;
  });
  const body = view.base === 'none' ? '' : rows.length ? `<table><tr><th>字段 Field</th><th>修改 Change</th></tr>${rows.join('')}</table>` : '<p>无修改 No changes.</p>';
  return `<section class="dw-changes"><h2>本轮修改 Changes since the last review</h2><p>${intro}</p>${body}</section>`;
}

export const CHANGES_CSS = `.dw-slip .dw-changes h2{font-size:13pt;margin:1.2em 0 .3em}.dw-slip .dw-changes p{margin:.3em 0;font-size:10.5pt}
.dw-slip .dw-changes td:first-child{width:8em}.dw-slip .dw-diff{white-space:pre-wrap}
.dw-slip ins{color:#1a7f37;text-decoration:underline}.dw-slip del{color:#b3261e;text-decoration:line-through}`;
