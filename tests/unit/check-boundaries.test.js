// The plugin boundary checker (scripts/check-boundaries.js), on small fixture trees in a temp dir,
// then once on the real repository through its command line.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { findViolations } = require('../../scripts/check-boundaries');

const repoRoot = path.join(__dirname, '../..');
const PLUGIN = 'src/plugins/disclosure-workflow';

// A clean app + plugin tree; `extra` adds or overrides files (path relative to the fixture root → text).
function fixture(extra = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'boundaries-'));
  const files = {
    'package.json': JSON.stringify({ name: 'app' }),
    'src/index.ts': "import { x } from './domain/x';\nimport joi from 'joi';\nexport default x;\n",
    'src/domain/x.ts': "import { createStrapi } from '@strapi/strapi';\nexport const x = 1;\n",
    [`${PLUGIN}/package.json`]: JSON.stringify({
      name: 'disclosure-workflow',
      exports: {
        './strapi-server': { require: './strapi-server.js' },
        './strapi-admin': { import: './admin/src/index.ts' },
        './package.json': './package.json',
      },
    }),
    [`${PLUGIN}/strapi-server.js`]: "'use strict';\nmodule.exports = require('./server/src');\n",
    [`${PLUGIN}/server/src/index.ts`]: "import { nextWorkingDay } from './domain/calendar';\nimport path from 'node:path';\nexport default { nextWorkingDay };\n",
    [`${PLUGIN}/server/src/domain/calendar.ts`]: "import Joi from 'joi';\nexport const nextWorkingDay = () => 1;\n",
    [`${PLUGIN}/admin/src/index.ts`]: "import React from 'react';\nimport { nextWorkingDay } from '../../server/src/domain/calendar';\nexport default {};\n",
    ...extra,
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const roots = [];
function check(extra) {
  const root = fixture(extra);
  roots.push(root);
  return findViolations({ root, pluginDir: PLUGIN });
}
afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

describe('check-boundaries', () => {
  test('a clean tree has no violations', () => {
    expect(check()).toEqual([]);
  });

  test('an entry point in build output that does not exist yet (a fresh clone) is still an entry point', () => {
    const pkg = JSON.stringify({ name: 'disclosure-workflow', exports: { './domain': { require: './dist/server/domain/index.js' }, './package.json': './package.json' } });
    const violations = check({
      [`${PLUGIN}/package.json`]: pkg,
      'tests/a.test.js': "const d = require('../src/plugins/disclosure-workflow/dist/server/domain');\n",
      'tests/b.test.js': "const s = require('../src/plugins/disclosure-workflow/dist/server/domain/state-machine');\n",
    });
    expect(violations).toEqual([expect.objectContaining({ file: 'tests/b.test.js', specifier: '../src/plugins/disclosure-workflow/dist/server/domain/state-machine' })]);
  });

  test('a plugin file importing a path outside the plugin folder is a violation', () => {
    const violations = check({
      // From the plugin folder itself, ../../../ is the app root.
      [`${PLUGIN}/rules.ts`]: "import Joi from 'joi';\n\nimport { x } from '../../../src/domain/x';\n",
    });
    expect(violations).toEqual([
      expect.objectContaining({ file: `${PLUGIN}/rules.ts`, line: 3, specifier: '../../../src/domain/x' }),
    ]);
    expect(violations[0].reason).toMatch(/outside .*: src\/domain\/x\.ts$/);
  });

  test('a plugin file requiring the app by its package name is a violation', () => {
    const violations = check({ [`${PLUGIN}/server/src/app.js`]: "const { x } = require('app/src/x');\n" });
    expect(violations).toEqual([
      expect.objectContaining({ file: `${PLUGIN}/server/src/app.js`, line: 1, specifier: 'app/src/x' }),
    ]);
  });

  test('an app file importing plugin internals is a violation', () => {
    const violations = check({
      'src/domain/clock.ts': "import { nextWorkingDay } from './../plugins/disclosure-workflow/server/src/domain/calendar';\n",
      'src/index.ts': "import './plugins/disclosure-workflow/server/src/domain/calendar';\n",
    });
    expect(violations.map((v) => [v.file, v.line, v.specifier])).toEqual(
      expect.arrayContaining([
        ['src/index.ts', 1, './plugins/disclosure-workflow/server/src/domain/calendar'],
        ['src/domain/clock.ts', 1, './../plugins/disclosure-workflow/server/src/domain/calendar'],
      ]),
    );
    expect(violations).toHaveLength(2);
    expect(violations[0].reason).toMatch(/not an entry point/);
  });

  test("an app file importing the plugin's entry points is allowed", () => {
    expect(
      check({
        'src/admin/app.tsx': "import plugin from '../plugins/disclosure-workflow/admin/src/index';\nexport default plugin;\n",
        'src/server.js': "require('./plugins/disclosure-workflow/strapi-server');\nrequire('./plugins/disclosure-workflow/package.json');\n",
      }),
    ).toEqual([]);
  });

  test('the plugin package name is allowed only with a subpath its exports lists', () => {
    const violations = check({
      'src/by-name.js':
        "require('disclosure-workflow/strapi-server');\nimport('disclosure-workflow/strapi-admin');\nrequire('disclosure-workflow/server/src/domain/calendar');\n",
    });
    expect(violations.map((v) => [v.line, v.specifier])).toEqual([[3, 'disclosure-workflow/server/src/domain/calendar']]);
  });

  test('dynamic import() and require() are both caught', () => {
    const violations = check({
      'src/lazy.js': [
        'async function load() {',
        "  const calendar = await import('./plugins/disclosure-workflow/server/src/domain/calendar');",
        "  return require('./plugins/disclosure-workflow/server/src/index');",
        '}',
        '',
      ].join('\n'),
    });
    expect(violations.map((v) => [v.file, v.line])).toEqual([
      ['src/lazy.js', 2],
      ['src/lazy.js', 3],
    ]);
  });

  test('an unresolvable path still counts by where it points', () => {
    const violations = check({
      [`${PLUGIN}/server/src/ghost.ts`]: "import '../../../../domain/missing';\n",
      'src/ghost.ts': "import './plugins/disclosure-workflow/server/src/missing';\n",
    });
    expect(violations.map((v) => v.file).sort()).toEqual(['src/ghost.ts', `${PLUGIN}/server/src/ghost.ts`]);
  });

  test('dist, node_modules and other skipped folders are not checked', () => {
    expect(
      check({
        [`${PLUGIN}/dist/server/index.js`]: "require('../../../../domain/x');\n",
        'dist/src/index.js': "require('../../src/plugins/disclosure-workflow/server/src/domain/calendar');\n",
        'node_modules/lib/index.js': "require('../../src/plugins/disclosure-workflow/server/src/domain/calendar');\n",
        'vendor/lib/index.js': "require('../../src/plugins/disclosure-workflow/server/src/domain/calendar');\n",
      }),
    ).toEqual([]);
  });

  test('the command line exits 0 with "ok" on a clean tree and 1 with the violations listed', () => {
    const cli = (root) =>
      spawnSync(process.execPath, [path.join(repoRoot, 'scripts/check-boundaries.js'), '--root', root, '--plugin', PLUGIN], { encoding: 'utf8' });
    const clean = fixture();
    const dirty = fixture({ 'src/bad.ts': "\nimport './plugins/disclosure-workflow/server/src/domain/calendar';\n" });
    roots.push(clean, dirty);

    const ok = cli(clean);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^\[boundaries\] ok: 6 files checked, 0 violations$/m);

    const bad = cli(dirty);
    expect(bad.status).toBe(1);
    expect(bad.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^src\/bad\.ts:2 imports '\.\/plugins\/disclosure-workflow\/server\/src\/domain\/calendar' \(.+\)$/),
      '[boundaries] 7 files checked, 1 violations',
    ]);
  }, 30000);

  test('the command line on the real repository prints its summary', () => {
    // The repository is being restructured: only the report's shape is asserted, not that it is clean.
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/check-boundaries.js')], { cwd: repoRoot, encoding: 'utf8' });
    const summary = /^\[boundaries\] (ok: )?(\d+) files checked, (\d+) violations$/m.exec(run.stdout);
    expect(summary).not.toBeNull();
    expect(Number(summary[2])).toBeGreaterThan(0);
    expect(run.status).toBe(Number(summary[3]) > 0 ? 1 : 0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(Number(summary[3]) + 1);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^\S+:\d+ imports '.+' \(.+\)$/);
  }, 30000);
});
