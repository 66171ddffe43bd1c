// The static portal's structure, as pure functions: where each page lives (the item page's path is
// its 索引号), how lists are cut into pages, the department and category trees. No Strapi, no I/O.

export interface Ref {
  documentId: string;
  name: string;
  code?: string | null;
}

export interface PortalItem {
  documentId: string;
  indexNumber: string;
  title: string;
  documentNumber?: string | null;
  formedAt?: string | null;
  publishedDate?: string | null;
  genre?: string | null;
  keywords?: string | null;
  summary?: string | null;
  validity?: string | null;
  effectiveAt?: string | null;
  repealAt?: string | null;
  department?: Ref | null;
  category?: Ref | null;
}

export interface TreeNode extends Ref {
  parent?: { documentId: string } | null;
}

/** Public list pages carry this many items. */
export const LIST_PAGE_SIZE = 20;

/**
 * The 索引号's segments (split on `/`) as they appear in the item page's path. A segment that could
 * step out of the output folder or is not a plain file name is refused.
 */
function segments(indexNumber: string): string[] {
  const parts = indexNumber.split('/');
  for (const part of parts) {
    if (!part || part === '.' || part === '..' || /[\\\0-\x1f]/.test(part)) throw new Error(`索引号 "${indexNumber}" cannot name a page`);
  }
  return parts;
}

/** An item's page file under the output folder: `xxgk/<索引号>.html` (its `/` making folders). */
export const itemFile = (indexNumber: string) => `xxgk/${segments(indexNumber).join('/')}.html`;

/** The item's canonical URL path, each segment percent-encoded. */
export const itemHref = (indexNumber: string) => `/xxgk/${segments(indexNumber).map(encodeURIComponent).join('/')}.html`;

/**
 * A list lives at `<base>/index.html` (its newest items) and in numbered pages `<base>/<n>.html`
 * counted from the oldest: page 1 holds the oldest items, so a new item changes only the newest
 * page(s) and the index, and a reader's link to page n keeps showing the same items.
 */
export const listIndexFile = (base: string) => `${base}/index.html`;
export const listPageFile = (base: string, page: number) => `${base}/${page}.html`;
export const listIndexHref = (base: string) => `/${base}/`;
export const listPageHref = (base: string, page: number) => `/${base}/${page}.html`;

/** Rows (newest first) cut into pages of `size` counted from the oldest; each page newest first. */
export function stablePages<T>(newestFirst: T[], size = LIST_PAGE_SIZE): T[][] {
  const out: T[][] = [];
  for (let end = newestFirst.length; end > 0; end -= size) out.push(newestFirst.slice(Math.max(0, end - size), end));
  return out;
}

/** The numbered page holding the row at `position` (0-based, newest first) of `total` rows. */
export const pageOfPosition = (position: number, total: number, size = LIST_PAGE_SIZE) => Math.floor((total - 1 - position) / size) + 1;

/** Rows cut into batches of `size`, in order. */
export function pages<T>(rows: T[], size = LIST_PAGE_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export interface Branch<T extends TreeNode> {
  node: T;
  children: Branch<T>[];
}

/** The nodes as a forest ordered by name; a node whose parent is not among them is a root. */
export function tree<T extends TreeNode>(nodes: T[]): Branch<T>[] {
  const byId = new Map(nodes.map((node) => [node.documentId, { node, children: [] as Branch<T>[] }]));
  const roots: Branch<T>[] = [];
  for (const branch of byId.values()) {
    const parent = branch.node.parent ? byId.get(branch.node.parent.documentId) : undefined;
    (parent && parent !== branch ? parent.children : roots).push(branch);
  }
  const sort = (branches: Branch<T>[]) => {
    branches.sort((a, b) => (a.node.code ?? a.node.name).localeCompare(b.node.code ?? b.node.name, 'zh-Hans-CN'));
    for (const b of branches) sort(b.children);
  };
  sort(roots);
  return roots;
}

/** Items grouped by a key (a department's documentId, a year…), keeping their order; rows whose key is empty are left out. */
export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const id = key(item);
    if (!id) continue;
    const group = groups.get(id);
    if (group) group.push(item);
    else groups.set(id, [item]);
  }
  return groups;
}

/** The portal's name: the county (the first root of the department tree) and the column's. */
export function siteName(departments: TreeNode[]): string {
  const county = tree(departments)[0]?.node;
  return county ? `${county.name} · 政府信息公开` : '政府信息公开';
}
