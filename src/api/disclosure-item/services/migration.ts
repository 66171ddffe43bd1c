// Catalogue migration from an older CMS (npm run import:catalogue / export:catalogue). The file is
// read as a stream twice: a first pass checks every row (and, in a dry run, says what would be
// created or updated); only a file without problems is written, in a second pass, one transaction
// per row. Rows are matched by 索引号, compared before writing, so a re-run changes nothing and a run
// cut short resumes where it stopped. Published entries are attested by a named secrecy reviewer
// and a named office user (a migration round of the workflow plugin) and then published through the
// Document Service, so the publish gate passes on its own.
import fs from 'fs';
import path from 'path';
import crypto from 'crypto';
import { PassThrough } from 'stream';
import { StringDecoder } from 'string_decoder';
import type { Core } from '@strapi/strapi';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { CATEGORY, DEPARTMENT, ITEM } from '../../../constants';
import { EXPORT_HEADERS, FileChecks, exportRow, mapRow, resolveColumns, type ImportField, type ImportMapping, type ImportProblem, type ImportRow, type ResolvedColumns } from '../../../domain/catalogue-import';
import { localDate } from '../../../domain/local-date';
import { HISTORICAL_PUBLISHED_DATE, IMPORTED_INDEX_NUMBER } from '../../../document-middlewares/item-rules';

export const REVIEWER_ROLE = 'gov-secrecy-reviewer';
export const OFFICE_ROLE = 'gov-office';
const CHUNK = 200;

export interface ImportOptions {
  attachments?: string | null;
  dryRun?: boolean;
  reviewer?: string | null;
  office?: string | null;
  mapping?: ImportMapping;
  /** Publish entries whose pre-publication checks find blocking problems (the reviewer accepts them, recorded per item). */
  acceptFindings?: boolean;
  /** Rows written at once (PostgreSQL); SQLite writes one at a time. */
  concurrency?: number;
  progressEvery?: number;
  log?: (line: string) => void;
  /** Each row's plan (create / update with the fields / unchanged), as it is decided. */
  plan?: (entry: PlanEntry) => void;
}

export interface PlanEntry {
  row: number;
  indexNumber: string | null;
  title: string;
  action: 'create' | 'update' | 'unchanged';
  changes: string[];
  publish: boolean;
}

export interface ImportReport {
  file: string;
  batch: string;
  dryRun: boolean;
  written: boolean;
  rows: number;
  valid: number;
  problems: ImportProblem[];
  unmatched: Array<{ column: string; value: string; rows: number[] }>;
  ignoredColumns: string[];
  counts: { create: number; update: number; unchanged: number; publish: number; unpublished: number };
  done: { created: number; updated: number; unchanged: number; published: number; heldBack: Array<{ row: number; indexNumber: string | null; reason: string }> };
  seconds: number;
  rowsPerSecond: number;
}

const MIME: Record<string, string> = {
  '.pdf': 'application/pdf', '.ofd': 'application/ofd', '.doc': 'application/msword', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.csv': 'text/csv', '.txt': 'text/plain',
  '.zip': 'application/zip', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.bmp': 'image/bmp',
  '.tif': 'image/tiff', '.wps': 'application/vnd.ms-works', '.et': 'application/vnd.ms-excel', '.dps': 'application/vnd.ms-powerpoint',
};

/** Fields compared and written when their column is in the file. */
const SCALARS = ['title', 'documentNumber', 'formedAt', 'publishedDate', 'genre', 'validity', 'disclosure', 'exemptionReason', 'classified', 'summary', 'keywords', 'body', 'effectiveAt', 'repealAt', 'validityChangedAt', 'changedAt'] as const;
const FIELD_COLUMN: Record<string, ImportField> = { title: 'title', documentNumber: 'documentNumber', formedAt: 'formedAt', publishedDate: 'publishedDate', genre: 'genre', validity: 'validity', disclosure: 'disclosure', exemptionReason: 'exemptionReason', classified: 'classified', summary: 'summary', keywords: 'keywords', body: 'body', effectiveAt: 'effectiveAt', repealAt: 'repealAt', validityChangedAt: 'validityChangedAt', changedAt: 'changedAt' };

/** An exceljs cell value as text (rich text, formulas, hyperlinks); dates stay dates. */
function cellValue(value: any): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if (Array.isArray(value.richText)) return value.richText.map((r: any) => r.text).join('');
    if ('result' in value) return cellValue(value.result);
    if ('text' in value) return cellValue(value.text);
    return String(value);
  }
  return value;
}

/**
 * exceljs's streaming reader decodes each compressed chunk on its own, so a character split across
 * two chunks comes out as U+FFFD (Chinese text is 3 bytes a character): its sheets and shared
 * strings are given decoded text instead (the parser passes strings through).
 */
async function* utf8(source: AsyncIterable<Buffer | string>) {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** The rows of a CSV or XLSX file, streamed: `{ row, cells }`, the header being row 1. */
export async function* readRows(file: string): AsyncGenerator<{ row: number; cells: unknown[] }> {
  if (/\.xlsx$/i.test(file)) {
    const reader = new (ExcelJS as any).stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
    const sharedStrings = reader._parseSharedStrings.bind(reader);
    reader._parseSharedStrings = (entry: any) => sharedStrings(entry.pipe(new PassThrough()).setEncoding('utf8'));
    for await (const sheet of reader) {
      sheet.iterator = utf8(sheet.iterator);
      for await (const row of sheet) {
        const values: unknown[] = Array.isArray(row.values) ? row.values.slice(1) : [];
        yield { row: row.number, cells: values.map(cellValue) };
      }
      return; // the first sheet only
    }
    return;
  }
  const parser = fs.createReadStream(file, { encoding: 'utf8' }).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true }));
  let row = 0;
  for await (const record of parser) yield { row: ++row, cells: record as unknown[] };
}

const norm = (field: string, value: unknown): unknown => {
  if (value === undefined || value === null || value === '') return null;
  if (field === 'publishedDate') return new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as any)).toISOString();
  if (field === 'classified') return Boolean(value);
  if (['formedAt', 'effectiveAt', 'repealAt', 'validityChangedAt', 'changedAt'].includes(field)) return String(value).slice(0, 10);
  return value;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const timeZone = () => strapi.config.get<string>('disclosure.timeZone', 'Asia/Shanghai');
  /** The site's UTC offset now, e.g. '+08:00' (dates without a zone are read in it). */
  const offset = () => {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: timeZone(), timeZoneName: 'longOffset' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+08:00';
    return part === 'GMT' ? '+00:00' : part.replace('GMT', '');
  };

  async function adminWithRole(email: string | null | undefined, role: string, flag: string) {
    if (!email) throw new Error(`a real run needs ${flag} EMAIL: an admin user holding the role ${role} attests the migration batch (--dry-run needs neither)`);
    const user = await strapi.db.query('admin::user').findOne({ where: { email: email.toLowerCase() }, populate: { roles: { select: ['code'] } } });
    if (!user) throw new Error(`${flag} ${email}: no such admin user`);
    if (!user.isActive || user.blocked) throw new Error(`${flag} ${email}: the user is not active`);
    if (!user.roles.some((r: any) => r.code === role)) throw new Error(`${flag} ${email}: the user does not hold the role ${role}`);
    return user;
  }

  /** Departments and categories by code and by exact name, read once. */
  async function lookups() {
    const departments = await strapi.db.query(DEPARTMENT).findMany({ select: ['id', 'documentId', 'code', 'name', 'regionCode'] });
    const categories = await strapi.db.query(CATEGORY).findMany({ select: ['id', 'documentId', 'code', 'name'] });
    const index = (rows: any[]) => {
      const map = new Map<string, any>();
      for (const r of rows) if (r.name && !map.has(r.name)) map.set(r.name, r);
      for (const r of rows) if (r.code) map.set(r.code, r); // a code wins over a name
      return map;
    };
    return { departments: index(departments), categories: index(categories) };
  }

  /** The drafts (with what is compared) and the published documents of these 索引号. */
  async function existing(numbers: string[]) {
    if (!numbers.length) return new Map<string, any>();
    const drafts = await strapi.db.query(ITEM).findMany({
      where: { indexNumber: { $in: numbers }, publishedAt: null },
      populate: { department: { select: ['id'] }, category: { select: ['id'] }, attachments: { select: ['id', 'name'] } },
    });
    const published = await strapi.db.query(ITEM).findMany({ where: { indexNumber: { $in: numbers }, publishedAt: { $notNull: true } }, select: ['documentId'] });
    const live = new Set(published.map((p: any) => p.documentId));
    return new Map<string, any>(drafts.map((d: any) => [d.indexNumber, { ...d, published: live.has(d.documentId) }]));
  }

  /** What the row would change on the stored draft (fields whose column is in the file). */
  function changesOf(value: ImportRow, current: any | null, cols: ResolvedColumns, dept: any, cat: any): string[] {
    if (!current) return ['*'];
    const changes: string[] = [];
    for (const field of SCALARS) {
      // 公开属性 also says 涉密 and implies a reason: those follow the disclosure column too.
      const column = cols.columns[FIELD_COLUMN[field]] !== undefined || ((field === 'classified' || field === 'exemptionReason') && cols.columns.disclosure !== undefined);
      if (!column) continue;
      if (norm(field, (value as any)[field]) !== norm(field, current[field])) changes.push(field);
    }
    if ((current.department?.id ?? null) !== (dept?.id ?? null)) changes.push('department');
    if ((cols.columns.category !== undefined || cols.columns.categoryCode !== undefined) && (current.category?.id ?? null) !== (cat?.id ?? null)) changes.push('category');
    if (cols.columns.attachments !== undefined) {
      const names = value.attachments.map((a) => path.basename(a));
      const stored = (current.attachments ?? []).map((a: any) => a.name);
      if (names.join('\n') !== stored.join('\n')) changes.push('attachments');
    }
    return changes;
  }

  async function upload(dir: string, entry: string): Promise<number> {
    const filepath = path.resolve(dir, entry);
    const stat = fs.statSync(filepath);
    const name = path.basename(entry);
    const [file] = await strapi.plugin('upload').service('upload').upload({
      data: { fileInfo: { name } },
      files: { filepath, originalFilename: name, mimetype: MIME[path.extname(name).toLowerCase()] ?? 'application/octet-stream', size: stat.size } as any,
    });
    return file.id;
  }

  /** One row, in its own transaction: create or update the draft, attest and publish when it should be public. */
  async function writeRow(value: ImportRow, plan: PlanEntry, current: any, ctx: { cols: ResolvedColumns; dept: any; cat: any; options: ImportOptions; batch: string; reviewer: any; office: any; report: ImportReport }) {
    const { cols, dept, cat, options, batch, reviewer, office, report } = ctx;
    const needsPublish = value.publish && (plan.action !== 'unchanged' || !current?.published);
    if (plan.action === 'unchanged' && !needsPublish) {
      report.done.unchanged++;
      return;
    }
    await strapi.db.transaction(async () => {
      const data: Record<string, unknown> = {};
      // A new item gets every value (the defaults where the file has no column); a stored one only what changed.
      for (const field of SCALARS) if (!current || plan.changes.includes(field)) data[field] = (value as any)[field];
      if (!current || plan.changes.includes('department')) data.department = dept.documentId;
      if (!current || plan.changes.includes('category')) data.category = cat ? cat.documentId : null;
      if ((!current && value.attachments.length) || plan.changes.includes('attachments')) {
        const ids: number[] = [];
        for (const entry of value.attachments) ids.push(await upload(options.attachments!, entry));
        data.attachments = ids;
      }
      for (const key of Object.keys(data)) if (data[key] === undefined) delete data[key];
      let documentId: string = current?.documentId;
      if (!current) {
        const created = await strapi.documents(ITEM as any).create({
          data: data as any, [HISTORICAL_PUBLISHED_DATE]: true, ...(value.indexNumber ? { [IMPORTED_INDEX_NUMBER]: value.indexNumber } : {}),
        } as any);
        documentId = created.documentId;
        if (value.indexNumber) await strapi.service('api::disclosure-item.index-number').advancePast({ department: dept, indexNumber: value.indexNumber });
        report.done.created++;
      } else if (plan.changes.length) {
        await strapi.documents(ITEM as any).update({ documentId, data: data as any, [HISTORICAL_PUBLISHED_DATE]: true } as any);
        report.done.updated++;
      } else report.done.unchanged++;
      if (!needsPublish) return;
      const workflow = strapi.plugin('disclosure-workflow').service('workflow');
      try {
        await workflow.attestMigration({ uid: ITEM, documentId, locale: null, batch, reviewer: reviewer.id, office: office.id, acceptFindings: Boolean(options.acceptFindings) });
      } catch (error: any) {
        if (error?.code !== 'INSPECTION_FAILED') throw error;
        // Kept as a draft (written above), not published: the checks found what a person must look at.
        report.done.heldBack.push({ row: value.row, indexNumber: value.indexNumber, reason: error.message });
        return;
      }
      await strapi.documents(ITEM as any).publish({ documentId, [HISTORICAL_PUBLISHED_DATE]: true } as any);
      report.done.published++;
    });
  }

  return {
    readRows,

    async run(file: string, options: ImportOptions = {}): Promise<ImportReport> {
      const started = Date.now();
      const log = options.log ?? (() => {});
      const dryRun = Boolean(options.dryRun);
      if (!fs.existsSync(file)) throw new Error(`${file}: no such file`);
      if (!/\.(csv|xlsx)$/i.test(file)) throw new Error(`${file}: give a .csv or .xlsx file`);
      // A real run is attested by two named people; refused before anything is read.
      const reviewer = dryRun ? null : await adminWithRole(options.reviewer, REVIEWER_ROLE, '--reviewer');
      const office = dryRun ? null : await adminWithRole(options.office, OFFICE_ROLE, '--office');
      if (reviewer && office && reviewer.id === office.id) throw new Error('--reviewer and --office must be two different people');
      const hash = crypto.createHash('sha256');
      await new Promise<void>((resolve, reject) => fs.createReadStream(file).on('data', (c) => hash.update(c)).on('end', () => resolve()).on('error', reject));
      const batch = `${path.basename(file)}#${hash.digest('hex').slice(0, 12)}`;
      const report: ImportReport = {
        file, batch, dryRun, written: false, rows: 0, valid: 0, problems: [], unmatched: [], ignoredColumns: [],
        counts: { create: 0, update: 0, unchanged: 0, publish: 0, unpublished: 0 },
        done: { created: 0, updated: 0, unchanged: 0, published: 0, heldBack: [] }, seconds: 0, rowsPerSecond: 0,
      };
      const { departments, categories } = await lookups();
      const today = localDate(new Date(), timeZone());
      const zone = offset();
      const every = options.progressEvery ?? 1000;

      /**
       * One streamed pass over the file: each row mapped, checked and matched, in chunks of CHUNK rows
       * whose stored drafts are read at once; `each` gets the good rows with their plan.
       */
      const pass = async (each: ((rows: Array<{ value: ImportRow; plan: PlanEntry; current: any; dept: any; cat: any }>, cols: ResolvedColumns) => Promise<void>) | null, check: boolean) => {
        let cols: ResolvedColumns | null = null;
        const fileChecks = new FileChecks();
        const unmatched = new Map<string, { column: string; value: string; rows: number[] }>();
        let chunk: Array<{ value: ImportRow; dept: any; cat: any }> = [];
        const flush = async () => {
          if (!chunk.length) return;
          const stored = await existing(chunk.map((c) => c.value.indexNumber).filter(Boolean) as string[]);
          const planned = chunk.map(({ value, dept, cat }) => {
            const current = value.indexNumber ? stored.get(value.indexNumber) ?? null : null;
            const changes = changesOf(value, current, cols!, dept, cat);
            const action: PlanEntry['action'] = !current ? 'create' : changes.length ? 'update' : 'unchanged';
            const plan: PlanEntry = { row: value.row, indexNumber: value.indexNumber, title: value.title, action, changes: current ? changes : [], publish: value.publish };
            return { value, plan, current, dept, cat };
          });
          chunk = [];
          if (each) await each(planned, cols!);
        };
        for await (const { row, cells } of readRows(file)) {
          if (!cols) {
            cols = resolveColumns(cells, options.mapping);
            if (check) {
              report.problems.push(...cols.problems);
              report.ignoredColumns = cols.ignored;
            }
            if (cols.problems.length) return;
            continue;
          }
          if (cells.every((c) => String(c ?? '').trim() === '')) continue;
          if (check) report.rows++;
          const { value, problems } = mapRow(cells, row, cols, { mapping: options.mapping, today, offset: zone });
          const rowProblems = [...problems];
          // Matched even on a row with other problems: every unmatched value is listed with all its rows.
          const cellOf = (field: ImportField) => (cols!.columns[field] === undefined ? '' : String(cells[cols!.columns[field]!] ?? '').trim());
          const deptText = cellOf('departmentCode') || cellOf('department');
          const catText = cellOf('categoryCode') || cellOf('category');
          const dept: any = deptText ? departments.get(deptText) ?? null : null;
          const cat: any = catText ? categories.get(catText) ?? null : null;
          const unknown = (kind: string, text: string, column: string, what: string) => {
            const key = `${kind}|${text}`;
            if (!unmatched.has(key)) unmatched.set(key, { column, value: text, rows: [] });
            unmatched.get(key)!.rows.push(row);
            rowProblems.push({ row, column, message: `${what}「${text}」不存在（按代码或名称匹配）/ unknown ${kind === 'd' ? 'department' : 'category'} (matched by code or exact name)` });
          };
          if (deptText && !dept) unknown('d', deptText, cellOf('departmentCode') ? cols.headers.departmentCode! : cols.headers.department ?? '发布机构', '发布机构');
          if (catText && !cat) unknown('c', catText, cellOf('categoryCode') ? cols.headers.categoryCode! : cols.headers.category ?? '主题分类', '主题分类');
          if (value) {
            rowProblems.push(...fileChecks.add(value, cols.headers.indexNumber));
            for (const entry of value.attachments) {
              const dir = options.attachments;
              if (!dir) rowProblems.push({ row, column: cols.headers.attachments ?? '附件', message: `附件「${entry}」：未指定附件目录 --attachments DIR / no attachments folder given` });
              else if (!fs.existsSync(path.resolve(dir, entry)) || !fs.statSync(path.resolve(dir, entry)).isFile()) rowProblems.push({ row, column: cols.headers.attachments ?? '附件', message: `附件「${entry}」在 ${dir} 中不存在 / attachment not found` });
            }
          }
          if (rowProblems.length) {
            if (check) report.problems.push(...rowProblems);
            continue;
          }
          if (check) report.valid++;
          chunk.push({ value: value!, dept, cat });
          if (chunk.length >= CHUNK) await flush();
        }
        await flush();
        if (check) report.unmatched = [...unmatched.values()];
        if (!cols && check) report.problems.push({ row: 1, column: '', message: '文件为空 / the file has no header row' });
      };

      // Pass 1: every row checked; the plan counted (and, row by row, told).
      await pass(async (rows) => {
        for (const { plan } of rows) {
          report.counts[plan.action]++;
          if (plan.publish) report.counts.publish++;
          else report.counts.unpublished++;
          options.plan?.(plan);
        }
      }, true);
      const finish = () => {
        report.seconds = (Date.now() - started) / 1000;
        report.rowsPerSecond = report.seconds ? Math.round(report.rows / report.seconds) : report.rows;
        return report;
      };
      log(`checked ${report.rows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s: ${report.problems.length} problems; would create ${report.counts.create}, update ${report.counts.update}, leave ${report.counts.unchanged} unchanged`);
      if (report.problems.length || dryRun) return finish();

      // Pass 2: written, one transaction per row.
      const concurrency = Math.max(1, strapi.db.dialect.client === 'postgres' ? options.concurrency ?? 4 : 1);
      const writeStarted = Date.now();
      let written = 0;
      await pass(async (rows, cols) => {
        let next = 0;
        const worker = async () => {
          while (next < rows.length) {
            const { value, plan, current, dept, cat } = rows[next++];
            await writeRow(value, plan, current, { cols, dept, cat, options, batch, reviewer, office, report });
            written++;
            if (written % every === 0 || written === report.valid) {
              const s = (Date.now() - writeStarted) / 1000;
              log(`written ${written}/${report.valid} rows, ${(written / Math.max(s, 0.001)).toFixed(0)} rows/s`);
            }
          }
        };
        await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
      }, false);
      report.written = true;
      await strapi.plugin('disclosure-workflow').service('workflow').recordMigrationBatch({
        batch, reviewer: reviewer.id, office: office.id,
        data: { file: path.basename(file), rows: report.rows, created: report.done.created, updated: report.done.updated, unchanged: report.done.unchanged, published: report.done.published, heldBack: report.done.heldBack.length },
      });
      return finish();
    },

    /** Every item (all states) as DIR/catalogue.csv and DIR/catalogue.xlsx, attachments under DIR/attachments/. */
    async export(dir: string, { log = (_line: string) => {} }: { log?: (line: string) => void } = {}) {
      const files = path.join(dir, 'attachments');
      fs.mkdirSync(files, { recursive: true });
      const csvOut = fs.createWriteStream(path.join(dir, 'catalogue.csv'));
      const csv = stringify({ bom: true });
      csv.pipe(csvOut);
      const workbook = new (ExcelJS as any).stream.xlsx.WorkbookWriter({ filename: path.join(dir, 'catalogue.xlsx'), useSharedStrings: false, useStyles: false });
      const sheet = workbook.addWorksheet('目录');
      const write = (record: string[]) => new Promise<void>((resolve) => (csv.write(record) ? resolve() : csv.once('drain', () => resolve())));
      await write(EXPORT_HEADERS);
      sheet.addRow(EXPORT_HEADERS).commit();
      const publicDir = strapi.dirs.static.public;
      let lastId = 0;
      let count = 0;
      let copied = 0;
      const missing: Array<{ indexNumber: string | null; name: string }> = [];
      for (;;) {
        const items = await strapi.db.query(ITEM).findMany({
          where: { publishedAt: null, id: { $gt: lastId } }, orderBy: { id: 'asc' }, limit: 500,
          populate: { department: { select: ['name', 'code'] }, category: { select: ['name', 'code'] }, attachments: { select: ['name', 'url', 'provider'] } },
        });
        if (!items.length) break;
        lastId = items[items.length - 1].id;
        const live = new Set((await strapi.db.query(ITEM).findMany({ where: { documentId: { $in: items.map((i: any) => i.documentId) }, publishedAt: { $notNull: true } }, select: ['documentId'] })).map((r: any) => r.documentId));
        for (const item of items) {
          const folder = String(item.indexNumber || item.documentId).replace(/[\\/:*?"<>|;\s]/g, '_');
          const entries: string[] = [];
          const used = new Set<string>();
          for (const file of item.attachments ?? []) {
            if (!String(file.url ?? '').startsWith('/')) throw new Error(`attachment ${file.name} of ${item.indexNumber}: only files of the local upload provider can be exported (${file.url})`);
            // A file record whose bytes are gone cannot travel: said, and left out of the row.
            if (!fs.existsSync(path.join(publicDir, file.url))) {
              missing.push({ indexNumber: item.indexNumber ?? null, name: String(file.name) });
              log(`missing file: ${file.name} of ${item.indexNumber ?? item.documentId} (${file.url}) is not in ${publicDir}; exported without it`);
              continue;
            }
            let name = String(file.name).replace(/[\\/;|]/g, '_');
            while (used.has(name)) name = `_${name}`;
            used.add(name);
            fs.mkdirSync(path.join(files, folder), { recursive: true });
            fs.copyFileSync(path.join(publicDir, file.url), path.join(files, folder, name));
            entries.push(`${folder}/${name}`);
            copied++;
          }
          const record = exportRow({ ...item, published: live.has(item.documentId) }, entries);
          await write(record);
          sheet.addRow(record).commit();
          count++;
        }
        log(`exported ${count} items`);
      }
      csv.end();
      await new Promise<void>((resolve, reject) => csvOut.on('finish', () => resolve()).on('error', reject));
      sheet.commit();
      await workbook.commit();
      return { items: count, attachments: copied, missing, csv: path.join(dir, 'catalogue.csv'), xlsx: path.join(dir, 'catalogue.xlsx'), attachmentsDir: files };
    },
  };
};
