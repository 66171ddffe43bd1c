// Every public text field of the intake refuses control and bidirectional formatting characters.
const { checkIntake, hasForbiddenCharacters } = require('../../dist/src/domain/request-intake');

const person = { applicantType: 'naturalPerson', applicantName: '李四', phone: '0571-66001234', email: 'ls@example.cn', address: '清溪县城关镇人民路 8 号',
  idType: '居民身份证', idNumber: '11010519491231002X', description: '请公开某某文件', documentNumber: '清政发〔2025〕1号', delivery: 'online' };
const company = { ...person, applicantType: 'commercial', organizationName: '清溪县某某建筑有限公司', organizationCode: '91330127MA2B3C4D5E' };
const TEXT_FIELDS = ['applicantType', 'applicantName', 'phone', 'email', 'address', 'idType', 'idNumber', 'organizationName', 'organizationCode', 'description', 'documentNumber', 'delivery'];
const BAD = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009b', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];

describe('control and bidi characters in the intake', () => {
  it.each(TEXT_FIELDS)('%s refuses every control and bidi-override character, naming the field', (field) => {
    for (const ch of BAD) {
      const value = field === 'email' ? `l${ch}s@example.cn` : `${company[field].slice(0, 2)}${ch}${company[field].slice(2)}`;
      const { problems } = checkIntake({ ...company, [field]: value });
      expect(problems).toBeDefined();
      expect(problems.map((p) => p.path)).toContain(field);
    }
  });

  it('says which rule in zh-Hans', () => {
    const { problems } = checkIntake({ ...person, applicantName: '李\u202e四' });
    expect(problems).toEqual([{ path: 'applicantName', message: '申请人姓名或名称不能包含控制字符或文字方向控制符' }]);
    expect(checkIntake({ ...person, description: '请公开\u0000某某文件' }).problems[0].message).toMatch(/控制字符/);
  });

  it('allows line breaks and tabs only in the multi-line fields', () => {
    expect(checkIntake({ ...person, description: '请公开：\n1. 某某文件\r\n2.\t另一文件' }).value).toBeTruthy();
    expect(checkIntake({ ...person, address: '清溪县城关镇\n人民路 8 号' }).value).toBeTruthy();
    expect(checkIntake({ ...person, applicantName: '李\n四' }).problems[0].path).toBe('applicantName');
    expect(checkIntake({ ...person, documentNumber: '清政发\t1号' }).problems[0].path).toBe('documentNumber');
  });

  it('keeps ordinary Chinese, full-width punctuation and spaces', () => {
    expect(checkIntake({ ...company, applicantName: '欧阳·娜娜', description: '请公开《清溪县2025年预算》（全文），谢谢！' }).value).toBeTruthy();
    expect(hasForbiddenCharacters('清溪县\u3000人民政府')).toBe(false);
    expect(hasForbiddenCharacters('a\u202eb')).toBe(true);
    expect(hasForbiddenCharacters('a\nb', true)).toBe(false);
    expect(hasForbiddenCharacters('a\nb')).toBe(true);
  });
});
