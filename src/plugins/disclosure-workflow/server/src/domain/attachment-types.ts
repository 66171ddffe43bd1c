// Which files may be uploaded as attachments, decided by their content (magic bytes), not by the
// name or the type the browser declares. Plain TypeScript: the service sniffs the bytes with
// `file-type` and hands the result here.
//
// Each type lists the extensions it may carry (a file is stored and served under its extension, so
// a PDF named `.html` would be served as HTML) and what its bytes must look like. Text formats have
// no magic bytes: they must decode as text (UTF-8, GB18030 or UTF-16 with a BOM) and contain no
// markup or script. HTML, SVG, XML and JavaScript are never attachment types.

const ZIP = 'application/zip';
const CFB = 'application/x-cfb'; // OLE2 compound file: DOC, XLS, old WPS formats
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface AttachmentType {
  /** Extensions (lower case, with the dot) a file of this type may have. */
  extensions: string[];
  /** What `file-type` must detect, or 'text' for formats without magic bytes. */
  content: string[] | 'text';
  /** The MIME type stored with the file. */
  mime: string;
  /** Raster images: shown inline; everything else is served as a download. */
  image?: boolean;
  /** A name that must occur in the ZIP's entries (OFD's OFD.xml). */
  zipEntry?: string;
}

export const ATTACHMENT_TYPES: Record<string, AttachmentType> = {
  pdf: { extensions: ['.pdf'], content: ['application/pdf'], mime: 'application/pdf' },
  ofd: { extensions: ['.ofd'], content: [ZIP], mime: 'application/ofd', zipEntry: 'OFD.xml' },
  doc: { extensions: ['.doc'], content: [CFB], mime: 'application/msword' },
  docx: { extensions: ['.docx'], content: [DOCX, ZIP], mime: DOCX },
  xls: { extensions: ['.xls'], content: [CFB], mime: 'application/vnd.ms-excel' },
  xlsx: { extensions: ['.xlsx'], content: [XLSX, ZIP], mime: XLSX },
  // WPS Office (金山): 文字 .wps, 表格 .et, 演示 .dps — OLE2, or OOXML-style ZIP in newer versions.
  wps: { extensions: ['.wps'], content: [CFB, ZIP, DOCX], mime: 'application/vnd.ms-works' },
  et: { extensions: ['.et'], content: [CFB, ZIP, XLSX], mime: 'application/vnd.ms-excel' },
  dps: { extensions: ['.dps'], content: [CFB, ZIP], mime: 'application/vnd.ms-powerpoint' },
  csv: { extensions: ['.csv'], content: 'text', mime: 'text/csv' },
  txt: { extensions: ['.txt'], content: 'text', mime: 'text/plain' },
  zip: { extensions: ['.zip'], content: [ZIP], mime: ZIP },
  png: { extensions: ['.png'], content: ['image/png'], mime: 'image/png', image: true },
  jpg: { extensions: ['.jpg', '.jpeg'], content: ['image/jpeg'], mime: 'image/jpeg', image: true },
  gif: { extensions: ['.gif'], content: ['image/gif'], mime: 'image/gif', image: true },
  webp: { extensions: ['.webp'], content: ['image/webp'], mime: 'image/webp', image: true },
  bmp: { extensions: ['.bmp'], content: ['image/bmp'], mime: 'image/bmp', image: true },
  tif: { extensions: ['.tif', '.tiff'], content: ['image/tiff'], mime: 'image/tiff', image: true },
};

/** The default allow-list: every type above. */
export const DEFAULT_ALLOWED_TYPES = Object.keys(ATTACHMENT_TYPES);

/** Extensions of raster images: the only uploads a browser may show inline. */
export const IMAGE_EXTENSIONS = new Set(Object.values(ATTACHMENT_TYPES).filter((t) => t.image).flatMap((t) => t.extensions));

export function assertKnownTypes(names: unknown): string[] {
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) throw new Error('uploads.allowedTypes (disclosure-workflow configuration) must be a list of type names');
  const unknown = names.filter((n) => !ATTACHMENT_TYPES[n]);
  if (unknown.length) throw new Error(`uploads.allowedTypes (disclosure-workflow configuration): unknown type(s) ${unknown.join(', ')}; known: ${DEFAULT_ALLOWED_TYPES.join(', ')}`);
  return names;
}

/** Markup a browser could run or render: never allowed inside a text attachment. */
const ACTIVE_MARKUP = /<\s*(script|html|svg|\?xml|!doctype|iframe|frame|body|head|object|embed|meta|link|style|base|form|math|xsl|img|a\s|template)\b|javascript:/i;

/** Decodes bytes as text, or null when they are not text (NUL bytes, invalid in every encoding tried). */
export function decodeText(bytes: Uint8Array): string | null {
  const hasBom16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (hasBom16) {
    try {
      return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  }
  if (bytes.includes(0)) return null;
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      // try the next encoding
    }
  }
  return null;
}

export interface Sniffed {
  /** The file's name as uploaded (for the message). */
  name: string;
  /** The extension it will be stored and served under (lower case, with the dot). */
  ext: string;
  /** What `file-type` detected, if anything. */
  detected?: string;
  /** The bytes, for text formats and ZIP entry checks (may be a prefix + suffix of a large file). */
  bytes: Uint8Array;
}

export type Verdict =
  | { ok: true; type: string; mime: string }
  | { ok: false; zh: string; en: string };

const refusal = (name: string, zh: string, en: string): Verdict => ({
  ok: false,
  zh: `附件“${name}”不能上传：${zh}`,
  en: `attachment "${name}" was refused: ${en}`,
});

const ACTIVE_TYPES = new Set(['application/xml', 'text/xml', 'image/svg+xml', 'text/html', 'application/xhtml+xml', 'application/javascript', 'text/javascript']);

/** Decides whether a file may be stored as an attachment under its extension. */
export function classify(file: Sniffed, allowed: string[]): Verdict {
  const allowedList = allowed.map((n) => `${n}`).join(', ');
  if (file.detected && ACTIVE_TYPES.has(file.detected)) {
    return refusal(file.name, `内容为可执行的标记或脚本（${file.detected}），不允许上传`, `its content is active markup or script (${file.detected}), which is never allowed`);
  }
  const name = allowed.find((n) => ATTACHMENT_TYPES[n]?.extensions.includes(file.ext));
  if (!name) {
    return refusal(file.name, `不允许的附件类型“${file.ext || '（无扩展名）'}”；允许：${allowedList}`, `type "${file.ext || '(no extension)'}" is not an allowed attachment type; allowed: ${allowedList}`);
  }
  const type = ATTACHMENT_TYPES[name];
  if (type.content === 'text') {
    if (file.detected) {
      return refusal(file.name, `扩展名为 ${file.ext}，但内容是 ${file.detected}`, `it is named ${file.ext} but its content is ${file.detected}`);
    }
    const text = decodeText(file.bytes);
    if (text === null) return refusal(file.name, `扩展名为 ${file.ext}，但内容不是文本`, `it is named ${file.ext} but its content is not text`);
    if (ACTIVE_MARKUP.test(text)) {
      return refusal(file.name, '文本中含有 HTML、SVG、XML 标记或脚本', 'the text contains HTML, SVG or XML markup or script');
    }
    return { ok: true, type: name, mime: type.mime };
  }
  if (!file.detected || !type.content.includes(file.detected)) {
    return refusal(
      file.name,
      `扩展名为 ${file.ext}，但内容${file.detected ? `是 ${file.detected}` : '无法识别'}`,
      `it is named ${file.ext} but its content ${file.detected ? `is ${file.detected}` : 'is not recognised'}`,
    );
  }
  if (type.zipEntry && !Buffer.from(file.bytes).includes(type.zipEntry)) {
    return refusal(file.name, `不是有效的 ${name.toUpperCase()} 文件（缺少 ${type.zipEntry}）`, `not a valid ${name.toUpperCase()} file (no ${type.zipEntry})`);
  }
  return { ok: true, type: name, mime: type.mime };
}
