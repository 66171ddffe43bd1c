const { ByteLru, etagOf, matchesIfNoneMatch, cacheControl, isPublicReadPath } = require('../../dist/src/domain/public-cache');

describe('ByteLru', () => {
  const lru = () => new ByteLru(100, (v) => v.length);
  it('evicts the least recently used entries beyond the byte bound', () => {
    const c = lru();
    expect(c.set('a', 'x'.repeat(40), 0)).toBe(true);
    c.set('b', 'x'.repeat(40), 0);
    c.get('a'); // a is now the most recent
    c.set('c', 'x'.repeat(40), 0);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBeDefined();
    expect(c.get('c')).toBeDefined();
    expect(c.bytes).toBeLessThanOrEqual(100);
  });
  it('refuses values larger than the bound and values computed before a clear', () => {
    const c = lru();
    expect(c.set('big', 'x'.repeat(200), 0)).toBe(false);
    const generation = c.generation;
    c.clear();
    expect(c.set('late', 'x', generation)).toBe(false);
    expect(c.get('late')).toBeUndefined();
    expect(c.set('fresh', 'x', c.generation)).toBe(true);
  });
  it('replacing a key keeps the byte count exact', () => {
    const c = lru();
    c.set('a', 'x'.repeat(30), 0);
    c.set('a', 'x'.repeat(10), 0);
    expect(c.size).toBe(1);
    expect(c.bytes).toBe(11);
  });
});

describe('HTTP rules', () => {
  it('strong ETags differ with the bytes and match If-None-Match lists, * and weak forms', () => {
    const tag = etagOf(Buffer.from('a'));
    expect(tag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(etagOf(Buffer.from('b'))).not.toBe(tag);
    expect(matchesIfNoneMatch(`"x", ${tag}`, tag)).toBe(true);
    expect(matchesIfNoneMatch(`W/${tag}`, tag)).toBe(true);
    expect(matchesIfNoneMatch('*', tag)).toBe(true);
    expect(matchesIfNoneMatch('"x"', tag)).toBe(false);
    expect(matchesIfNoneMatch(undefined, tag)).toBe(false);
  });
  it('Cache-Control carries max-age and stale-while-revalidate', () => {
    expect(cacheControl({ maxAge: 10, staleWhileRevalidate: 30 })).toBe('public, max-age=10, stale-while-revalidate=30');
  });
  it('recognises the public read paths only', () => {
    const c = ['disclosure-items', 'departments'];
    for (const p of ['/api/catalogue', '/api/catalogue/lookup', '/api/catalogue/export.csv', '/api/disclosure-items', '/api/departments/abc']) expect(isPublicReadPath(p, '/api', c)).toBe(true);
    for (const p of ['/api/catalogue/x', '/api/disclosure-requests', '/api/departments/a/b', '/admin/x', '/api/departments/', '/apix/catalogue']) expect(isPublicReadPath(p, '/api', c)).toBe(false);
  });
});
