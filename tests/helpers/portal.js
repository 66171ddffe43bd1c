// Published content for the portal's guide, procedure and annual-report pages, through the approval
// chain as the admin publishes it; waiting for the portal's folder to catch up.
const { PROCEDURE, unique } = require('./fixtures');
const { approveAndPublish } = require('./workflow');
const { ENTERED_CELLS } = require('../../dist/src/domain/annual-report-entries');

const GUIDE = 'api::disclosure-guide.disclosure-guide';
const REPORT = 'api::annual-report.annual-report';

/** A published 公开指南, 办事指南 (`procedure` overrides) and 2025 annual report of the department; returns their drafts. */
async function publishPortalContent(department, { procedure = {} } = {}) {
  const guide = await strapi.documents(GUIDE).create({
    data: { title: `门户测试公开指南${unique()}`, department: department.documentId, howToApply: '申请人可通过**网上**提交申请。', officeName: '县政府办公室', phone: '0571-12345678' },
  });
  await approveAndPublish(GUIDE, guide.documentId);
  const steps = [{ name: '受理', timeLimit: 1, timeUnit: 'working_days' }, { name: '答复', timeLimit: 20, timeUnit: 'working_days' }];
  const proc = await strapi.documents(PROCEDURE).create({
    data: { name: `门户测试办事指南${unique()}`, code: unique('p-').toLowerCase(), department: department.documentId, materials: [{ name: '申请表', required: true, copies: '1 份' }], steps, faq: [{ question: '需要收费吗？', answer: '不收费。' }], fees: '不收费', ...procedure },
  });
  await approveAndPublish(PROCEDURE, proc.documentId);
  const filled = Object.fromEntries(ENTERED_CELLS.flatMap((c) => [[c.value, 0], [c.source, '县政务服务管理局 本年度业务台账']]));
  const report = await strapi.documents(REPORT).create({ data: { title: `门户测试${unique()}年度报告`, year: 2025, department: department.documentId, overview: '全面推进政务公开。', ...filled } });
  await approveAndPublish(REPORT, report.documentId);
  return { guide, procedure: proc, report };
}

/** Polls `check` every 100 ms for up to `ms`; whether it came true (the portal's folder catching up). */
const within = async (ms, check) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
};

module.exports = { publishPortalContent, within };
