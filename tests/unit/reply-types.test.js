// Each reply type counts in exactly one row of table 三 (国办公开办函〔2021〕30号) and requires its fields.
const { REPLY_TYPES, replyDisposition } = require('../../dist/src/domain/reply-types');
const { checkReply } = require('../../dist/src/domain/reply-rules');
const { DISPOSITIONS, REPLY_DISPOSITIONS } = require('../../dist/src/domain/request-codes');
const { EXEMPTION_REASONS } = require('../../dist/src/domain/disclosure-rules');

const ROWS = {
  alreadyPublic: 'granted', provided: 'granted', notHeld: 'unableNoInfo', notOurs: 'unableNoInfo', repeat: 'notProcessedRepeat',
  specialLaw: 'deniedAdminQuery', partial: 'partialGrant', needsCreation: 'unableNeedCreation', complaint: 'notProcessedComplaint',
  publication: 'notProcessedPublication', unclear: 'unableUnclear', confirmation: 'notProcessedConfirm', other: 'otherReasons',
};

describe('reply types', () => {
  it.each(Object.entries(ROWS))('%s counts as %s', (replyType, row) => expect(replyDisposition({ replyType })).toBe(row));

  it('§36(3) counts in the row of its exemption reason, one row per reason', () => {
    const rows = EXEMPTION_REASONS.map((exemptionReason) => replyDisposition({ replyType: 'withheld', exemptionReason }));
    expect(rows).toEqual(['deniedStateSecret', 'deniedLawForbidden', 'deniedSafetyStability', 'deniedThirdPartyRights', 'deniedInternalAffairs', 'deniedProcessInfo', 'deniedEnforcementCase', 'deniedAdminQuery']);
    expect(replyDisposition({ replyType: 'withheld' })).toBeNull();
  });

  it('covers every row a reply can produce, and never a lapse', () => {
    const produced = new Set([...Object.values(ROWS), ...EXEMPTION_REASONS.map((exemptionReason) => replyDisposition({ replyType: 'withheld', exemptionReason }))]);
    expect([...produced].every((d) => REPLY_DISPOSITIONS.includes(d))).toBe(true);
    expect(REPLY_DISPOSITIONS.filter((d) => !produced.has(d))).toEqual(['notProcessedMassive']); // §35: the declineExcessive action
    expect(DISPOSITIONS.filter((d) => !REPLY_DISPOSITIONS.includes(d))).toEqual(['otherOverdueCorrection', 'otherOverdueFee']);
    expect(Object.keys(ROWS).length + 1).toBe(REPLY_TYPES.length);
  });

  it('requires the fields of its type, each named', () => {
    const paths = (reply) => checkReply(reply).map((p) => p.path);
    expect(paths({})).toEqual(['replyType']);
    expect(paths({ replyType: 'nonsense' })).toEqual(['replyType']);
    expect(paths({ replyType: 'withheld' })).toEqual(['exemptionReason']);
    expect(paths({ replyType: 'withheld', exemptionReason: 'secret' })).toEqual(['exemptionReason']);
    expect(paths({ replyType: 'alreadyPublic', accessRoute: '  ' })).toEqual(['accessRoute']);
    expect(paths({ replyType: 'notOurs', competentAgency: '县市场监管局' })).toEqual(['competentAgencyContact']);
    expect(paths({ replyType: 'repeat' })).toEqual(['earlierReply']);
    expect(paths({ replyType: 'repeat', earlierReply: '县府办依申〔2025〕3号' })).toEqual([]);
    expect(paths({ replyType: 'provided', accessRoute: null })).toEqual([]);
    expect(checkReply({ replyType: 'withheld' })[0]).toMatchObject({ zh: expect.stringContaining('理由'), en: expect.stringContaining('exemptionReason') });
  });
});
