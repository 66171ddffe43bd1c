// 索引号 sequences are allocated atomically in the database, never count()+1.
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { ITEM, makeDepartment, itemData } = require('../helpers/fixtures');

beforeAll(setupStrapi);
afterAll(cleanupStrapi);

it('gives 50 concurrent creates 50 distinct consecutive numbers', async () => {
  const department = await makeDepartment();
  const created = await Promise.all(
    Array.from({ length: 50 }, (_, i) => strapi.documents(ITEM).create({ data: itemData(department, { title: `并发 ${i}`, formedAt: '2025-02-03' }) })),
  );
  const sequences = created.map((item) => {
    expect(item.indexNumber.startsWith(`${department.code}/2025-`)).toBe(true);
    return Number(item.indexNumber.split('-').pop());
  });
  expect(new Set(sequences).size).toBe(50);
  sequences.sort((a, b) => a - b);
  expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => sequences[0] + i));
  expect(sequences[0]).toBe(1);
});

it('keeps separate sequences per department and per year', async () => {
  const [a, b] = [await makeDepartment(), await makeDepartment()];
  const first = await strapi.documents(ITEM).create({ data: itemData(a, { formedAt: '2024-12-31' }) });
  const second = await strapi.documents(ITEM).create({ data: itemData(a, { formedAt: '2025-01-01' }) });
  const other = await strapi.documents(ITEM).create({ data: itemData(b, { formedAt: '2024-05-05' }) });
  expect(first.indexNumber).toBe(`${a.code}/2024-00001`);
  expect(second.indexNumber).toBe(`${a.code}/2025-00001`);
  expect(other.indexNumber).toBe(`${b.code}/2024-00001`);
});

it('gives the number back when the create fails', async () => {
  const department = await makeDepartment();
  await strapi.documents(ITEM).create({ data: itemData(department, { formedAt: '2022-01-10' }) });
  // A field the database layer rejects after the number was taken inside the transaction.
  await expect(strapi.documents(ITEM).create({ data: itemData(department, { formedAt: '2022-01-11', genre: 'poem' }) })).rejects.toBeTruthy();
  const next = await strapi.documents(ITEM).create({ data: itemData(department, { formedAt: '2022-01-12' }) });
  expect(next.indexNumber).toBe(`${department.code}/2022-00002`);
});
