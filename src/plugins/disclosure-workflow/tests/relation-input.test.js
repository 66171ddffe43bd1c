// The department check reads relation inputs in every shape Strapi accepts; a shape it misread
// would let a document be moved to, or linked with, another unit.
const { relationTarget, connectedRefs } = require('../dist/server/domain/relation-input');

describe('relationTarget (to-one)', () => {
  it.each([
    ['a documentId', 'abc123', { documentId: 'abc123' }],
    ['a row id', 7, { id: 7 }],
    ['a numeric string', '7', { id: 7 }],
    ['{ documentId }', { documentId: 'abc' }, { documentId: 'abc' }],
    ['{ id }', { id: 3 }, { id: 3 }],
    ['a list: the last wins', ['a1', 'b2'], { documentId: 'b2' }],
    ['{ set }', { set: [{ documentId: 'x' }] }, { documentId: 'x' }],
    ['{ connect } from the Content Manager form', { connect: [{ id: 4, documentId: 'd4', locale: null }], disconnect: [] }, { documentId: 'd4' }],
  ])('%s', (_name, input, expected) => expect(relationTarget(input)).toEqual(expected));

  it('tells unchanged, cleared and invalid apart', () => {
    expect(relationTarget(undefined)).toBe('unchanged');
    expect(relationTarget({ connect: [], disconnect: [] })).toBe('unchanged');
    expect(relationTarget(null)).toBeNull();
    expect(relationTarget({ set: [] })).toBeNull();
    expect(relationTarget({ disconnect: [{ id: 2 }] })).toBeNull();
    expect(relationTarget({ connect: 'x' })).toBe('invalid');
    expect(relationTarget(true)).toBe('invalid');
    expect(relationTarget({ name: 'no id' })).toBe('invalid');
  });
});

describe('connectedRefs (to-many)', () => {
  it('lists every target connected or set, none for a disconnect', () => {
    expect(connectedRefs({ connect: [{ id: 1 }, 'doc2'], disconnect: [{ id: 9 }] })).toEqual([{ id: 1 }, { documentId: 'doc2' }]);
    expect(connectedRefs({ set: [3, { documentId: 'd' }] })).toEqual([{ id: 3 }, { documentId: 'd' }]);
    expect(connectedRefs(['a', 'b'])).toEqual([{ documentId: 'a' }, { documentId: 'b' }]);
    expect(connectedRefs('a')).toEqual([{ documentId: 'a' }]);
    expect(connectedRefs({ disconnect: [{ id: 9 }] })).toEqual([]);
    expect(connectedRefs(null)).toEqual([]);
    expect(connectedRefs([{ nope: 1 }])).toBe('invalid');
  });
});
