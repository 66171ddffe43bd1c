const { rowHash, verifyRows, GENESIS } = require('../../../src/plugins/disclosure-workflow/dist/server/domain');

const SECRET = 'k';
function chain(n) {
  const rows = [];
  let prev = GENESIS;
  for (let seq = 1; seq <= n; seq++) {
    const fields = { seq, at: `t${seq}`, event: 'submit', targetUid: 'u', targetDocumentId: 'd', targetLocale: null, round: 1, actor: seq, actorRole: 'r', contentHash: 'h', ip: null, comment: null, data: { n: seq } };
    const hash = rowHash(SECRET, prev, fields);
    rows.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('audit hash chain', () => {
  it('verifies an intact chain, also across batches', () => {
    const rows = chain(6);
    expect(verifyRows(SECRET, rows)).toMatchObject({ ok: true, nextSeq: 7 });
    const first = verifyRows(SECRET, rows.slice(0, 3));
    expect(verifyRows(SECRET, rows.slice(3), first.lastHash, first.nextSeq).ok).toBe(true);
  });

  it('finds a modified, a deleted and an inserted row', () => {
    const modified = chain(5);
    modified[2] = { ...modified[2], comment: 'changed' };
    expect(verifyRows(SECRET, modified)).toMatchObject({ ok: false, brokenAt: 3 });
    const deleted = chain(5).filter((r) => r.seq !== 2);
    expect(verifyRows(SECRET, deleted)).toMatchObject({ ok: false, brokenAt: 3 });
    const inserted = chain(5);
    inserted.splice(2, 0, { ...inserted[1], seq: 3 });
    expect(verifyRows(SECRET, inserted).ok).toBe(false);
  });

  it('cannot be recomputed without the secret', () => {
    const rows = chain(3);
    const forged = { ...rows[2], comment: 'x' };
    forged.hash = rowHash('guess', rows[1].hash, forged);
    expect(verifyRows(SECRET, [...rows.slice(0, 2), forged]).ok).toBe(false);
  });
});
