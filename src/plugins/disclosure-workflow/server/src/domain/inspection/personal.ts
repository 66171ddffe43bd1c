// Personal information in free text: resident ID numbers, mobile numbers, bank cards, passports,
// personal e-mail addresses. Each candidate must stand alone (no digit or letter glued to it, so
// 索引号 and 文号 never match), must not be an amount (followed by 元/万/亿/%), and must pass its
// check (check character, birth date, Luhn) or sit beside its keyword (银行卡号, 护照). Office
// numbers (0571-…, 12345) are never mobile numbers: those are 11 digits starting 1[3-9].
import { isIdNumber15, isIdNumber18, luhn } from './id-number';

export interface PersonalHit {
  rule: string;
  start: number;
  end: number;
  /** What the text shows instead (UI, API, audit trail). */
  mask: string;
}

const B = '(?<![0-9A-Za-z_]|[0-9A-Za-z][-/.])'; // nothing glued before
const E = '(?![0-9A-Za-z_]|[-/.][0-9A-Za-z]|\\s*[元万亿%‰])'; // nothing glued after, not an amount
// Mobile numbers are often listed as 139…/138…: a slash between two of them is a separator.
const BM = '(?<![0-9A-Za-z_]|[0-9A-Za-z][-.])';
const EM = '(?![0-9A-Za-z_]|[-.][0-9A-Za-z]|\\s*[元万亿%‰])';
const ID18 = new RegExp(`${B}\\d{17}[\\dXx]${E}`, 'g');
const ID15 = new RegExp(`${B}\\d{15}${E}`, 'g');
const MOBILE = new RegExp(`${BM}(\\+?86[- ]?)?(1[3-9]\\d(?:\\d{8}|-\\d{4}-\\d{4}| \\d{4} \\d{4}))${EM}`, 'g');
const CARD = new RegExp(`${B}(?:\\d{16,19}|\\d{4}(?:[ -]\\d{4}){3}(?:[ -]?\\d{1,3})?)${E}`, 'g');
const PASSPORT = new RegExp(`${B}[A-Z]{1,2}\\d{6,9}${E}`, 'g');
const EMAIL = /(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;

// Keywords that must precede (within a few characters) the weaker patterns.
const ID15_NEAR = /身份证|证件号|身份号码/;
const CARD_NEAR = /银行卡|卡号|账号|帐号|开户|账户/;
const PASSPORT_NEAR = /护照/;
// An organisation's account (户名：清溪县财政局 … 账号 …) is published on purpose: not a person's card.
const PUBLIC_ACCOUNT = /户名[:：]?\s*(?:(?!开户|账号|帐号)[\u4e00-\u9fa5（）()]){1,30}(局|政府|委员会|中心|办公室|公司|事务所|学校|医院|国库|厅|处|院|所|站|会|社)(?![\u4e00-\u9fa5])/;
// Mailboxes of an office, not of a person: a role name, or a government domain.
const ROLE_MAILBOX = /^(info|service|office|admin|contact|webmaster|postmaster|gongkai|xxgk|zwgk|zfxxgk|xinfang|xf|ban|bgs|news|press|support|noreply|no-reply)$/i;

const stars = (n: number) => '*'.repeat(n);
const before = (text: string, start: number, width: number) => text.slice(Math.max(0, start - width), start);

function* matches(re: RegExp, text: string) {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) yield m;
}

/** Every personal-information hit in `text`, in order, never overlapping. */
export function findPersonal(text: string): PersonalHit[] {
  const hits: PersonalHit[] = [];
  if (!/[0-9@]/.test(text)) return hits;
  const free = (start: number, end: number) => !hits.some((h) => start < h.end && end > h.start);
  const add = (rule: string, start: number, end: number, mask: string) => free(start, end) && hits.push({ rule, start, end, mask });
  for (const m of matches(ID18, text)) {
    if (isIdNumber18(m[0])) add('pii.idNumber', m.index, m.index + 18, m[0].slice(0, 6) + stars(8) + m[0].slice(14));
  }
  for (const m of matches(ID15, text)) {
    if (isIdNumber15(m[0]) && ID15_NEAR.test(before(text, m.index, 20))) add('pii.idNumber15', m.index, m.index + 15, m[0].slice(0, 6) + stars(6) + m[0].slice(12));
  }
  for (const m of matches(MOBILE, text)) {
    const digits = m[2].replace(/\D/g, '');
    add('pii.mobile', m.index, m.index + m[0].length, (m[1] ?? '') + digits.slice(0, 3) + stars(4) + digits.slice(7));
  }
  for (const m of matches(CARD, text)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 16 && digits.length <= 19 && luhn(digits) && CARD_NEAR.test(before(text, m.index, 30)) && !PUBLIC_ACCOUNT.test(before(text, m.index, 60))) {
      add('pii.bankCard', m.index, m.index + m[0].length, digits.slice(0, 4) + stars(digits.length - 8) + digits.slice(-4));
    }
  }
  if (text.includes('护照')) {
    for (const m of matches(PASSPORT, text)) {
      if (PASSPORT_NEAR.test(before(text, m.index, 15))) add('pii.passport', m.index, m.index + m[0].length, m[0][0] + stars(m[0].length - 3) + m[0].slice(-2));
    }
  }
  if (text.includes('@')) {
    for (const m of matches(EMAIL, text)) {
      if (ROLE_MAILBOX.test(m[1]) || /(^|\.)gov\.cn$/i.test(m[2])) continue;
      add('pii.email', m.index, m.index + m[0].length, `${m[1][0]}***@${m[2]}`);
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** `text` with every hit replaced by its mask. */
export function applyMasks(text: string, hits: PersonalHit[], from = 0, to = text.length): string {
  let out = '';
  let at = from;
  for (const h of hits) {
    if (h.end <= from || h.start >= to) continue;
    out += text.slice(at, h.start) + h.mask;
    at = h.end;
  }
  return out + text.slice(at, to);
}

/** Masks every personal-information hit in free text (for the audit trail and the UI). */
export function maskPersonal(text: string): string {
  return applyMasks(text, findPersonal(text));
}
