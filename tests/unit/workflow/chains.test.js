const { pickChain, resolveSteps, checkChain, DEFAULT_CHAIN } = require('../../../src/plugins/disclosure-workflow/dist/server/domain');

describe('chain templates', () => {
  const specific = { ...DEFAULT_CHAIN, name: 'dept', contentTypes: ['api::a.a'], departments: ['D1'] };
  const typed = { ...DEFAULT_CHAIN, name: 'typed', contentTypes: ['api::a.a'] };
  const disabled = { ...DEFAULT_CHAIN, name: 'off', contentTypes: ['api::a.a'], departments: ['D1'], enabled: false };

  it('prefers a department match, then a content-type match, then the wildcard', () => {
    const all = [DEFAULT_CHAIN, typed, specific, disabled];
    expect(pickChain(all, 'api::a.a', ['D1']).name).toBe('dept');
    expect(pickChain(all, 'api::a.a', ['D2']).name).toBe('typed');
    expect(pickChain(all, 'api::b.b', ['D1']).name).toBe(DEFAULT_CHAIN.name);
    expect(pickChain([typed], 'api::b.b', [])).toBeNull();
  });

  it('inserts conditional steps only when the document matches', () => {
    expect(resolveSteps(DEFAULT_CHAIN, { important: false }).map((s) => s.roles[0])).toEqual(['gov-section-head', 'gov-leader']);
    expect(resolveSteps(DEFAULT_CHAIN, { important: true }).map((s) => s.roles[0])).toEqual(['gov-section-head', 'gov-leader', 'gov-principal']);
  });

  it('reports every broken field of a submitted template', () => {
    expect(checkChain(DEFAULT_CHAIN)).toEqual([]);
    const paths = checkChain({ name: ' ', contentTypes: 'x', submitRoles: [], signOffRoles: [1], steps: [{ name: '', roles: [] }, { name: 'a', roles: ['r'], when: [] }] }).map((p) => p.path);
    expect(paths).toEqual(['name', 'contentTypes', 'submitRoles', 'signOffRoles', 'steps.0.name', 'steps.0.roles', 'steps.1.when']);
  });
});
