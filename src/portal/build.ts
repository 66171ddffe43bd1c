// `npm run portal:build`: the static 政府信息公开 portal, built from the public API over HTTP as an
// anonymous client (public-api.ts) and written as HTML, CSS, sitemap.xml, an Atom feed and
// robots.txt into a folder a web server serves: item pages, lists and trees, 公开指南, 办事指南,
// 公开年报 and the 依申请公开 page (the search, form and status pages are the CMS's:
// middlewares/portal-pages.ts). Pages come from nunjucks templates (render.ts, autoescaped); item
// bodies are Markdown rendered by markdown-it without raw HTML. A manifest of the last build lets the
// next one delete what is no longer public, and lets an incremental build (`changed`) read and render
// again only the items that changed, their linkers and the list pages whose inputs changed.
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import path from 'path';
import { GENRE_LABELS, VALIDITY_LABELS } from '../domain/catalogue-export';
import { CATALOGUE_ROW_FIELDS } from '../domain/catalogue-query';
import { RULES_CATEGORY_CODE } from '../bootstrap/categories';
import { localDate } from '../domain/local-date';
import { writeCollections } from './collections';
import { PublicApi } from './public-api';
import { environment, ASSETS, TEMPLATES } from './render';
import { groupBy, itemFile, itemHref, LIST_PAGE_SIZE, listIndexFile, listIndexHref, listPageFile, listPageHref, pageOfPosition, pages, siteName, stablePages, tree, type PortalItem } from './site';

export interface BuildOptions {
  /** Base URL of the CMS whose public API is read, e.g. http://localhost:1337. */
  api: string;
  /** Output folder. */
  out: string;
  /** The portal's public address, for canonical links, the sitemap and the feed (default: none, root-relative links). */
  siteUrl?: string;
  timeZone?: string;
  log?: (message: string) => void;
  /**
   * Incremental: documentIds known to have changed (published, unpublished, edited, flagged). Their
   * pages, the pages linking to them and every item whose catalogue row changed are read and
   * rendered again; the lists always. Without it (or without an earlier build) everything is.
   */
  changed?: string[];
}

export interface BuildResult {
  /** Files of this build (the portal as it now stands). */
  written: number;
  /** Files whose content this build actually changed. */
  rewritten: number;
  /** Item pages read and rendered this time. */
  rendered: number;
  removed: number;
  items: number;
  seconds: number;
}

const MANIFEST = '.portal-manifest.json';
const MANIFEST_VERSION = 4;

/** What the last build wrote: its files, and per item what its page was built from. */
interface Manifest {
  version: number;
  files: string[];
  items: Record<string, { row: string; files: string[]; links: string[] }>;
  /** The public items' list rows, newest first (an incremental build starts from them). */
  rows: PortalItem[];
  /** Per list page, a digest of what it was rendered from. */
  lists: Record<string, string>;
}

/** An item as the lists show it (the catalogue's row fields), from an item read in full. */
const ref = (value: any) => (value ? { documentId: value.documentId, name: value.name, code: value.code ?? null } : null);
const listRow = (item: any): PortalItem =>
  ({ ...Object.fromEntries(CATALOGUE_ROW_FIELDS.map((f) => [f, item[f] ?? null])), department: ref(item.department), category: ref(item.category) }) as PortalItem;
/** The catalogue's order: newest 发布日期 first (a stable sort keeps the API's order among equals). */
const newestFirst = (a: PortalItem, b: PortalItem) => String(b.publishedDate ?? '').localeCompare(String(a.publishedDate ?? ''));

/** The templates' and assets' content: a new release renders every list page again. */
async function templatesDigest(): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of [TEMPLATES, ASSETS]) for (const name of (await fs.readdir(dir)).sort()) hash.update(name).update(await fs.readFile(path.join(dir, name)));
  return hash.digest('base64url');
}
const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');
const LINKS = ['related', 'interprets', 'interpretations', 'supersedes'] as const;
/** documentIds of the public items an item's page links to (their titles appear on it). */
const linksOf = (item: any): string[] => [...LINKS.flatMap((k) => (item[k] ?? []).map((l: any) => l.documentId)), ...(item.supersededBy ? [item.supersededBy.documentId] : [])];
const FEED_SIZE = 50;
const CONCURRENCY = 8;

/** Runs `work` over `inputs` with at most `limit` at a time, keeping the order of the results. */
async function pool<I, O>(inputs: I[], limit: number, work: (input: I, index: number) => Promise<O>): Promise<O[]> {
  const results: O[] = new Array(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const index = next++;
      results[index] = await work(inputs[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));
  return results;
}

export async function buildPortal(options: BuildOptions): Promise<BuildResult> {
  const started = Date.now();
  // Seconds per phase, in the last log line (where an incremental build spends its time).
  const phases: string[] = [];
  let phaseStart = Date.now();
  const phase = (name: string) => {
    phases.push(`${name} ${((Date.now() - phaseStart) / 1000).toFixed(2)}`);
    phaseStart = Date.now();
  };
  const log = options.log ?? ((m: string) => console.log(`[portal] ${m}`));
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const siteUrl = (options.siteUrl ?? '').replace(/\/$/, '');
  const api = new PublicApi(options.api);
  const env = environment(timeZone);
  const out = path.resolve(options.out);
  await fs.mkdir(out, { recursive: true });

  const inside = (file: string) => {
    const target = path.join(out, file);
    if (!target.startsWith(out + path.sep)) throw new Error(`refusing a path outside the output folder: ${file}`);
    return target;
  };
  const manifestFile = path.join(out, MANIFEST);
  const before: Manifest | null = await fs
    .readFile(manifestFile, 'utf8')
    .then((text) => JSON.parse(text))
    .then((m) => (m?.version === MANIFEST_VERSION ? m : null))
    .catch(() => null);
  const incremental = Boolean(options.changed && before);

  // The list of public items, newest first: read whole from the catalogue, or (incremental) the last
  // build's list with the changed items as the API now has them (absent when no longer public).
  phase('manifest');
  log(`reading ${options.api}${incremental ? ` (incremental: ${options.changed!.length} changed)` : ''}`);
  const details = new Map<string, any>();
  let items: PortalItem[];
  if (incremental) {
    const changed = new Set(options.changed);
    for (const [id, item] of await api.details([...changed])) details.set(id, item);
    const fresh = [...details.values()].map(listRow);
    items = [...fresh, ...before!.rows.filter((row) => !changed.has(row.documentId))].sort(newestFirst);
  } else {
    let lastShown = 0;
    items = await api.items((done, total) => {
      if (done - lastShown >= 1000 || done === total) log(`items listed ${done}/${total}`);
      if (done - lastShown >= 1000) lastShown = done;
    });
  }
  const [departments, categories] = await Promise.all([api.tree('departments'), api.tree('disclosure-categories')]);
  const site = { name: siteName(departments), url: siteUrl, built: new Date().toISOString() };

  const written = new Set<string>();
  let rewritten = 0;
  /** Writes a file of this build; the disk is touched only when its content differs. */
  const write = async (file: string, content: string | Buffer) => {
    const target = inside(file);
    written.add(file);
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const old = await fs.readFile(target).catch(() => null);
    if (old && old.equals(bytes)) return;
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, bytes);
    rewritten += 1;
  };
  const render = (template: string, context: object) => env.render(template, { site, ...context });
  /**
   * Copies a file the CMS stores (`/uploads/…`) into the portal and points `file.url` at the copy;
   * a file missing from the CMS's storage is listed without a link (the page is still built).
   */
  const publishFile = async (file: { url: string | null }, owner: string): Promise<string | null> => {
    if (!String(file.url).startsWith('/uploads/')) return null;
    const name = `uploads/${path.posix.basename(file.url!)}`;
    if (!written.has(name)) {
      const bytes = await api.file(file.url!);
      if (!bytes) {
        log(`warning: ${owner}: file ${file.url} not found, listed without a link`);
        file.url = null;
        return null;
      }
      await write(name, bytes);
    }
    file.url = `/${name}`;
    return name;
  };

  phase('list');
  // Item pages: read in full through the REST API (body, attachments, public links) — all of them, or
  // incrementally those changed, new, changed in the list, or linking to one of those.
  const entries: Manifest['items'] = {};
  const rowKey = new Map(items.map((row) => [row, digest(row)]));
  const touched = new Set(options.changed ?? []);
  if (incremental) {
    const listed = new Set(items.map((row) => row.documentId));
    for (const row of items) if (before!.items[row.documentId]?.row !== rowKey.get(row)) touched.add(row.documentId);
    for (const id of Object.keys(before!.items)) if (!listed.has(id)) touched.add(id);
  }
  const stale = (row: PortalItem) => {
    const was = before?.items[row.documentId];
    return !incremental || !was || touched.has(row.documentId) || was.links.some((id) => touched.has(id));
  };
  const toRender = items.filter(stale);
  const rendering = new Set(toRender);
  let done = 0;
  const published = new Set<PortalItem>();
  for (const row of items) {
    if (rendering.has(row)) continue;
    const was = before!.items[row.documentId];
    for (const file of was.files) written.add(file);
    entries[row.documentId] = was;
    published.add(row);
  }
  const batches = pages(toRender, 50).filter((batch) => batch.length);
  await pool(batches, CONCURRENCY / 2, async (batch) => {
    const missing = batch.map((row) => row.documentId).filter((id) => !details.has(id));
    const read = missing.length ? await api.details(missing) : new Map();
    for (const row of batch) await renderItem(row, details.get(row.documentId) ?? read.get(row.documentId));
  });
  async function renderItem(row: PortalItem, item: any) {
    if (item) {
      const files: string[] = [];
      // Attachments stored by the CMS itself are published with the page (the portal has no CMS behind it).
      for (const file of item.attachments ?? []) {
        const name = await publishFile(file, item.indexNumber);
        if (name) files.push(name);
      }
      const page = itemFile(item.indexNumber);
      const crumbs = [{ href: '/xxgk/list/', name: '法定主动公开内容' }, ...(item.category ? [{ href: listIndexHref(`xxgk/category/${item.category.documentId}`), name: item.category.name }] : [])];
      await write(page, render('item.njk', { item, crumbs, canonical: `${siteUrl}${itemHref(item.indexNumber)}` }));
      entries[row.documentId] = { row: rowKey.get(row)!, files: [page, ...files], links: linksOf(item) };
      published.add(row);
    }
    done += 1;
    if (done % 500 === 0 || done === toRender.length) log(`item pages ${done}/${toRender.length}${incremental ? ` (incremental, of ${items.length})` : ''}`);
  }
  const visible = items.filter((row) => published.has(row));

  phase('items');
  // Lists: everything; by department, category, year, genre and validity. Numbered pages count from
  // the oldest (site.ts), and a page whose inputs are those of the last build is not rendered again,
  // so a new item rewrites only the newest pages and the indexes of the lists it is in.
  const year = (row: PortalItem) => (row.publishedDate ? localDate(new Date(row.publishedDate), timeZone).slice(0, 4) : '');
  const byYear = groupBy(visible, year);
  const byGenre = groupBy(visible, (row) => row.genre ?? '');
  const byValidity = groupBy(visible, (row) => row.validity ?? '');
  const filters = {
    years: [...byYear.keys()].sort().reverse().map((y) => ({ name: `${y}年`, href: listIndexHref(`xxgk/year/${y}`) })),
    genres: Object.keys(GENRE_LABELS).filter((g) => byGenre.has(g)).map((g) => ({ name: GENRE_LABELS[g], href: listIndexHref(`xxgk/genre/${g}`) })),
    validities: Object.keys(VALIDITY_LABELS).filter((v) => byValidity.has(v)).map((v) => ({ name: VALIDITY_LABELS[v], href: listIndexHref(`xxgk/validity/${v}`) })),
  };
  // The filter links are on each list's index only: a first item of a new year changes no numbered page.
  const layoutKey = digest([site.name, siteUrl, await templatesDigest()]);
  const lists: Record<string, string> = {};
  const renderList = async (file: string, context: { items: PortalItem[]; filters?: typeof filters } & Record<string, unknown>) => {
    const key = digest([layoutKey, context.items.map((row) => rowKey.get(row)), { ...context, items: undefined }]);
    lists[file] = key;
    if (before?.lists?.[file] === key && previousFiles.has(file)) return void written.add(file);
    await write(file, render('list.njk', context));
  };
  const writeList = async (base: string, heading: string, rows: PortalItem[], crumbs: object[] = []) => {
    const numbered = rows.length > LIST_PAGE_SIZE ? stablePages(rows) : [];
    const last = numbered.length;
    for (let n = 1; n <= last; n++) {
      const page = { number: n, index: listIndexHref(base), newer: n < last ? listPageHref(base, n + 1) : null, older: n > 1 ? listPageHref(base, n - 1) : null, oldest: listPageHref(base, 1) };
      await renderList(listPageFile(base, n), { heading, items: numbered[n - 1], page, crumbs, base });
    }
    const jump = last ? [...new Set([last, ...Array.from({ length: 9 }, (_, i) => last - 1 - i), 1])].filter((n) => n >= 1).sort((a, b) => b - a) : [];
    const older = last ? listPageHref(base, pageOfPosition(LIST_PAGE_SIZE, rows.length)) : null;
    await renderList(listIndexFile(base), { heading, items: rows.slice(0, LIST_PAGE_SIZE), total: rows.length, filters, older, jump: jump.map((n, i) => ({ number: n, href: listPageHref(base, n), gapAfter: i + 1 < jump.length && n - jump[i + 1] > 1 })), crumbs, base });
  };
  const previousFiles = new Set(before?.files ?? []);
  await writeList('xxgk/list', '法定主动公开内容', visible);
  const byDepartment = groupBy(visible, (row) => row.department?.documentId ?? '');
  const byCategory = groupBy(visible, (row) => row.category?.documentId ?? '');
  for (const node of departments) await writeList(`xxgk/department/${node.documentId}`, node.name, byDepartment.get(node.documentId) ?? [], [{ href: '/xxgk/department/', name: '按机构' }]);
  for (const node of categories) await writeList(`xxgk/category/${node.documentId}`, node.name, byCategory.get(node.documentId) ?? [], [{ href: '/xxgk/category/', name: '按主题' }]);
  // 公开制度: the rules category and its sub-categories.
  const rulesRoot = categories.find((node) => node.code === RULES_CATEGORY_CODE);
  const rulesIds = new Set(rulesRoot ? [rulesRoot.documentId, ...categories.filter((node) => node.parent?.documentId === rulesRoot.documentId).map((node) => node.documentId)] : []);
  await writeList('xxgk/gkzd', '公开制度', visible.filter((row) => row.category && rulesIds.has(row.category.documentId)));
  const listed = [{ href: '/xxgk/list/', name: '法定主动公开内容' }];
  for (const [y, rows] of byYear) if (y) await writeList(`xxgk/year/${y}`, `${y}年发布`, rows, listed);
  for (const [g, rows] of byGenre) if (GENRE_LABELS[g]) await writeList(`xxgk/genre/${g}`, GENRE_LABELS[g], rows, listed);
  for (const [v, rows] of byValidity) if (VALIDITY_LABELS[v]) await writeList(`xxgk/validity/${v}`, VALIDITY_LABELS[v], rows, listed);
  const count = (groups: Map<string, PortalItem[]>) => Object.fromEntries([...groups].map(([id, rows]) => [id, rows.length]));
  await write('xxgk/department/index.html', render('tree.njk', { heading: '公开目录（按机构）', branches: tree(departments), base: '/xxgk/department', counts: count(byDepartment) }));
  await write('xxgk/category/index.html', render('tree.njk', { heading: '公开目录（按主题分类）', branches: tree(categories), base: '/xxgk/category', counts: count(byCategory) }));

  phase('lists');
  await writeCollections(api, { write, render, publishFile });

  phase('guides');
  // Home, feed, sitemap, robots, styles.
  await write('index.html', render('home.njk', { latest: visible.slice(0, 20), total: visible.length }));
  await write('feed.xml', render('feed.njk', { entries: visible.slice(0, FEED_SIZE) }));
  const href = (file: string) => `/${file.split('/').map(encodeURIComponent).join('/')}`.replace(/\/index\.html$/, '/');
  await write('sitemap.xml', render('sitemap.njk', { hrefs: [...written].filter((f) => f.endsWith('.html')).sort().map(href) }));
  await write('robots.txt', `User-agent: *\nAllow: /\n${siteUrl ? `Sitemap: ${siteUrl}/sitemap.xml\n` : ''}`);
  for (const asset of await fs.readdir(ASSETS)) await write(`assets/${asset}`, await fs.readFile(path.join(ASSETS, asset)));

  phase('home');
  // What the previous build wrote and this one did not is no longer public: deleted.
  const gone = (before?.files ?? []).filter((file) => !written.has(file));
  for (const file of gone) await fs.rm(inside(file), { force: true });
  const manifest: Manifest = { version: MANIFEST_VERSION, files: [...written].sort(), items: entries, rows: visible, lists };
  await fs.writeFile(manifestFile, JSON.stringify(manifest));
  phase('save');
  const seconds = (Date.now() - started) / 1000;
  log(
    `done: ${written.size} files, ${rewritten} written, ${gone.length} removed; ${visible.length} items, ${toRender.length} read and rendered; ` +
      `${seconds.toFixed(1)} s (${(written.size / seconds).toFixed(0)} pages/s; seconds: ${phases.join(', ')})`,
  );
  return { written: written.size, rewritten, rendered: toRender.length, removed: gone.length, items: visible.length, seconds };
}
