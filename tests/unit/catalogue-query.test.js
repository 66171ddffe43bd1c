const { parseCatalogueQuery, descendantsOf } = require('../../dist/src/domain/catalogue-query');

const limits = { defaultPageSize: 20, maxPageSize: 100 };

describe('catalogue query parsing', () => {
  it('applies defaults and converts strings from the query string', () => {
    const { value } = parseCatalogueQuery({ year: '2024', includeSubDepartments: 'true', page: '2' }, limits);
    expect(value).toMatchObject({ year: 2024, includeSubDepartments: true, page: 2, pageSize: 20, sort: 'publishedDate:desc' });
  });

  it('sorts by relevance by default when searching, and refuses relevance without q', () => {
    expect(parseCatalogueQuery({ q: '招生' }, limits).value.sort).toBe('relevance');
    expect(parseCatalogueQuery({ q: '招生', sort: 'publishedDate:asc' }, limits).value.sort).toBe('publishedDate:asc');
    expect(parseCatalogueQuery({}, limits).value.sort).toBe('publishedDate:desc');
    expect(parseCatalogueQuery({ sort: 'relevance' }, limits).problems).toContainEqual({ path: 'sort', message: expect.stringContaining('needs q') });
  });

  it('caps oversized pages at the hard maximum', () => {
    expect(parseCatalogueQuery({ pageSize: '100000' }, limits).value.pageSize).toBe(100);
  });

  it('refuses unknown parameters, operator objects and wrong types with the field named', () => {
    const cases = [
      [{ foo: 'bar' }, 'foo'],
      [{ department: { $ne: 'x' } }, 'department'],
      [{ year: 'last' }, 'year'],
      [{ genre: 'poem' }, 'genre'],
      [{ page: '0' }, 'page'],
      [{ pageSize: '-5' }, 'pageSize'],
      [{ sort: 'title:asc' }, 'sort'],
      [{ q: 'x'.repeat(101) }, 'q'],
    ];
    for (const [raw, field] of cases) {
      const { problems, value } = parseCatalogueQuery(raw, limits);
      expect(value).toBeUndefined();
      expect(problems.map((p) => p.path)).toContain(field);
    }
  });

  it('walks a tree to every descendant, tolerating cycles', () => {
    const nodes = [
      { id: 1, parentId: null }, { id: 2, parentId: 1 }, { id: 3, parentId: 2 }, { id: 4, parentId: null }, { id: 5, parentId: 5 },
    ];
    expect(descendantsOf([1], nodes).sort()).toEqual([1, 2, 3]);
    expect(descendantsOf([4], nodes)).toEqual([4]);
    expect(descendantsOf([5], nodes)).toEqual([5]);
  });
});
