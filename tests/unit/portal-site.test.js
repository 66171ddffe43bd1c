const { itemFile, itemHref, listIndexFile, listIndexHref, listPageFile, listPageHref, stablePages, pageOfPosition, pages, tree, groupBy } = require('../../dist/src/portal/site');

describe('portal paths', () => {
  it('puts an item at its 索引号, segments as folders, the URL percent-encoded', () => {
    expect(itemFile('0142768-8/2022-00185')).toBe('xxgk/0142768-8/2022-00185.html');
    expect(itemHref('0142768-8/2022-00185')).toBe('/xxgk/0142768-8/2022-00185.html');
    expect(itemFile('清教/2025-00001')).toBe('xxgk/清教/2025-00001.html');
    expect(itemHref('清教/2025-00001')).toBe('/xxgk/%E6%B8%85%E6%95%99/2025-00001.html');
    expect(itemHref('a b/2025#1')).toBe('/xxgk/a%20b/2025%231.html');
  });

  it('refuses a 索引号 that would leave the output folder or is not a file name', () => {
    for (const bad of ['../etc/passwd', 'a/../../b', '/abs', 'a//b', 'a/.', 'a\\b', 'a\nb', '']) expect(() => itemFile(bad)).toThrow(/cannot name a page/);
  });

  it('puts a list at index.html and its numbered pages beside it', () => {
    expect(listIndexFile('xxgk/list')).toBe('xxgk/list/index.html');
    expect(listPageFile('xxgk/list', 3)).toBe('xxgk/list/3.html');
    expect(listIndexHref('xxgk/list')).toBe('/xxgk/list/');
    expect(listPageHref('xxgk/list', 2)).toBe('/xxgk/list/2.html');
  });

  it('numbers pages from the oldest, each newest first, so a new item changes only the newest page', () => {
    const newestFirst = [7, 6, 5, 4, 3, 2, 1];
    expect(stablePages(newestFirst, 3)).toEqual([[3, 2, 1], [6, 5, 4], [7]]);
    const withNew = stablePages([8, ...newestFirst], 3);
    expect(withNew.slice(0, 2)).toEqual(stablePages(newestFirst, 3).slice(0, 2));
    expect(withNew[2]).toEqual([8, 7]);
    expect(stablePages([], 3)).toEqual([]);
  });

  it('finds the numbered page of a position counted from the newest', () => {
    // 7 rows in pages of 3: [3,2,1] [6,5,4] [7]; position 0 is 7 (page 3), position 3 is 4 (page 2).
    expect(pageOfPosition(0, 7, 3)).toBe(3);
    expect(pageOfPosition(1, 7, 3)).toBe(2);
    expect(pageOfPosition(3, 7, 3)).toBe(2);
    expect(pageOfPosition(6, 7, 3)).toBe(1);
  });

  it('cuts rows into batches in order', () => {
    expect(pages([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages([], 2)).toEqual([]);
  });
});

describe('portal trees and groups', () => {
  const node = (documentId, name, parent, code) => ({ documentId, name, code, parent: parent ? { documentId: parent } : null });
  it('builds a forest ordered by code then name; an unknown parent makes a root', () => {
    const forest = tree([node('c', '城关镇', 'root', '03'), node('root', '清溪县', null, '00'), node('e', '教育局', 'root', '01'), node('x', '外挂', 'missing', '99'), node('s', '某校', 'e', '0101')]);
    expect(forest.map((b) => b.node.documentId)).toEqual(['root', 'x']);
    expect(forest[0].children.map((b) => b.node.documentId)).toEqual(['e', 'c']);
    expect(forest[0].children[0].children.map((b) => b.node.documentId)).toEqual(['s']);
  });

  it('groups items by department keeping their order, skipping items without one', () => {
    const items = [{ id: 1, department: { documentId: 'a' } }, { id: 2, department: null }, { id: 3, department: { documentId: 'b' } }, { id: 4, department: { documentId: 'a' } }];
    const groups = groupBy(items, (i) => i.department?.documentId ?? '');
    expect([...groups.keys()]).toEqual(['a', 'b']);
    expect(groups.get('a').map((i) => i.id)).toEqual([1, 4]);
  });
});
