// Personal information in text: what is found, how it is masked, and that excerpts never leak.
const { checkText, maskPersonal } = require('../../src/plugins/disclosure-workflow/dist/server/domain');

const check = (text) => checkText([{ field: 'body', text }], null);
const rules = (text) => check(text).map((f) => f.rule);
const CARD = '6222020200001234562'; // passes Luhn

describe('personal information', () => {
  it.each([
    ['身份证号 11010519491231002X', 'pii.idNumber', '110105********002X'],
    ['身份证号码：110105491231002', 'pii.idNumber15', '110105******002'],
    ['联系手机 13912345678', 'pii.mobile', '139****5678'],
    ['手机 139-1234-5678', 'pii.mobile', '139****5678'],
    ['手机 +86 139 1234 5678', 'pii.mobile', '+86 139****5678'],
    [`银行卡号 ${CARD}`, 'pii.bankCard', '6222***********4562'],
    ['开户账号 6222 0202 0000 1234 562', 'pii.bankCard', '6222***********4562'],
    ['护照号码 E12345678', 'pii.passport', 'E******78'],
    ['来信请寄 zhang.san@163.com', 'pii.email', 'z***@163.com'],
  ])('%s → %s, masked as %s', (text, rule, mask) => {
    const [finding, ...rest] = check(text);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule, severity: 'error', field: 'body' });
    expect(finding.excerpt).toContain(mask);
    expect(maskPersonal(text)).toContain(mask);
  });

  it.each([
    ['an ID number with a wrong check character', '身份证号 110105194912310021'],
    ['an ID number with an impossible birth date', '身份证号 110105194902301237'],
    ['an ID number with no province', '身份证号 990105194912310027'],
    ['a 15-digit number without 身份证 beside it', '编号 110105491231002'],
    ['a Luhn-valid number without a card keyword', `流水号 ${CARD}`],
    ['a card number failing Luhn', '银行卡号 6222020200001234563'],
    ['a passport-like code not beside 护照', '型号 E12345678'],
    ['an office mailbox', '电子邮箱 xxgk@qingxi.gov.cn，或 service@example.com'],
    ['a number glued to letters', 'MA13912345678B'],
    ['an organisation\'s account', `户名：清溪县财政局，开户行：清溪农商银行，账号：${CARD}`],
  ])('ignores %s', (_what, text) => {
    expect(rules(text)).toEqual([]);
  });

  it('reports mobile numbers listed with slashes, and a person\'s card even when the bank is named', () => {
    expect(rules('电话：13912345678/13812345678')).toEqual(['pii.mobile', 'pii.mobile']);
    expect(rules(`户名：王建国开户行农业银行白沙分理处账号${CARD}`)).toEqual(['pii.bankCard']);
  });

  it('reports a name beside an ID or mobile number as pii.namePair, instead of the plain hit', () => {
    expect(rules('申请人：王建国，身份证号 11010519491231002X')).toEqual(['pii.namePair']);
    expect(rules('姓名：欧阳娜娜 手机13912345678')).toEqual(['pii.namePair']);
    expect(rules('刘芳 13912345678')).toEqual(['pii.namePair']);
    expect(rules('白沙乡 13912345678')).toEqual(['pii.mobile']);
    expect(rules('请拨打 13912345678 咨询')).toEqual(['pii.mobile']);
  });

  it('never leaves a number in clear in any excerpt, even at the edge of the window', () => {
    const text = `${'说明'.repeat(20)}身份证 11010519491231002X，手机13912345678，银行卡号${CARD}，护照 E12345678，邮箱 li@qq.com${'附注'.repeat(20)}`;
    const found = check(text);
    expect(found).toHaveLength(5);
    const all = JSON.stringify(found);
    for (const clear of ['11010519491231002X', '13912345678', CARD, 'E12345678', 'li@qq.com', '1949123']) expect(all).not.toContain(clear);
    for (const f of found) expect(f.excerpt.length).toBeLessThanOrEqual(80);
  });
});
