// The portal reads the product only as an anonymous client of its public HTTP API: whatever the API
// hides (drafts, 涉密, 不予公开, 依申请公开) can never reach a page.
import type { PortalItem, TreeNode } from './site';

/** The catalogue's largest page (config `disclosure.catalogue.maxPageSize`). */
const PAGE_SIZE = 100;
/** Items read per REST request for their pages (the URL stays a few KB). */
const DETAIL_BATCH = 50;

export class PublicApi {
  constructor(private readonly base: string) {}

  private async get(path: string): Promise<any> {
    const url = `${this.base.replace(/\/$/, '')}${path}`;
    const res = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${res.statusText}`);
    return res.json();
  }

  /** Every public item, newest first; `progress(done, total)` after each page. */
  async items(progress: (done: number, total: number) => void = () => {}): Promise<PortalItem[]> {
    const items: PortalItem[] = [];
    for (let page = 1; ; page++) {
      const { data, meta } = await this.get(`/api/catalogue?sort=publishedDate:desc&pageSize=${PAGE_SIZE}&page=${page}`);
      items.push(...data);
      progress(items.length, meta.pagination.total);
      if (page >= meta.pagination.pageCount || !data.length) return items;
    }
  }

  /**
   * Public items with body, attachments and public links, by documentId (absent: not public), read
   * through the REST API in batches (the public-visibility rules apply to the items and to every
   * populated item relation).
   */
  async details(documentIds: string[]): Promise<Map<string, any>> {
    const found = new Map<string, any>();
    const link = ['indexNumber', 'title', 'genre'];
    for (let i = 0; i < documentIds.length; i += DETAIL_BATCH) {
      const params = new URLSearchParams({ 'pagination[pageSize]': String(DETAIL_BATCH), 'pagination[withCount]': 'false' });
      documentIds.slice(i, i + DETAIL_BATCH).forEach((id, n) => params.append(`filters[documentId][$in][${n}]`, id));
      const populate: Record<string, string[]> = { department: ['name', 'code'], category: ['name', 'code'], attachments: ['name', 'url', 'mime', 'size'] };
      for (const relation of ['related', 'interprets', 'interpretations', 'supersededBy', 'supersedes']) populate[relation] = link;
      for (const [relation, fields] of Object.entries(populate)) fields.forEach((f, n) => params.append(`populate[${relation}][fields][${n}]`, f));
      const { data } = await this.get(`/api/disclosure-items?${params}`);
      for (const item of data) found.set(item.documentId, item);
    }
    return found;
  }

  /** The bytes of a file the CMS serves (an attachment of a public item); null when it has none. */
  async file(urlPath: string): Promise<Buffer | null> {
    const url = `${this.base.replace(/\/$/, '')}${urlPath}`;
    const res = await fetch(url);
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${res.statusText}`);
    return Buffer.from(await res.arrayBuffer());
  }

  /** A public tree collection (departments, categories) with each node's parent. */
  async tree(collection: 'departments' | 'disclosure-categories'): Promise<TreeNode[]> {
    const nodes: TreeNode[] = [];
    for (let page = 1; ; page++) {
      const { data, meta } = await this.get(`/api/${collection}?fields[0]=name&fields[1]=code&populate[parent][fields][0]=documentId&pagination[pageSize]=${PAGE_SIZE}&pagination[page]=${page}`);
      nodes.push(...data);
      if (page >= meta.pagination.pageCount || !data.length) return nodes;
    }
  }

  /** Every published public entry of a collection (`/api/<collection>`), with `populate` as a query string. */
  async collection(collection: 'disclosure-guides' | 'handling-procedures' | 'annual-reports', populate: string): Promise<any[]> {
    const rows: any[] = [];
    for (let page = 1; ; page++) {
      const { data, meta } = await this.get(`/api/${collection}?${populate}&pagination[pageSize]=${PAGE_SIZE}&pagination[page]=${page}`);
      rows.push(...data);
      if (page >= meta.pagination.pageCount || !data.length) return rows;
    }
  }

  /** One page of the catalogue's full-text search (`q`, the catalogue's filters), as the API answers it. */
  async search(params: URLSearchParams): Promise<{ error: string } | { data: any[]; meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } } }> {
    const url = `${this.base.replace(/\/$/, '')}/api/catalogue?${params}`;
    const res = await fetch(url, { headers: { Accept: 'application/json' } });
    // A query the API refuses (too long, a bad filter) is the reader's to correct: its message.
    if (res.status === 400) return { error: ((await res.json().catch(() => null)) as any)?.error?.message ?? '检索条件不正确' };
    if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${res.statusText}`);
    return (await res.json()) as any;
  }

  /** Where a 依申请公开 request stands, by its query code (null: no such code). */
  async requestStatus(queryCode: string): Promise<any | null> {
    const url = `${this.base.replace(/\/$/, '')}/api/disclosure-requests/status/${encodeURIComponent(queryCode)}`;
    const res = await fetch(url, { headers: { Accept: 'application/json' } });
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${res.statusText}`);
    return res.json();
  }
}
