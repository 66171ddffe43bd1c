// The calendar service: the dataset plus overrides administrators keep in the database.
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');

const OVERRIDE = 'plugin::disclosure-workflow.calendar-override';
beforeAll(setupStrapi);
afterAll(cleanupStrapi);

const calendar = () => strapi.plugin('disclosure-workflow').service('calendar');

it('answers from the dataset, then honours a database override at once', async () => {
  expect(await calendar().isWorkingDay('2025-09-28')).toBe(true);
  expect(await calendar().addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
  const override = await strapi.db.query(OVERRIDE).create({ data: { date: '2025-10-09', working: false, note: '本地防汛调休' } });
  expect(await calendar().isWorkingDay('2025-10-09')).toBe(false);
  expect(await calendar().addWorkingDays('2025-09-30', 1)).toBe('2025-10-10');
  await strapi.db.query(OVERRIDE).delete({ where: { id: override.id } });
  expect(await calendar().addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
});

it('marks a due date in a year without published holidays as provisional', async () => {
  const { DATASET_YEARS } = require('../../src/plugins/disclosure-workflow/dist/server/domain');
  const last = Math.max(...DATASET_YEARS);
  expect(await calendar().dueDate(`${last}-03-02`, 20)).toMatchObject({ provisional: false });
  const late = await calendar().dueDate(`${last}-12-15`, 20);
  expect(late.dueAt.startsWith(String(last + 1))).toBe(true);
  expect(late.provisional).toBe(true);
});

it('gives the office an admin-editable override type in the Content Manager', async () => {
  const contentType = strapi.plugin('content-manager').service('content-types').findContentType(OVERRIDE);
  expect(contentType.isDisplayed).toBe(true);
});
