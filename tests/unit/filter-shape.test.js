const { checkFilters, checkPopulateFilters } = require('../../dist/src/domain/filter-shape');

describe('filter shape', () => {
  it.each([
    [{ title: 'x' }],
    [{ title: { $eq: 'x' } }],
    [{ title: { $in: ['a', 'b'] } }],
    [{ title: { $in: { 0: 'a', 1: 'b' } } }],
    [{ $and: [{ title: 'a' }, { genre: { $ne: 'notice' } }] }],
    [{ $or: { 0: { title: 'a' } } }],
    [{ $not: { title: 'a' } }],
    [{ department: { name: { $containsi: '教育' } } }],
    [{ title: { $null: 'true' } }],
    [{ title: { $not: { $eq: 'x' } } }],
    [undefined],
  ])('accepts %j', (filters) => {
    expect(checkFilters(filters)).toBeNull();
  });

  it.each([
    ['x', ['filters']],
    [['a'], ['filters']],
    [{ $and: 'x' }, ['filters', '$and']],
    [{ $or: '1' }, ['filters', '$or']],
    [{ $and: ['x'] }, ['filters', '$and', '0']],
    [{ title: { $eq: { $eq: '1' } } }, ['filters', 'title', '$eq']],
    [{ title: { $in: [{ a: 1 }] } }, ['filters', 'title', '$in']],
    [{ department: { name: { $eq: { x: 1 } } } }, ['filters', 'department', 'name', '$eq']],
  ])('refuses %j at %j', (filters, path) => {
    expect(checkFilters(filters)).toEqual(path);
  });

  it('checks filters nested in populate', () => {
    expect(checkPopulateFilters({ related: { filters: { $or: '1' } } })).toEqual(['populate', 'related', 'filters', '$or']);
    expect(checkPopulateFilters({ related: { populate: { department: { filters: 'x' } } } })).toEqual(['populate', 'related', 'populate', 'department', 'filters']);
    expect(checkPopulateFilters({ related: { filters: { title: 'a' } } })).toBeNull();
    expect(checkPopulateFilters('*')).toBeNull();
  });
});
