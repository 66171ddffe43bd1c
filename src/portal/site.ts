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

/** Page `n` (1-based) of a list whose first page is `<base>/index.html`. */
export const listFile = (base: string, page: number) => (page === 1 ? `${base}/index.html` : `${base}/${page}.html`);
export const listHref = (base: string, page: number) => `/${page === 1 ? `${base}/` : `${base}/${page}.html`}`;

/** Rows cut into pages of `size`; an empty list is one empty page (its list page still exists). */
export function pages<T>(rows: T[], size = LIST_PAGE_SIZE): T[][] {
  if (!rows.length) return [[]];
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

/** Items grouped by a reference (department, category) documentId, keeping their order. */
export function groupBy(items: PortalItem[], key: 'department' | 'category'): Map<string, PortalItem[]> {
  const groups = new Map<string, PortalItem[]>();
  for (const item of items) {
    const id = item[key]?.documentId;
    if (!id) continue;
    const group = groups.get(id);
    if (group) group.push(item);
    else groups.set(id, [item]);
  }
  return groups;
}
