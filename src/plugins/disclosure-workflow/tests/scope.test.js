// Step scope: carried from the chain template into the round, read back for whoever acts next.
const { resolveSteps, checkChain, DEFAULT_CHAIN, stateMachine: m } = require('../dist/server/domain');

const actor = (id, ...roles) => ({ id, roles });
const template = {
  ...DEFAULT_CHAIN,
  steps: [{ name: '一审', roles: ['head'] }, { name: '二审', roles: ['leader'], scope: 'any' }],
  signOffRoles: ['secrecy'],
};

describe('review scope', () => {
  it('keeps a step’s scope through resolveSteps and submit, and defaults to department', () => {
    const steps = resolveSteps(template, {});
    expect(steps).toEqual([{ name: '一审', roles: ['head'] }, { name: '二审', roles: ['leader'], scope: 'any' }]);
    let round = m.submit(null, { actor: actor(1, 'author'), submitRoles: ['author'], steps, signOffRoles: ['secrecy'], signOffScope: 'any', contentHash: 'h', author: 1, at: '2026-01-01T00:00:00Z' });
    expect(m.pendingScope(round)).toBe('department');
    round = m.decide(round, { actor: actor(2, 'head'), decision: 'approve', contentHash: 'h', at: '2026-01-01T01:00:00Z' });
    expect(m.pendingScope(round)).toBe('any');
    round = m.decide(round, { actor: actor(3, 'leader'), decision: 'approve', contentHash: 'h', at: '2026-01-01T02:00:00Z' });
    expect(round.state).toBe('awaiting_signoff');
    expect(m.pendingScope(round)).toBe('any');
    const unscoped = m.submit(null, { actor: actor(1, 'author'), submitRoles: ['author'], steps: [], signOffRoles: ['secrecy'], contentHash: 'h', author: 1, at: '2026-01-01T00:00:00Z' });
    expect(m.pendingScope(unscoped)).toBe('department');
  });

  it('refuses an unknown scope on a step or the sign-off, naming the field', () => {
    const problems = checkChain({ ...template, steps: [{ name: 'x', roles: ['head'], scope: 'all' }], signOffScope: 'everyone' });
    expect(problems.map((p) => p.path)).toEqual(['steps.0.scope', 'signOffScope']);
    expect(checkChain({ ...template, signOffScope: 'department' })).toEqual([]);
  });
});
