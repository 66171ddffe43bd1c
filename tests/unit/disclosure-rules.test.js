const { checkDisclosureItem } = require('../../dist/src/domain/disclosure-rules');

const TODAY = '2026-11-21';
const valid = { title: '关于做好防汛工作的通知', formedAt: '2026-11-20', summary: '概述', disclosure: 'proactive', classified: false, hasDepartment: true };
const paths = (item) => checkDisclosureItem(item, TODAY).map((e) => e.path);

describe('disclosure item rules', () => {
  it('accepts a complete proactive item', () => {
    expect(checkDisclosureItem(valid, TODAY)).toEqual([]);
  });

  it('requires an exemption reason from the statute list for withheld items', () => {
    expect(paths({ ...valid, disclosure: 'withheld' })).toEqual(['exemptionReason']);
    expect(paths({ ...valid, disclosure: 'withheld', exemptionReason: 'tooLong' })).toEqual(['exemptionReason']);
    expect(paths({ ...valid, disclosure: 'withheld', exemptionReason: 'processInfo' })).toEqual([]);
  });

  it('refuses classified items that are proactive, but allows them withheld', () => {
    const errors = checkDisclosureItem({ ...valid, classified: true }, TODAY);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'disclosure', zh: '涉密信息不得主动公开', en: 'classified items cannot be proactive' });
    expect(paths({ ...valid, classified: true, disclosure: 'withheld', exemptionReason: 'stateSecret' })).toEqual([]);
  });

  it('limits the summary to 100 characters (Chinese characters count as one)', () => {
    expect(paths({ ...valid, summary: '字'.repeat(100) })).toEqual([]);
    expect(paths({ ...valid, summary: '字'.repeat(101) })).toEqual(['summary']);
  });

  it('refuses a formed date in the future, or not a date', () => {
    expect(paths({ ...valid, formedAt: TODAY })).toEqual([]);
    expect(paths({ ...valid, formedAt: '2026-11-22' })).toEqual(['formedAt']);
    expect(paths({ ...valid, formedAt: 20240101 })).toEqual(['formedAt']);
    expect(paths({ ...valid, formedAt: undefined })).toEqual(['formedAt']);
  });

  it('requires a title and a department, and reports every broken field at once', () => {
    const errors = checkDisclosureItem({ ...valid, title: '', hasDepartment: false, disclosure: 'secret' }, TODAY);
    expect(errors.map((e) => e.path).sort()).toEqual(['department', 'disclosure', 'title']);
    for (const e of errors) expect(e.message).toBe(`${e.zh} / ${e.en}`);
  });
});
