// The plugin checks its configuration against the app that installs it: the minimal fixture app
// (tests/fixtures/minimal-app) with FIXTURE_BAD_CONFIG=1 names a `classified` attribute its article
// type does not have, and Strapi refuses to start, naming the setting and the attribute.
const { loadFixture } = require('../fixtures/minimal-app/loader');

jest.setTimeout(180000);

it('refuses to load when contentTypes names a missing attribute', async () => {
  const load = loadFixture({ FIXTURE_BAD_CONFIG: '1' });
  await expect(load).rejects.toThrow('contentTypes["api::article.article"].classified: no attribute "nope"');
  await expect(load).rejects.toThrow(/disclosure-workflow configuration/);
});
