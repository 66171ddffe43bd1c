'use strict';

// Keeps the disclosure-workflow plugin a self-contained Strapi plugin:
//  1. nothing under the plugin folder imports a path outside it (nor the app by its package name);
//  2. nothing outside the plugin folder imports its internals, only the files its package.json
//     `exports` (or `main`) point to, or the plugin's package name with a subpath that `exports` lists.
// Imports are found with TypeScript's own scanner, so `import`, `export … from`, `import()` and
// `require()` are all seen, without parsing or type-checking anything.
//
// Usage: node scripts/check-boundaries.js [--root <dir>] [--plugin <relative dir>]

const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const DEFAULT_PLUGIN_DIR = 'src/plugins/disclosure-workflow';
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.jsx'];
const RESOLVE_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.json', '.mjs', '.cjs', '.d.ts'];
// Dependencies, build output and caches: not our sources (`dist` anywhere, e.g. the plugin's own build).
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'build', '.cache', '.tmp', '.strapi', 'coverage', 'vendor']);

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const isFile = (p) => fs.statSync(p, { throwIfNoEntry: false })?.isFile() === true;
const isDir = (p) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() === true;
const isInside = (p, dir) => {
  const rel = path.relative(dir, p);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
};
const toPosix = (p) => p.split(path.sep).join('/');

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) yield* walk(full);
    } else if (entry.isFile() && SOURCE_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) {
      yield full;
    }
  }
}

// Node/TS-style resolution of a path: the file, the file plus an extension, then the directory
// (its package.json `main`, then `index.*`). Returns null when nothing exists.
function resolvePath(target) {
  const asFile = (p) => {
    if (isFile(p)) return p;
    for (const ext of RESOLVE_EXTENSIONS) if (isFile(p + ext)) return p + ext;
    // TS sources written for ESM import `./x.js` while the file on disk is `./x.ts`.
    const js = /\.(m|c)?js$/.exec(p);
    if (js) {
      const base = p.slice(0, -js[0].length);
      for (const ext of ['.ts', '.tsx', '.mts', '.cts', '.d.ts']) if (isFile(base + ext)) return base + ext;
    }
    return null;
  };
  const found = asFile(target);
  if (found) return found;
  if (!isDir(target)) return null;
  const main = readJson(path.join(target, 'package.json'))?.main;
  if (typeof main === 'string') {
    const fromMain = asFile(path.resolve(target, main)) || (isDir(path.resolve(target, main)) && asFile(path.join(target, main, 'index')));
    if (fromMain) return fromMain;
  }
  return asFile(path.join(target, 'index'));
}

// Every string target in `exports`, through nested condition objects ({ import, require, default, … }).
function exportTargets(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => exportTargets(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => exportTargets(v, out));
  return out;
}

// The public face of the plugin: its package name, the subpaths `exports` lists and the files behind them.
function pluginContract(pluginAbs) {
  const pkgFile = path.join(pluginAbs, 'package.json');
  const pkg = readJson(pkgFile) || {};
  let exportsMap = pkg.exports;
  // `"exports": "./x.js"` or a bare condition object both mean the `.` subpath.
  if (typeof exportsMap === 'string' || Array.isArray(exportsMap) ||
      (exportsMap && typeof exportsMap === 'object' && !Object.keys(exportsMap).some((k) => k.startsWith('.')))) {
    exportsMap = { '.': exportsMap };
  }
  const subpaths = new Set(Object.keys(exportsMap || {}));
  const entries = new Set([pkgFile]);
  const targets = exportTargets(exportsMap || {});
  if (typeof pkg.main === 'string') {
    targets.push(pkg.main);
    subpaths.add('.'); // a `main` without `exports` still makes the bare package name importable
  }
  for (const target of targets) {
    const abs = path.resolve(pluginAbs, target);
    entries.add(resolvePath(abs) || abs);
  }
  // Build output (dist/) may not exist yet, e.g. on a fresh clone: an import that cannot be
  // resolved still names an entry point when it spells one without its extension or `/index`.
  const spellings = new Set(entries);
  for (const entry of entries) {
    const bare = entry.replace(/(\.d)?\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/, '');
    spellings.add(bare);
    if (path.basename(bare) === 'index') spellings.add(path.dirname(bare));
  }
  return { name: pkg.name || path.basename(pluginAbs), subpaths, entries, spellings };
}

// `name` or `name/sub` → the exports key it asks for ('.' or './sub'); null if it is another package.
function packageSubpath(specifier, name) {
  if (!name) return null;
  if (specifier === name) return '.';
  if (specifier.startsWith(name + '/')) return '.' + specifier.slice(name.length);
  return null;
}

function check({ root, pluginDir = DEFAULT_PLUGIN_DIR }) {
  const rootAbs = path.resolve(root);
  const pluginAbs = path.resolve(rootAbs, pluginDir);
  const appName = readJson(path.join(rootAbs, 'package.json'))?.name;
  const plugin = pluginContract(pluginAbs);
  const pluginRel = toPosix(path.relative(rootAbs, pluginAbs));
  const violations = [];
  let files = 0;

  for (const file of walk(rootAbs)) {
    files += 1;
    const text = fs.readFileSync(file, 'utf8');
    const inPlugin = isInside(file, pluginAbs);
    const lineStarts = ts.computeLineStarts(text);
    const report = (imp, reason) =>
      violations.push({
        file: toPosix(path.relative(rootAbs, file)),
        line: ts.computeLineAndCharacterOfPosition(lineStarts, imp.pos).line + 1,
        specifier: imp.fileName,
        reason,
      });

    for (const imp of ts.preProcessFile(text, true, true).importedFiles) {
      const spec = imp.fileName;

      if (spec.startsWith('.') || path.isAbsolute(spec)) {
        const target = path.resolve(path.dirname(file), spec);
        // An unresolvable path still tells which side of the boundary it aims at.
        const found = resolvePath(target);
        const resolved = found || target;
        const targetInPlugin = isInside(resolved, pluginAbs);
        const shown = toPosix(path.relative(rootAbs, resolved));
        if (inPlugin && !targetInPlugin) report(imp, `plugin file reaches outside ${pluginRel}: ${shown}`);
        else if (!inPlugin && targetInPlugin && !(found ? plugin.entries.has(found) : plugin.spellings.has(target)))
          report(imp, `plugin internals: ${shown} is not an entry point in the plugin's package.json exports`);
        continue;
      }

      // Bare specifiers are npm packages or builtins, except the app itself and the plugin by name.
      if (inPlugin && packageSubpath(spec, appName) !== null) {
        report(imp, `plugin imports the app package '${appName}'`);
        continue;
      }
      const sub = packageSubpath(spec, plugin.name);
      if (sub !== null && !plugin.subpaths.has(sub))
        report(imp, `'${sub}' is not a subpath in the exports of plugin '${plugin.name}'`);
    }
  }
  return { files, violations };
}

function findViolations(options) {
  return check(options).violations;
}

function parseArgs(argv) {
  const options = { root: path.resolve(__dirname, '..'), pluginDir: DEFAULT_PLUGIN_DIR };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--root' && argv[i + 1]) options.root = path.resolve(argv[++i]);
    else if (argv[i] === '--plugin' && argv[i + 1]) options.pluginDir = argv[++i];
    else throw new Error(`unknown or incomplete argument: ${argv[i]}`);
  }
  return options;
}

if (require.main === module) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`[boundaries] ${err.message}\nusage: node scripts/check-boundaries.js [--root <dir>] [--plugin <relative dir>]`);
    process.exit(2);
  }
  if (!isDir(path.resolve(options.root, options.pluginDir))) {
    console.error(`[boundaries] no plugin folder at ${path.resolve(options.root, options.pluginDir)}`);
    process.exit(2);
  }
  const { files, violations } = check(options);
  for (const v of violations) console.log(`${v.file}:${v.line} imports '${v.specifier}' (${v.reason})`);
  const summary = `${files} files checked, ${violations.length} violations`;
  console.log(violations.length ? `[boundaries] ${summary}` : `[boundaries] ok: ${summary}`);
  process.exitCode = violations.length ? 1 : 0;
}

module.exports = { findViolations, check };
