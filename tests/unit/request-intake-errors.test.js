// The public application form gets every field error in one answer, the 居民身份证 check digit
// included (it used to come only once everything else was right).
const { checkIntake } = require('../../dist/src/domain/request-intake');

const person = { applicantType: 'naturalPerson', applicantName: '李四', phone: '0571-66001234', idType: '居民身份证', idNumber: '11010519491231002X', description: '请公开某某文件', delivery: 'online' };
const WRONG_CHECK_DIGIT = '110105194912310021';

describe('public intake: all field errors at once', () => {
  it('reports a wrong check digit alongside the other field errors', () => {
    const { value, problems } = checkIntake({ ...person, idNumber: WRONG_CHECK_DIGIT, applicantName: '', phone: 'x', delivery: 'pigeon', description: '要' });
    expect(value).toBeUndefined();
    expect(problems.map((p) => p.path).sort()).toEqual(['applicantName', 'delivery', 'description', 'idNumber', 'phone']);
    expect(problems.find((p) => p.path === 'idNumber').message).toBe('证件号码校验位不正确，请核对居民身份证号码');
  });

  it('reports a wrong check digit with an unknown field and a missing organisation', () => {
    const { problems } = checkIntake({ ...person, applicantType: 'commercial', idNumber: WRONG_CHECK_DIGIT, state: 'closed' });
    expect(problems.map((p) => p.path).sort()).toEqual(['idNumber', 'organizationCode', 'organizationName', 'state']);
  });

  it('names each field once, even when its format and its check digit are both wrong', () => {
    const { problems } = checkIntake({ ...person, idNumber: '12', phone: '' });
    expect(problems.map((p) => p.path).sort()).toEqual(['idNumber', 'phone']);
    expect(problems.find((p) => p.path === 'idNumber').message).toBe('证件号码格式不正确');
  });

  it('checks the digit only for 居民身份证 and accepts a right one', () => {
    expect(checkIntake({ ...person, idType: '护照', idNumber: WRONG_CHECK_DIGIT }).value).toBeTruthy();
    expect(checkIntake({ ...person, idNumber: '11010519491231002x' }).value).toBeTruthy();
    expect(checkIntake({ ...person, idNumber: WRONG_CHECK_DIGIT }).problems).toEqual([{ path: 'idNumber', message: '证件号码校验位不正确，请核对居民身份证号码' }]);
  });
});
