// 信息处理费 bands of 国办函〔2020〕109号, computed by hand at every edge.
const { perCaseFee, perPageFee } = require('../../dist/src/domain/fees');

describe('按件 (第四条): the nth application of one applicant in a natural month', () => {
  it.each([
    [1, 0], [10, 0], // 10 件以下（含10件）不收费
    [11, 100], [30, 100], // 11—30 件：100 元/件
    [31, 200], [40, 200], [41, 300], [50, 300], [51, 400], [95, 800],
  ])('application %i costs %i yuan', (nth, amount) => expect(perCaseFee(nth)).toBe(amount));

  it('adds up over a month of 35 applications: 20×100 + 5×200', () => {
    const month = Array.from({ length: 35 }, (_, i) => perCaseFee(i + 1));
    expect(month.reduce((a, b) => a + b, 0)).toBe(2000 + 1000);
  });
});

describe('按量 (第五条): one application by its pages', () => {
  it.each([
    [1, 0], [30, 0],
    [31, 10], [100, 700], // 70 × 10
    [101, 720], [200, 2700], // 700 + 100 × 20
    [201, 2740], [250, 4700], // 2700 + 50 × 40
  ])('%i pages cost %i yuan', (pages, amount) => expect(perPageFee(pages)).toBe(amount));
});
