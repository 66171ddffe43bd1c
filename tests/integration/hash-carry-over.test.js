// Upgrading: empty attributes (and an expiry's attributes) no longer count in the content hash. A
// round approved under the earlier rule keeps its approval when the content the reviewers saw is
// stored (its snapshot), and only then.
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { ITEM, makeDepartment, makeItem } = require('../helpers/fixtures');
const { approve, wf } = require('../helpers/workflow');
const { canonicalJson, sha256 } = require('../../src/plugins/disclosure-workflow/dist/server/domain');

const ROUND = 'plugin::disclosure-workflow.round';
const SNAPSHOT = 'plugin::disclosure-workflow.content-snapshot';
const changes = () => strapi.plugin('disclosure-workflow').service('changes');
const migration = () => strapi.store({ type: 'plugin', name: 'disclosure-workflow', key: 'migration.hash-without-empty' });
let department;

/** Puts an approved document back the way the earlier rule stored it: every attribute, empty ones as null or []. */
async function asBeforeTheUpgrade(documentId, { keepSnapshot }) {
  const round = await strapi.db.query(ROUND).findOne({ where: { targetDocumentId: documentId } });
  const current = round.data.contentHash;
  const snapshot = await strapi.db.query(SNAPSHOT).findOne({ where: { targetDocumentId: documentId, contentHash: current } });
  const old = { ...snapshot.content, repealAt: null, effectiveAt: null, interprets: [], supersedes: [], validity: 'valid' };
  const oldHash = sha256(canonicalJson(old));
  expect(oldHash).not.toBe(current);
  const stored = await strapi.db.query(SNAPSHOT).findOne({ where: { targetDocumentId: documentId, contentHash: oldHash } });
  if (keepSnapshot && !stored) await strapi.db.query(SNAPSHOT).create({ data: { targetUid: ITEM, targetDocumentId: documentId, targetLocale: '', contentHash: oldHash, content: old, labels: snapshot.labels } });
  const data = JSON.parse(JSON.stringify(round.data).split(current).join(oldHash));
  await strapi.db.query(ROUND).update({ where: { id: round.id }, data: { data } });
  return { current, oldHash };
}

beforeAll(async () => {
  await setupStrapi();
  department = await makeDepartment();
});
afterAll(cleanupStrapi);

it('carries an approval over from the stored snapshot, once; without a snapshot the document needs a new round', async () => {
  const kept = await makeItem(department, {}, { status: 'draft' });
  const lost = await makeItem(department, {}, { status: 'draft' });
  await approve(ITEM, kept.documentId);
  await approve(ITEM, lost.documentId);
  const keptHashes = await asBeforeTheUpgrade(kept.documentId, { keepSnapshot: true });
  await asBeforeTheUpgrade(lost.documentId, { keepSnapshot: false });
  for (const doc of [kept, lost]) expect(await wf().status({ uid: ITEM, documentId: doc.documentId })).toMatchObject({ canPublish: false, reason: 'CHANGED_AFTER_APPROVAL' });

  await migration().delete({});
  await changes().carryOverHashes();

  expect(await wf().status({ uid: ITEM, documentId: kept.documentId })).toMatchObject({ state: 'approved', canPublish: true });
  const round = await strapi.db.query(ROUND).findOne({ where: { targetDocumentId: kept.documentId } });
  expect(JSON.stringify(round.data)).not.toContain(keptHashes.oldHash);
  expect(round.data.signOff.contentHash).toBe(keptHashes.current);
  expect(await wf().status({ uid: ITEM, documentId: lost.documentId })).toMatchObject({ canPublish: false, reason: 'CHANGED_AFTER_APPROVAL' });
  expect(await migration().get({})).toMatchObject({ carried: expect.any(Number), missing: expect.any(Number) });

  // Once per database: a second call changes nothing, even for a round put back.
  await asBeforeTheUpgrade(kept.documentId, { keepSnapshot: true });
  await changes().carryOverHashes();
  expect(await wf().status({ uid: ITEM, documentId: kept.documentId })).toMatchObject({ canPublish: false });
});
