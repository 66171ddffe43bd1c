const m = require('../../../src/plugins/disclosure-workflow/dist/server/domain').stateMachine;

const at = '2026-01-01T00:00:00.000Z';
const actor = (id, ...roles) => ({ id, roles });
const author = actor(1, 'gov-author');
const head = actor(2, 'gov-section-head');
const leader = actor(3, 'gov-leader');
const secrecy = actor(4, 'gov-secrecy-reviewer');
const steps = [{ name: '一审', roles: ['gov-section-head'] }, { name: '二审', roles: ['gov-leader'] }];
const reasons = ['processInfo', 'stateSecret'];
const submit = (prev = null, extra = {}) => m.submit(prev, { actor: author, submitRoles: ['gov-author'], steps, signOffRoles: ['gov-secrecy-reviewer'], contentHash: 'h1', author: 1, at, ...extra });
const code = (fn) => {
  try {
    fn();
  } catch (e) {
    return e.code;
  }
  return 'no refusal';
};
const reviewed = () => {
  let r = submit();
  r = m.decide(r, { actor: head, decision: 'approve', contentHash: 'h1', at });
  return m.decide(r, { actor: leader, decision: 'approve', contentHash: 'h1', at });
};

describe('approval state machine', () => {
  it('walks the steps, then awaits sign-off, then is approved and publishable for that hash only', () => {
    let r = submit();
    expect(r).toMatchObject({ state: 'in_review', number: 1, current: 0 });
    r = m.decide(r, { actor: head, decision: 'approve', contentHash: 'h1', at });
    expect(r).toMatchObject({ state: 'in_review', current: 1 });
    r = m.decide(r, { actor: leader, decision: 'approve', contentHash: 'h1', at });
    expect(r.state).toBe('awaiting_signoff');
    expect(m.gate(r, { contentHash: 'h1', classified: false, withheld: false })).toEqual({ canPublish: false, reason: 'NOT_SIGNED_OFF' });
    r = m.signOff(r, { actor: secrecy, conclusion: 'public', contentHash: 'h1', at, exemptionReasons: reasons });
    expect(r.state).toBe('approved');
    expect(m.gate(r, { contentHash: 'h1', classified: false, withheld: false })).toEqual({ canPublish: true });
    expect(m.gate(r, { contentHash: 'h2', classified: false, withheld: false }).reason).toBe('CHANGED_AFTER_APPROVAL');
    expect(m.gate(r, { contentHash: 'h1', classified: true, withheld: false }).reason).toBe('CLASSIFIED');
    expect(m.gate(r, { contentHash: 'h1', classified: false, withheld: true }).reason).toBe('WITHHELD');
    expect(m.gate(null, { contentHash: 'h1', classified: false, withheld: false }).reason).toBe('NOT_SUBMITTED');
  });

  it('goes straight to sign-off when the chain has no steps', () => {
    expect(submit(null, { steps: [] }).state).toBe('awaiting_signoff');
  });

  it('refuses roles that are not on the step, the submitter, and a second step by one person', () => {
    const r = submit();
    expect(code(() => m.decide(r, { actor: leader, decision: 'approve', contentHash: 'h1', at }))).toBe('NOT_ALLOWED');
    const selfReview = m.submit(null, { actor: actor(9, 'gov-author', 'gov-section-head'), submitRoles: ['gov-author'], steps, signOffRoles: ['gov-secrecy-reviewer'], contentHash: 'h1', author: 9, at });
    expect(code(() => m.decide(selfReview, { actor: actor(9, 'gov-author', 'gov-section-head'), decision: 'approve', contentHash: 'h1', at }))).toBe('SEPARATION_OF_DUTIES');
    const both = actor(7, 'gov-section-head', 'gov-leader');
    const first = m.decide(r, { actor: both, decision: 'approve', contentHash: 'h1', at });
    expect(code(() => m.decide(first, { actor: both, decision: 'approve', contentHash: 'h1', at }))).toBe('SEPARATION_OF_DUTIES');
  });

  it('reports a lost race on an already decided step as CONFLICT', () => {
    const r = m.decide(submit(), { actor: head, decision: 'approve', contentHash: 'h1', at });
    expect(code(() => m.decide(r, { actor: actor(8, 'gov-section-head'), decision: 'approve', contentHash: 'h1', at }))).toBe('CONFLICT');
  });

  it('requires comments to return or reject and an opinion for every conclusion but public', () => {
    expect(code(() => m.decide(submit(), { actor: head, decision: 'return', contentHash: 'h1', at }))).toBe('COMMENT_REQUIRED');
    expect(code(() => m.decide(submit(), { actor: head, decision: 'reject', comment: ' ', contentHash: 'h1', at }))).toBe('COMMENT_REQUIRED');
    for (const conclusion of ['redacted', 'withhold', 'escalate']) {
      expect(code(() => m.signOff(reviewed(), { actor: secrecy, conclusion, contentHash: 'h1', at, exemptionReasons: reasons }))).toBe('OPINION_REQUIRED');
    }
    expect(code(() => m.signOff(reviewed(), { actor: secrecy, conclusion: 'withhold', opinion: 'x', exemptionReason: 'nope', contentHash: 'h1', at, exemptionReasons: reasons }))).toBe('EXEMPTION_REASON_REQUIRED');
  });

  it('keeps the round number through return and resubmit, and starts a new one after reject or withdraw', () => {
    const returned = m.decide(submit(), { actor: head, decision: 'return', comment: '改', contentHash: 'h1', at });
    const again = submit(returned);
    expect(again).toMatchObject({ number: 1, state: 'in_review', current: 0 });
    expect(again.history).toHaveLength(1);
    const withdrawn = m.withdraw(submit(), { actor: author, at });
    expect(submit(withdrawn).number).toBe(2);
    expect(code(() => submit(submit()))).toBe('INVALID_STATE');
  });

  it('refuses a decision on content that changed since submission', () => {
    expect(code(() => m.decide(submit(), { actor: head, decision: 'approve', contentHash: 'h2', at }))).toBe('CHANGED_AFTER_APPROVAL');
  });

  it('voids a round: nothing it vouched for counts any more', () => {
    const signed = m.signOff(reviewed(), { actor: secrecy, conclusion: 'public', contentHash: 'h1', at, exemptionReasons: reasons });
    const voided = m.voidRound(signed, { reason: 'edited', contentHash: 'h2', at });
    expect(m.gate(voided, { contentHash: 'h1', classified: false, withheld: false }).reason).toBe('CHANGED_AFTER_APPROVAL');
    expect(submit(voided).number).toBe(2);
  });

  it('escalates, then lets the same reviewer record the outside decision', () => {
    const escalated = m.signOff(reviewed(), { actor: secrecy, conclusion: 'escalate', opinion: '报请', referredTo: '保密局', contentHash: 'h1', at, exemptionReasons: reasons });
    expect(escalated.state).toBe('escalated');
    const decided = m.signOff(escalated, { actor: secrecy, conclusion: 'public', contentHash: 'h1', at, exemptionReasons: reasons });
    expect(decided.signOff.outsideDecision).toBe(true);
  });
});

describe('taskColumns (what the 待办 query filters on)', () => {
  it('names the roles and scope acting now and everyone who may not act again', () => {
    let round = submit();
    expect(m.taskColumns(round)).toEqual({ pendingRoleList: `|${steps[0].roles.join('|')}|`, pendingScope: 'department', actorList: '|1|', escalatedBy: null });
    round = m.decide(round, { actor: { id: 2, roles: steps[0].roles }, decision: 'approve', contentHash: 'h1', at });
    expect(m.taskColumns(round)).toMatchObject({ pendingRoleList: `|${steps[1].roles.join('|')}|`, actorList: '|1|2|' });
  });

  it('has no one acting once the round is over', () => {
    const round = m.withdraw(submit(), { actor: author, at });
    expect(m.taskColumns(round)).toMatchObject({ pendingRoleList: '||', pendingScope: null });
  });
});
