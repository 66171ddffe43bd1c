// The printed 审核单 names posts and the round's state as people read them, never as codes.
const m = require('../../../src/plugins/disclosure-workflow/dist/server/domain').stateMachine;
const { renderSlipBody, renderSlip } = require('../../../src/plugins/disclosure-workflow/dist/server/domain');

const at = '2026-03-02T01:30:00.000Z';
const steps = [{ name: '一审', roles: ['gov-section-head'] }, { name: '二审', roles: ['gov-leader'] }];
const roleNames = { 'gov-section-head': '科室负责人 Section head', 'gov-leader': '分管领导 Leader in charge', 'gov-secrecy-reviewer': '保密审查员 Secrecy reviewer' };

function approvedRound() {
  let round = m.submit(null, { actor: { id: 1, roles: ['gov-author'] }, submitRoles: ['gov-author'], steps, signOffRoles: ['gov-secrecy-reviewer'], contentHash: 'h1', author: 1, at });
  round = m.decide(round, { actor: { id: 2, roles: ['gov-section-head'] }, decision: 'approve', contentHash: 'h1', at });
  round = m.decide(round, { actor: { id: 3, roles: ['gov-leader'] }, decision: 'approve', contentHash: 'h1', at });
  return m.signOff(round, { actor: { id: 4, roles: ['gov-secrecy-reviewer'] }, conclusion: 'public', contentHash: 'h1', at, exemptionReasons: ['processInfo'] });
}

it('prints the state and the posts by name', () => {
  const html = renderSlipBody({ typeName: '公开事项', doc: { title: '关于<开展>检查的通知' }, round: approvedRound(), names: { 1: '张三', 2: '李四', 3: '王五', 4: '赵六' }, roleNames, printedAt: at });
  expect(html).toContain('第 1 轮（已审核并通过保密审查 Approved and signed off）');
  expect(html).toContain('科室负责人 Section head');
  expect(html).toContain('分管领导 Leader in charge');
  expect(html).toContain('保密审查员 Secrecy reviewer');
  expect(html).not.toMatch(/gov-[a-z-]+|（approved）/);
  expect(html).toContain('关于&lt;开展&gt;检查的通知');
});

it('falls back to the code for a post with no role of that code, and has no inline script', () => {
  const html = renderSlip({ typeName: '公开事项', doc: { title: 'x' }, round: approvedRound(), names: {}, roleNames: {}, printedAt: at });
  expect(html).toContain('gov-section-head');
  expect(html).not.toMatch(/<script|onclick=/i);
  expect(html).toContain('@page{size:A4');
});
