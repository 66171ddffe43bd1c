// Test actors, one admin user per DOMAIN role, and a helper that takes a document through the
// whole approval chain and publishes it — the only way governed content becomes public.
const { unique, PASSWORD, countyWide } = require('./fixtures');

const ROLES = ['gov-author', 'gov-section-head', 'gov-leader', 'gov-principal', 'gov-secrecy-reviewer', 'gov-publisher', 'gov-office', 'gov-supervisor'];
let cached;

/** An admin user with one role, county-wide (member of the test county with its tree) unless `member: false`. */
async function makeUser(code, suffix = unique(), { member = true } = {}) {
  const role = await strapi.db.query('admin::role').findOne({ where: { code } });
  const user = await strapi.service('admin::user').create({
    email: `${code}-${suffix}@example.gov.cn`, firstname: code, lastname: suffix, password: PASSWORD, isActive: true, roles: [role.id],
  });
  return member ? countyWide(user) : user;
}

/** One user per role, created once per test file. */
async function actors() {
  if (cached) return cached;
  cached = {};
  for (const code of ROLES) cached[code] = await makeUser(code);
  cached.secondSectionHead = await makeUser('gov-section-head');
  return cached;
}

const wf = () => strapi.plugin('disclosure-workflow').service('workflow');

/** submit → every step approves → sign-off `public`. */
async function approve(uid, documentId, { locale = null } = {}) {
  const a = await actors();
  await wf().submit({ uid, documentId, locale, actor: a['gov-author'].id });
  for (;;) {
    const status = await wf().status({ uid, documentId, locale });
    if (status.state !== 'in_review') break;
    const role = status.steps[status.current].roles[0];
    await wf().decide({ uid, documentId, locale, actor: a[role].id, decision: 'approve' });
  }
  return wf().signOff({ uid, documentId, locale, actor: a['gov-secrecy-reviewer'].id, conclusion: 'public' });
}

async function approveAndPublish(uid, documentId, options) {
  await approve(uid, documentId, options);
  return strapi.documents(uid).publish({ documentId, ...(options?.locale ? { locale: options.locale } : {}) });
}

/**
 * The preamble of the workflow suites: a real SMTP capture, the app, one user per role and a
 * department, set up before the file's tests and torn down after. Returns
 * `{ mailbox, actors, department }`, filled in by the time the tests run.
 */
function workflowSuite(departmentData) {
  const { setupStrapi, cleanupStrapi } = require('./strapi');
  const { captureMail } = require('./mail');
  const { makeDepartment } = require('./fixtures');
  const suite = {};
  beforeAll(async () => {
    suite.mailbox = await captureMail();
    await setupStrapi();
    suite.actors = await actors();
    suite.department = await makeDepartment(departmentData);
  });
  afterAll(async () => {
    await cleanupStrapi();
    await suite.mailbox.close();
  });
  return suite;
}

module.exports = { workflowSuite, actors, makeUser, approve, approveAndPublish, wf, ROLES };
