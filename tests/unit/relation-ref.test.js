const { toOneRelation } = require('../../dist/src/domain/relation-ref');

describe('to-one relation references', () => {
  it.each([
    [undefined, { kind: 'unchanged' }],
    [{ connect: [], disconnect: [] }, { kind: 'unchanged' }],
    [null, { kind: 'cleared' }],
    [[], { kind: 'cleared' }],
    [{ set: [] }, { kind: 'cleared' }],
    [{ disconnect: [{ id: 3 }] }, { kind: 'cleared' }],
    ['abc123', { kind: 'set', ref: { documentId: 'abc123' } }],
    [7, { kind: 'set', ref: { id: 7 } }],
    ['7', { kind: 'set', ref: { id: 7 } }],
    [{ documentId: 'x' }, { kind: 'set', ref: { documentId: 'x' } }],
    [{ connect: [{ documentId: 'a' }, { documentId: 'b' }] }, { kind: 'set', ref: { documentId: 'b' } }],
    [{ set: ['q'] }, { kind: 'set', ref: { documentId: 'q' } }],
    [{ foo: 1 }, { kind: 'invalid' }],
  ])('%j → %j', (value, expected) => {
    expect(toOneRelation(value)).toEqual(expected);
  });
});
