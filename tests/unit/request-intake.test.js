const { checkIntake, validResidentId } = require('../../dist/src/domain/request-intake');

const person = { applicantType: 'naturalPerson', applicantName: '李四', phone: '0571-66001234', idType: '居民身份证', idNumber: '11010519491231002X', description: '请公开某某文件', delivery: 'online' };

describe('public intake rules', () => {
  it('accepts a minimal natural person and trims text', () => {
    expect(checkIntake({ ...person, applicantName: ' 李四 ' }).value.applicantName).toBe('李四');
  });

  it('checks the 居民身份证 check digit (GB 11643)', () => {
    expect(validResidentId('11010519491231002X')).toBe(true);
    expect(validResidentId('110105194912310021')).toBe(false);
    expect(checkIntake({ ...person, idType: '护照', idNumber: 'E12345678' }).value).toBeTruthy();
  });

  it('names every broken field once, in Chinese', () => {
    const { problems } = checkIntake({ ...person, applicantName: '', phone: 'x', disposition: 'granted' });
    expect(problems.map((p) => p.path).sort()).toEqual(['applicantName', 'disposition', 'phone']);
    expect(problems.find((p) => p.path === 'disposition').message).toBe('不接受的字段：disposition');
  });

  it('refuses what is not an object', () => {
    for (const body of [null, [], 'x', 3]) expect(checkIntake(body).problems).toHaveLength(1);
  });
});
