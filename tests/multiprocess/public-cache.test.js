// Two instances on one PostgreSQL database, each with its own public cache: an item made 涉密 or
// unpublished on one is never served by either after the change commits + 1 s, even while readers
// keep both caches busy during the change.
const request = require('supertest');
const { ITEM, makeDepartment, makeItem, unique } = require('../helpers/fixtures');
const { freePort } = require('../../scripts/pg-throwaway');
const { multiprocessSuite } = require('../helpers/instances');

const instances = multiprocessSuite();

it('an item made 涉密 or unpublished leaves both instances\' caches within 1 s of the commit', async () => {
  const marker = unique('双实例');
  const department = await makeDepartment({ name: `缓存局${marker}` });
  const secret = await makeItem(department, { title: `${marker} 将涉密` });
  const withdrawn = await makeItem(department, { title: `${marker} 将撤回` });
  const { url } = await instances.serve();
  // This instance listens too (supertest would start and stop a server per request).
  const herePort = await freePort();
  await new Promise((r) => strapi.server.httpServer.listen(herePort, '127.0.0.1', r));
  const here = () => request(`http://127.0.0.1:${herePort}`);
  const there = () => request(url);
  const paths = [
    `/api/catalogue?q=${encodeURIComponent(marker)}`,
    `/api/catalogue/lookup?indexNumber=${encodeURIComponent(secret.indexNumber)}`,
    `/api/disclosure-items/${secret.documentId}`,
    `/api/disclosure-items/${withdrawn.documentId}`,
  ];
  const shows = (res, item) => res.status === 200 && res.text.includes(item.documentId);
  for (const client of [here, there]) {
    for (const path of paths.slice(0, 3)) expect(shows(await client().get(path), secret)).toBe(true);
    expect(shows(await client().get(paths[3]), withdrawn)).toBe(true);
    expect((await client().get(paths[0])).headers.etag).toBeDefined();
  }

  // Readers keep filling both caches while the changes are made and committed.
  let reading = true;
  const readers = [here, there].map(async (client) => {
    while (reading) await Promise.all(paths.map((path) => client().get(path).catch(() => {})));
  });
  try {
    await strapi.documents(ITEM).update({ documentId: secret.documentId, data: { classified: true, disclosure: 'on_request' } });
    await strapi.documents(ITEM).unpublish({ documentId: withdrawn.documentId });
    await new Promise((r) => setTimeout(r, 1000));
    for (let round = 0; round < 5; round++) {
      for (const client of [here, there]) {
        for (const path of paths.slice(0, 3)) expect([path, shows(await client().get(path), secret)]).toEqual([path, false]);
        expect(shows(await client().get(paths[3]), withdrawn)).toBe(false);
      }
    }
  } finally {
    reading = false;
    await Promise.all(readers);
  }
}, 300_000);
