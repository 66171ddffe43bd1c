const { renderIndexNumber, assertValidTemplate, DEFAULT_INDEX_TEMPLATE } = require('../../dist/src/domain/index-number');

describe('index number templates', () => {
  it('renders the common 机构代码/年份-流水号 form', () => {
    expect(renderIndexNumber(DEFAULT_INDEX_TEMPLATE, { orgCode: '0142768-8', year: 2022, seq: 185 })).toBe('0142768-8/2022-00185');
  });

  it('renders region and category tokens and other widths', () => {
    const out = renderIndexNumber('{regionCode}-{orgCode}-{categoryCode}-{year}-{seq:3}', { orgCode: 'ABC', regionCode: '339901', categoryCode: 'B02', year: 2025, seq: 7 });
    expect(out).toBe('339901-ABC-B02-2025-007');
  });

  it('does not truncate a sequence wider than the padding', () => {
    expect(renderIndexNumber('{orgCode}/{year}-{seq:2}', { orgCode: 'X', year: 2025, seq: 1234 })).toBe('X/2025-1234');
  });

  it('refuses templates that could repeat or that name unknown tokens', () => {
    expect(() => assertValidTemplate('{orgCode}/{year}')).toThrow(/\{seq\}/);
    expect(() => assertValidTemplate('{orgCode}-{seq}')).toThrow(/\{year\}/);
    expect(() => assertValidTemplate('{orgCode}/{year}-{seq}-{month}')).toThrow(/unknown token/);
    expect(() => assertValidTemplate(DEFAULT_INDEX_TEMPLATE)).not.toThrow();
  });
});
