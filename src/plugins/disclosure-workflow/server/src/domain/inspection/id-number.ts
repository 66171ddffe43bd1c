// Resident ID numbers (GB 11643-1999). A number is reported only when it could really be one:
// a province code, a birth date that exists and is not in the future, and (18 digits) the check
// character. This is what keeps 索引号, amounts and statistics out of the findings.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
// Province-level codes (GB/T 2260) — the first two digits of every resident ID number.
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
]);

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK[sum % 11];
}

function isBirthDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && date.getTime() <= Date.now() && year >= 1880;
}

/** An 18-character ID number (digits, last may be X) that passes every check. */
export function isIdNumber18(s: string): boolean {
  if (!PROVINCES.has(Number(s.slice(0, 2)))) return false;
  if (!isBirthDate(Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14)))) return false;
  return checkCharacter(s) === s[17].toUpperCase();
}

/** A 15-digit ID number of the old form (birth year 19yy, no check character). */
export function isIdNumber15(s: string): boolean {
  if (!PROVINCES.has(Number(s.slice(0, 2)))) return false;
  return isBirthDate(1900 + Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12)));
}

/** Bank card numbers (ISO/IEC 7812) end with a Luhn check digit. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double && (d *= 2) > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}
