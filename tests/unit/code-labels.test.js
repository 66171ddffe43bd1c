// Every enumeration attribute of the app's content types and components has a zh-Hans and an
// English label for each of its values, from the one label map of its domain list.
const fs = require('fs');
const path = require('path');
const { ENUM_LABELS, codeLabelMessages, GENRE_CODE_LABELS, VALIDITY_CODE_LABELS } = require('../../dist/src/domain/code-labels');
const { GENRE_LABELS, VALIDITY_LABELS } = require('../../dist/src/domain/catalogue-export');

const root = path.join(__dirname, '../..');
function schemas() {
  const found = [];
  const api = path.join(root, 'src/api');
  for (const name of fs.readdirSync(api)) {
    const dir = path.join(api, name, 'content-types');
    if (!fs.existsSync(dir)) continue;
    for (const ct of fs.readdirSync(dir)) {
      // A schema written in TypeScript (its lists imported from src/domain) is read compiled.
      const json = path.join(dir, ct, 'schema.json');
      found.push([`api::${name}.${ct}`, fs.existsSync(json) ? require(json) : require(path.join(root, 'dist/src/api', name, 'content-types', ct, 'schema')).default]);
    }
  }
  const components = path.join(root, 'src/components');
  for (const category of fs.readdirSync(components)) {
    for (const file of fs.readdirSync(path.join(components, category))) {
      if (file.endsWith('.json')) found.push([`${category}.${file.replace(/\.json$/, '')}`, require(path.join(components, category, file))]);
    }
  }
  return found;
}

describe('code labels', () => {
  const enumerations = schemas().flatMap(([uid, schema]) =>
    Object.entries(schema.attributes).filter(([, a]) => a.type === 'enumeration').map(([field, a]) => [uid, field, a.enum]),
  );

  it('finds the enumerations of the content model', () => {
    expect(enumerations.length).toBeGreaterThanOrEqual(16);
  });

  it.each(enumerations)('%s.%s: a label in zh-Hans and English for exactly its values', (uid, field, values) => {
    const labels = ENUM_LABELS[uid]?.[field];
    expect(labels).toBeDefined();
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
    for (const value of values) {
      expect(labels[value].zh).toMatch(/[\u4e00-\u9fa5]/);
      expect(labels[value].en).toMatch(/^[A-Z]/);
      expect(labels[value].en).not.toBe(value);
    }
  });

  it('labels no attribute the schemas do not have', () => {
    const known = new Set(enumerations.map(([uid, field]) => `${uid}.${field}`));
    for (const [uid, fields] of Object.entries(ENUM_LABELS)) for (const field of Object.keys(fields)) expect(known).toContain(`${uid}.${field}`);
  });

  it('gives each value one label per language (the admin looks labels up by value)', () => {
    for (const lang of ['zh', 'en']) {
      const messages = codeLabelMessages(lang);
      expect(messages.proactive).toBe(lang === 'zh' ? '主动公开' : 'Proactive');
      expect(messages.normativeDocument).toBe(lang === 'zh' ? '行政规范性文件' : 'Normative document');
      expect(messages.valid).toBe(lang === 'zh' ? '有效' : 'Valid');
      expect(messages.naturalPerson).toBe(lang === 'zh' ? '自然人' : 'Natural person');
      expect(messages.received).toBe(lang === 'zh' ? '已登记' : 'Received');
    }
  });

  it('is where the open-data export takes its genre and validity words from', () => {
    for (const [code, label] of Object.entries(GENRE_CODE_LABELS)) expect(GENRE_LABELS[code]).toBe(label.zh);
    for (const [code, label] of Object.entries(VALIDITY_CODE_LABELS)) expect(VALIDITY_LABELS[code]).toBe(label.zh);
    expect(GENRE_LABELS.normativeDocument).toBe('行政规范性文件');
  });
});
