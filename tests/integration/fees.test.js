// The fees service (issue 13 contract): quotes 按件 and 按量 from the loaded app; bad input is a
// ValidationError naming the field.
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');

beforeAll(setupStrapi);
afterAll(cleanupStrapi);
const fees = () => strapi.service('api::disclosure-request.fees');

it('quotes one application 按量 by its pages and 按件 as the applicant’s nth in the month', () => {
  expect(fees().quote({ mode: 'perPage', pages: 150 })).toEqual({ amount: 700 + 50 * 20 });
  expect(fees().quote({ mode: 'perPage', pages: 30 })).toEqual({ amount: 0 });
  expect(fees().quote({ mode: 'perCase', nth: 12 })).toEqual({ amount: 100 });
  expect(fees().quote({ mode: 'perCase', nth: 45 })).toEqual({ amount: 300 });
});

it('refuses input it cannot price, naming the field', () => {
  const refusal = (input) => {
    try {
      fees().quote(input);
    } catch (error) {
      return { name: error.name, paths: error.details.errors.map((e) => e.path.join('.')) };
    }
    return null;
  };
  expect(refusal({})).toEqual({ name: 'ValidationError', paths: ['mode'] });
  expect(refusal({ mode: 'both', pages: 3 })).toMatchObject({ paths: expect.arrayContaining(['mode']) });
  expect(refusal({ mode: 'perPage' })).toEqual({ name: 'ValidationError', paths: ['pages'] });
  expect(refusal({ mode: 'perPage', pages: 0 })).toEqual({ name: 'ValidationError', paths: ['pages'] });
  expect(refusal({ mode: 'perPage', pages: 2.5 })).toEqual({ name: 'ValidationError', paths: ['pages'] });
  expect(refusal({ mode: 'perPage', pages: 40, nth: 3 })).toEqual({ name: 'ValidationError', paths: ['nth'] }); // never both
  expect(refusal({ mode: 'perCase', nth: -1 })).toEqual({ name: 'ValidationError', paths: ['nth'] });
});
