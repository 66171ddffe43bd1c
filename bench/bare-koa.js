// The ceiling of bench:catalogue: a bare Koa server answering every request with the same JSON
// bytes (argv[2]: file with the bytes, argv[3]: port). Prints "READY" when it listens.
const fs = require('fs');
const Koa = require('koa');

const body = fs.readFileSync(process.argv[2]);
const app = new Koa();
app.use((ctx) => {
  ctx.type = 'application/json';
  ctx.body = body;
});
app.listen(Number(process.argv[3]), '127.0.0.1', () => console.log('READY'));
