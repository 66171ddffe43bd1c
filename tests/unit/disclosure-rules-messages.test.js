// The item rules speak in the admin form's terms: an empty 成文日期 asks to fill it in; a value
// that is not a date asks for a date without naming a format the date picker does not show.
const { checkDisclosureItem } = require('../../dist/src/domain/disclosure-rules');

const TODAY = '2026-11-21';
const valid = { title: '关于做好防汛工作的通知', formedAt: '2026-11-20', summary: '概述', disclosure: 'proactive', classified: false, hasDepartment: true };
const formedAtError = (formedAt) => checkDisclosureItem({ ...valid, formedAt }, TODAY).find((e) => e.path === 'formedAt');

describe('disclosure item rule messages', () => {
  it.each([[undefined], [null], [''], ['   ']])('an empty 成文日期 (%p) is "required", in zh-Hans and English', (formedAt) => {
    expect(formedAtError(formedAt)).toEqual({
      path: 'formedAt', zh: '请填写成文日期', en: '成文日期 is required', message: '请填写成文日期 / 成文日期 is required',
    });
  });

  it.each([['2026/11/20'], ['11/20/2026'], [20261120], ['yesterday']])('a 成文日期 that is not a date (%p) names no format', (formedAt) => {
    const error = formedAtError(formedAt);
    expect(error.zh).toBe('成文日期不是有效日期，请用日期选择器选择');
    expect(error.en).toBe('成文日期 is not a valid date; pick one with the date picker');
    expect(error.message).not.toMatch(/YYYY|MM|DD/);
  });

  it('a 成文日期 after today says so', () => {
    expect(formedAtError('2026-11-22')).toMatchObject({ zh: '成文日期不能晚于今天', en: '成文日期 cannot be later than today' });
  });

  it('reports an empty 成文日期 together with the other broken fields', () => {
    const errors = checkDisclosureItem({ ...valid, formedAt: null, title: '', hasDepartment: false }, TODAY);
    expect(errors.map((e) => e.path).sort()).toEqual(['department', 'formedAt', 'title']);
    expect(errors.find((e) => e.path === 'department').zh).toBe('必须选择发布机构（责任部门）');
  });
});
