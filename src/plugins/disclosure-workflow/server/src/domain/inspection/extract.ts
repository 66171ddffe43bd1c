// An attachment's text for the checks: its type decided by content (file-type, as for uploads),
// its size, and its text — PDF per page (unpdf), DOCX (mammoth), XLSX/CSV per row (exceljs), plain
// text and HTML whole. What cannot be read by machine (images, OFD, old Office and WPS files,
// archives, a PDF without a text layer) is a finding too: a reviewer must look at it.
import { fromBuffer } from 'file-type';
import mammoth from 'mammoth';
import { decodeText } from '../attachment-types';
import { pdfPages } from './pdf';
import { csvRows, xlsxRows } from './sheet';
import type { Finding, TextSource } from './types';

export interface Attachment {
  field: string;
  name: string;
  data: Buffer | Uint8Array;
  size?: number;
}

export interface ExtractOptions {
  allowedMimes: string[];
  maxBytes: number;
}

export interface Extracted {
  sources: TextSource[];
  findings: Finding[];
  mime: string | null;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The MIME type by content; text formats (no magic bytes) by decoding, then by extension. */
async function sniff(name: string, data: Buffer): Promise<string | null> {
  const detected = (await fromBuffer(data))?.mime ?? null;
  // file-type reads only the first ZIP entries; other writers order them differently.
  if (detected === 'application/zip') {
    if (data.includes('OFD.xml')) return 'application/ofd';
    if (data.includes('word/document.xml')) return DOCX;
    if (data.includes('xl/workbook.xml')) return XLSX;
  }
  if (detected || decodeText(data) === null) return detected;
  if (/\.csv$/i.test(name)) return 'text/csv';
  return /\.html?$/i.test(name) ? 'text/html' : 'text/plain';
}

async function read(att: Attachment, data: Buffer, mime: string): Promise<TextSource[] | null> {
  const { field, name } = att;
  switch (mime) {
    case 'application/pdf': {
      const pages = await pdfPages(data);
      if (!pages.some((p) => p.trim())) return null; // scanned: images only
      return pages.map((text, i) => ({ field, location: `${name} p.${i + 1}`, text }));
    }
    case DOCX:
      return [{ field, location: name, text: (await mammoth.extractRawText({ buffer: data })).value }];
    case XLSX:
      return xlsxRows(field, name, data);
    case 'text/csv':
      return csvRows(field, name, decodeText(data));
    case 'text/plain':
      return [{ field, location: name, text: decodeText(data) }];
    case 'text/html':
      return [{ field, location: name, text: decodeText(data).replace(/<[^>]*>/g, ' ') }];
    default:
      return null;
  }
}

export async function extractAttachment(att: Attachment, options: ExtractOptions): Promise<Extracted> {
  const data = Buffer.isBuffer(att.data) ? att.data : Buffer.from(att.data.buffer, att.data.byteOffset, att.data.byteLength);
  let mime: string | null = null;
  const finding = (rule: string, severity: Finding['severity'], excerpt: string): Extracted => ({
    sources: [],
    findings: [{ rule, severity, field: att.field, location: att.name, excerpt }],
    mime,
  });
  const size = att.size ?? data.length;
  if (size > options.maxBytes) return finding('attachment.tooLarge', 'error', `${att.name}：${size} 字节，超过上限 ${options.maxBytes} 字节`);
  mime = await sniff(att.name, data);
  if (!mime || !options.allowedMimes.includes(mime)) return finding('attachment.type', 'error', `${att.name}：内容为 ${mime ?? '无法识别的格式'}，不是允许的附件类型`);
  let sources: TextSource[] | null;
  try {
    sources = await read(att, data, mime);
  } catch (error) {
    const reason = /password|encrypt/i.test(String(error?.message ?? error)) ? '已加密' : '文件损坏或无法解析';
    return finding('attachment.unreadable', 'error', `${att.name}：${reason}`);
  }
  if (!sources) return finding('attachment.notMachineReadable', 'warning', `${att.name}：不能机读（${mime}），请人工检查`);
  return { sources, findings: [], mime };
}
