const { contentHash, publicContent, hashPopulate, currentCanonical } = require('../../../src/plugins/disclosure-workflow/dist/server/domain');
const { canonicalJson } = require('../../../src/plugins/disclosure-workflow/dist/server/domain');

const schemas = (uid) => ({
  'api::doc.doc': {
    attributes: {
      title: { type: 'string' },
      secret: { type: 'string', private: true },
      publishedDate: { type: 'datetime' },
      department: { type: 'relation', relation: 'manyToOne', target: 'api::dept.dept' },
      related: { type: 'relation', relation: 'manyToMany', target: 'api::doc.doc' },
      files: { type: 'media', multiple: true },
      steps: { type: 'component', component: 'x.step', repeatable: true },
      blocks: { type: 'dynamiczone', components: ['x.step'] },
      createdBy: { type: 'relation', relation: 'oneToOne', target: 'admin::user' },
    },
  },
  'x.step': { attributes: { name: { type: 'string' }, days: { type: 'integer' } } },
}[uid]);

const base = {
  id: 1, documentId: 'd1', title: '标题', secret: 's', publishedDate: '2025-01-01', updatedAt: 'now',
  department: { id: 5, documentId: 'dep' }, related: [{ id: 2, documentId: 'r1' }],
  files: [{ id: 9, hash: 'f1', size: 1, mime: 'application/pdf' }], steps: [{ id: 3, name: '受理', days: 1 }],
  blocks: [{ id: 4, __component: 'x.step', name: 'b', days: 2 }], createdBy: { id: 1 },
};
const hash = (entity) => contentHash('api::doc.doc', entity, schemas, ['publishedDate']);

describe('content hash', () => {
  it('ignores ids, timestamps, private and excluded fields and the creator', () => {
    expect(hash({ ...base, id: 99, updatedAt: 'later', secret: 'other', publishedDate: '2030-01-01', createdBy: { id: 7 } })).toBe(hash(base));
  });

  it.each([
    ['text', { title: '新标题' }],
    ['relation', { department: { id: 5, documentId: 'other' } }],
    ['to-many relation', { related: [] }],
    ['media', { files: [{ id: 9, hash: 'f2', size: 1, mime: 'application/pdf' }] }],
    ['component', { steps: [{ id: 3, name: '受理', days: 2 }] }],
    ['dynamic zone', { blocks: [{ id: 4, __component: 'x.step', name: 'b', days: 3 }] }],
  ])('changes with the %s', (_label, change) => {
    expect(hash({ ...base, ...change })).not.toBe(hash(base));
  });

  it('binds the bytes of an attachment: same file record, other bytes (sha256) → other hash', () => {
    const swapped = { ...base, files: [{ ...base.files[0], sha256: 'b'.repeat(64) }] };
    expect(hash({ ...base, files: [{ ...base.files[0], sha256: 'a'.repeat(64) }] })).not.toBe(hash(swapped));
  });

  it('reads relations by documentId and media by file hash only', () => {
    expect(publicContent('api::doc.doc', base, schemas, ['publishedDate'])).toMatchObject({ department: 'dep', related: ['r1'], files: [{ hash: 'f1', size: 1, mime: 'application/pdf' }] });
  });

  it('does not count an attribute without a value, so a new attribute changes no hash; a cleared value still does', () => {
    const older = { ...base };
    delete older.related;
    expect(hash({ ...older, related: [] })).toBe(hash(older));
    expect(hash({ ...base, title: null })).toBe(hash({ ...base, title: undefined }));
    expect(hash({ ...base, title: null })).not.toBe(hash(base));
  });

  it('gives canonical content stored under the earlier rule as the current rule does', () => {
    const now = publicContent('api::doc.doc', { ...base, related: [] }, schemas, ['publishedDate']);
    const earlier = { ...now, related: [], secretless: null, publishedDate: '2025-01-01' };
    expect(canonicalJson(currentCanonical(earlier, ['publishedDate']))).toBe(canonicalJson(now));
  });

  it('populates exactly what it reads', () => {
    expect(hashPopulate('api::doc.doc', schemas)).toEqual({
      department: { select: ['documentId'] }, related: { select: ['documentId'] }, files: { select: ['sha256', 'hash', 'size', 'mime'] },
      steps: { populate: {} }, blocks: true,
    });
  });

  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
  });
});
