// Public catalogue for portals and open data. Access is the Public role's
// `catalogue.find`, `catalogue.lookup` and `catalogue.export` permissions.
export default {
  routes: [
    { method: 'GET', path: '/catalogue', handler: 'catalogue.find' },
    { method: 'GET', path: '/catalogue/lookup', handler: 'catalogue.lookup' },
    { method: 'GET', path: '/catalogue/export.csv', handler: 'catalogue.export' },
    { method: 'GET', path: '/catalogue/export.json', handler: 'catalogue.export' },
  ],
};
