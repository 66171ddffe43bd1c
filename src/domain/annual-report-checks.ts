// Table 三's 勾稽关系, per column: 四、结转下年度继续办理 must equal 二、上年结转 + 一、本年新收 −
// 三（七）总计. Its own module (no CSV library) so the admin page can run it on a stored table. Pure.
import { APPLICANT_TYPES } from './request-codes';

export const CHECK_COLUMNS = [...APPLICANT_TYPES, 'total'] as const;
export type CheckColumn = (typeof CHECK_COLUMNS)[number];

export interface Table3Check {
  column: CheckColumn;
  carriedIn: number;
  received: number;
  closed: number;
  carriedOut: number;
  ok: boolean;
}

/** The check of every column of a built or stored table 三; missing or malformed cells read as 0. */
export function table3Checks(table: unknown): Table3Check[] {
  const rows = (table as any)?.rows;
  const value = (row: string, column: string): number => {
    const v = rows?.[row]?.[column];
    return typeof v === 'number' && Number.isFinite(v) ? v : 0;
  };
  return CHECK_COLUMNS.map((column) => {
    const [carriedIn, received, closed, carriedOut] = ['carriedOver', 'newReceived', 'totalProcessed', 'carriedForward'].map((row) => value(row, column));
    return { column, carriedIn, received, closed, carriedOut, ok: carriedOut === carriedIn + received - closed };
  });
}
