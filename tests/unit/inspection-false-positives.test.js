// Zero findings where there is nothing to find: the demo data and numbers that only look personal.
const { checkText, checkMetadata, compileDictionary, STARTER_DICTIONARY } = require('../../src/plugins/disclosure-workflow/dist/server/domain');
const { demoRecords, sourcesOf, generated } = require('../helpers/inspection-corpus');

const matcher = compileDictionary(STARTER_DICTIONARY);

describe('false positives', () => {
  it('finds nothing in the texts of the demo data', async () => {
    const records = await demoRecords();
    const sources = records.flatMap((r) => sourcesOf(r.data));
    expect(sources.length).toBeGreaterThan(2500);
    expect(checkText(sources, matcher)).toEqual([]);
    const items = records.filter((r) => r.uid.includes('item')).map((r) => r.data);
    expect(items).toHaveLength(200);
    expect(items.flatMap((data) => checkMetadata({ ...data, publishedDate: data.publishedDate?.toISOString() }))).toEqual([]);
  });

  it('finds nothing in generated 文号, 索引号, dates, amounts, office phones, postal codes and statistics', () => {
    const sources = generated(5000);
    expect(checkText(sources, matcher)).toEqual([]);
    expect(sources.filter((s) => s.field === 'generated.0').flatMap((s) => checkMetadata({ documentNumber: s.text, summary: 'x' }))).toEqual([]);
  });

  it('still finds the real thing among them', () => {
    const sources = [...generated(100), { field: 'body', text: '补贴名单：王建国 11010519491231002X' }];
    expect(checkText(sources, matcher).map((f) => f.rule)).toEqual(['pii.namePair']);
  });
});
