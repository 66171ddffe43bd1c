// One more Strapi instance on the same database with its scheduler polling; used by the
// multi-process scheduler test and bench:schedule. Prints "READY <pid>" once it polls.
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const root = path.resolve(__dirname, '..');

createStrapi({ appDir: root, distDir: path.join(root, 'dist') })
  .load()
  .then((app) => {
    console.log(`READY ${process.pid} ${app.plugin('disclosure-workflow').service('schedule').instance}`);
    const stop = () => app.destroy().then(() => process.exit(0));
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
