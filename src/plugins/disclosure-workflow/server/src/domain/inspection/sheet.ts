// Rows of spreadsheets (XLSX with exceljs, CSV as text), one text source per row, so a finding
// names its sheet and row.
import ExcelJS from 'exceljs';
import type { TextSource } from './types';

function cellText(value: unknown): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: string };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if (v.text !== undefined) return cellText(v.text);
  if (v.result !== undefined) return cellText(v.result);
  return v.error ?? '';
}

export async function xlsxRows(field: string, name: string, data: Buffer): Promise<TextSource[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer); // exceljs declares its own Buffer type
  const sources: TextSource[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells = row.values as unknown[];
      let text = '';
      for (let i = 1; i < cells.length; i++) text += (i > 1 ? ' ' : '') + cellText(cells[i]);
      if (text.trim()) sources.push({ field, location: `${name} 表${sheet.name} 第${number}行`, text });
    });
  }
  return sources;
}

export function csvRows(field: string, name: string, text: string): TextSource[] {
  const sources: TextSource[] = [];
  text.split(/\r?\n/).forEach((line, i) => line.trim() && sources.push({ field, location: `${name} 第${i + 1}行`, text: line }));
  return sources;
}
