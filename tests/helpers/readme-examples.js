// The README's curl examples against http://localhost:1337, parsed with shell-quote and replayed
// through the app's HTTP server: `{ title, method, path, headers, body }` per command.
const fs = require('fs');
const path = require('path');
const { parse } = require('shell-quote');
const { root } = require('./strapi');

const BASE = 'http://localhost:1337';

/** Every `curl …` command in the README's bash blocks, joined across `\`-ended lines and quoted newlines. */
function readmeCurlCommands(file = path.join(root, 'README.md')) {
  const commands = [];
  for (const [, block] of fs.readFileSync(file, 'utf8').matchAll(/```bash\n([\s\S]*?)```/g)) {
    const lines = block.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!/^curl\s/.test(lines[i])) continue;
      let text = lines[i];
      // A quoted argument may span lines (a JSON body): read on until the quotes balance.
      while ((text.split("'").length - 1) % 2 === 1 && i + 1 < lines.length) text += `\n${lines[++i]}`;
      commands.push(text.replace(/\s+#.*$/, ''));
    }
  }
  return commands.map(toRequest).filter((r) => r.path);
}

function toRequest(text) {
  const args = parse(text).filter((a) => typeof a === 'string');
  const request = { title: text.split('\n')[0], method: 'GET', path: null, headers: {}, body: undefined };
  for (let i = 1; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-X') request.method = args[++i];
    else if (arg === '-H') {
      const [name, ...value] = args[++i].split(':');
      request.headers[name.trim()] = value.join(':').trim();
    } else if (arg === '-d' || arg === '--data') {
      request.body = args[++i];
      if (request.method === 'GET') request.method = 'POST';
    } else if (arg.startsWith(BASE)) request.path = arg.slice(BASE.length);
  }
  return request;
}

module.exports = { readmeCurlCommands };
