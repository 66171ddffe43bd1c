// One more Strapi instance on the same database with its scheduler polling; used by the
// multi-process tests and bench:schedule. Prints "READY <pid> <instance>" once it polls; with
// LISTEN=true it also answers HTTP (on PORT) first.
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const root = path.resolve(__dirname, '..');

createStrapi({ appDir: root, distDir: path.join(root, 'dist') })
  .load()
  .then(async (app) => {
    if (process.env.LISTEN === 'true') await app.listen();
    // Strapi itself destroys the app and exits on SIGTERM / SIGINT (a second handler here made it
    // destroy twice: "Destroy for plugin::content-manager has already been called").
    console.log(`READY ${process.pid} ${app.plugin('disclosure-workflow').service('schedule').instance}`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
