// Builders for test data. Codes carry a per-run suffix so suites can share one database.
const request = require('supertest');
const crypto = require('crypto');

const ITEM = 'api::disclosure-item.disclosure-item';
const DEPARTMENT = 'api::department.department';
const CATEGORY = 'api::disclosure-category.disclosure-category';
const PROCEDURE = 'api::handling-procedure.handling-procedure';

/** Every admin user the test helpers create has this password. */
const PASSWORD = 'Test1234!secret';

const unique = (prefix = '') => `${prefix}${crypto.randomBytes(4).toString('hex')}`;
const http = () => request(strapi.server.httpServer);

/**
 * Test departments hang under one county per database, and test users are members of it with its
 * whole tree, so department scope (谁公开谁审查) never stands in the way of tests about other things;
 * the tenancy tests build their own trees and users. `parent` in `overrides` (even null) wins.
 */
const counties = new WeakMap();
async function testCounty() {
  if (!counties.has(strapi)) {
    const code = 'TEST-COUNTY';
    const found = await strapi.db.query(DEPARTMENT).findOne({ where: { code }, select: ['documentId'] });
    counties.set(strapi, found ?? (await strapi.documents(DEPARTMENT).create({ data: { name: '测试县', code } })));
  }
  return counties.get(strapi);
}

async function makeDepartment(overrides = {}) {
  const code = overrides.code ?? unique('D');
  const parent = 'parent' in overrides ? {} : { parent: (await testCounty()).documentId };
  return strapi.documents(DEPARTMENT).create({ data: { name: `测试部门${code}`, code, ...parent, ...overrides } });
}

/** Makes the admin user a member of the test county with its whole tree. */
async function countyWide(user) {
  await strapi.plugin('disclosure-workflow').service('membership').add({ user: user.id, department: (await testCounty()).documentId, includeSubDepartments: true });
  return user;
}

function itemData(department, overrides = {}) {
  return {
    title: `关于测试事项的通知 ${unique()}`,
    department: department.documentId,
    formedAt: '2024-03-15',
    genre: 'notice',
    summary: '测试用内容概述',
    body: '正文',
    disclosure: 'proactive',
    ...overrides,
  };
}

/** Creates an item; `published` ones go through the approval chain first, as they must. */
async function makeItem(department, overrides = {}, { status = 'published' } = {}) {
  const draft = await strapi.documents(ITEM).create({ data: itemData(department, overrides) });
  if (status !== 'published') return draft;
  await require('./workflow').approveAndPublish(ITEM, draft.documentId);
  return strapi.documents(ITEM).findOne({ documentId: draft.documentId });
}

async function makeAdmin({ roleCode = 'strapi-super-admin', email = `${unique('admin-')}@example.gov.cn` } = {}) {
  const role = await strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  const password = PASSWORD;
  const user = await strapi.service('admin::user').create({
    email, firstname: 'Test', lastname: roleCode, password, isActive: true, roles: [role.id],
  });
  await countyWide(user);
  const res = await http().post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { user, token: res.body.data.token };
}

async function makeApiToken(type = 'full-access') {
  const token = await strapi.service('admin::api-token').create({ name: unique('token-'), type, lifespan: null, description: 'test' });
  return token.accessKey;
}

async function itemRows(where) {
  return strapi.db.query(ITEM).findMany({ where });
}

module.exports = { PASSWORD, ITEM, DEPARTMENT, CATEGORY, PROCEDURE, unique, http, testCounty, countyWide, makeDepartment, itemData, makeItem, makeAdmin, makeApiToken, itemRows };
