// 信息处理费 (条例§42; 国办函〔2020〕109号 第三条–第五条): charged 按件 (per application, by how many
// the applicant has made in the natural month) or 按量 (per application, by its pages), each on an
// 超额累进 scale; one application is charged one way, never both. Amounts in yuan.

export type FeeMode = 'perCase' | 'perPage';

/** 按件 (第四条): the fee of the applicant's `nth` application in one natural month. */
export function perCaseFee(nth: number): number {
  if (nth <= 10) return 0; // 10 件以下（含10件）不收费
  if (nth <= 30) return 100; // 11—30 件的部分：100 元/件
  return 100 * (2 + Math.floor((nth - 31) / 10)); // 31 件以上：以 10 件为一档，每增加一档提高 100 元/件
}

/** 按量 (第五条): the part of one application above 30 pages at 10, above 100 at 20, above 200 at 40 yuan a page. */
const PAGE_BANDS = [
  { from: 31, to: 100, rate: 10 },
  { from: 101, to: 200, rate: 20 },
  { from: 201, to: Infinity, rate: 40 },
];

export function perPageFee(pages: number): number {
  return PAGE_BANDS.reduce((sum, { from, to, rate }) => sum + Math.max(0, Math.min(pages, to) - from + 1) * rate, 0);
}
