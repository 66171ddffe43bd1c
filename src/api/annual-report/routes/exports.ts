// Printable page and CSV of a published annual report. Access is the Public role's
// `annual-report.print` and `annual-report.exportCsv` permissions.
export default {
  routes: [
    { method: 'GET', path: '/annual-reports/:id/print', handler: 'annual-report.print' },
    { method: 'GET', path: '/annual-reports/:id/export.csv', handler: 'annual-report.exportCsv' },
  ],
};
