// The ceiling of bench:catalogue: a bare Koa server answering every request with the same JSON
// bytes (argv[2]: file with the bytes). Prints "READY <port>" when it listens (on a free port).
const fs = require('fs');
const Koa = require('koa');

const body = fs.readFileSync(process.argv[2]);
const app = new Koa();
app.use((ctx) => {
  ctx.type = 'application/json';
  ctx.body = body;
});
const server = app.listen(0, '127.0.0.1', () => console.log(`READY ${server.address().port}`));
