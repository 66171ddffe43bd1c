// The schema files and the domain modules must agree on the enumerations they both name.
const item = require('../../src/api/disclosure-item/content-types/disclosure-item/schema.json');
const { DISCLOSURE, EXEMPTION_REASONS, SUMMARY_MAX } = require('../../dist/src/domain/disclosure-rules');
const { GENRES, VALIDITIES } = require('../../dist/src/domain/catalogue-query');
const { GENRE_LABELS, VALIDITY_LABELS } = require('../../dist/src/domain/catalogue-export');

describe('content model contract', () => {
  it('keeps the disclosure-item enumerations and limits in step with the domain rules', () => {
    expect(item.attributes.disclosure.enum).toEqual([...DISCLOSURE]);
    expect(item.attributes.exemptionReason.enum).toEqual([...EXEMPTION_REASONS]);
    expect(item.attributes.genre.enum).toEqual([...GENRES]);
    expect(item.attributes.validity.enum).toEqual([...VALIDITIES]);
    expect(item.attributes.summary.maxLength).toBe(SUMMARY_MAX);
    expect(Object.keys(GENRE_LABELS)).toEqual([...GENRES]);
    expect(Object.keys(VALIDITY_LABELS)).toEqual([...VALIDITIES]);
  });

  it('keeps internal fields out of the public API', () => {
    for (const field of ['exemptionReason', 'reviewAt', 'internalNotes']) expect(item.attributes[field].private).toBe(true);
  });
});
