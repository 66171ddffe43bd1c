// The schema files and the domain modules must agree on the enumerations they both name.
// The item schema is TypeScript (its value lists come from src/domain): read the compiled one.
const item = require('../../dist/src/api/disclosure-item/content-types/disclosure-item/schema').default;
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

describe('request model contract', () => {
  const request = require('../../src/api/disclosure-request/content-types/disclosure-request/schema.json');
  const reply = require('../../src/api/request-reply/content-types/request-reply/schema.json');
  const codes = require('../../dist/src/domain/request-codes');
  const { CASE_STATES } = require('../../dist/src/domain/request-flow');
  const { REPLY_TYPES } = require('../../dist/src/domain/reply-types');

  it('keeps request and reply enumerations in step with the coded values and the flow', () => {
    expect(request.attributes.applicantType.enum).toEqual([...codes.APPLICANT_TYPES]);
    expect(request.attributes.disposition.enum).toEqual([...codes.DISPOSITIONS]);
    expect(reply.attributes.disposition.enum).toEqual([...codes.REPLY_DISPOSITIONS]);
    expect(reply.attributes.disposition.enum).not.toEqual(expect.arrayContaining(['otherOverdueCorrection']));
    expect(reply.attributes.replyType.enum).toEqual([...REPLY_TYPES]);
    expect(reply.attributes.exemptionReason.enum).toEqual([...EXEMPTION_REASONS]);
    expect(request.attributes.delivery.enum).toEqual([...codes.DELIVERY]);
    expect(request.attributes.channel.enum).toEqual([...codes.CHANNELS]);
    expect(request.attributes.state.enum).toEqual([...CASE_STATES]);
  });

  it('keeps every request and reply attribute private', () => {
    for (const [name, attribute] of Object.entries({ ...request.attributes, ...reply.attributes })) {
      if (name !== 'state') expect([name, attribute.private]).toEqual([name, true]);
    }
  });
});
