// The public intake's suites: the app with the per-client rate limit out of the way (tests send
// hundreds of submissions from one address), and an applicant whose submission is valid.
const { setupStrapi, cleanupStrapi } = require('./strapi');

const APPLICANT = {
  applicantType: 'naturalPerson', applicantName: '王小明', phone: '13912345678', email: 'wxm@example.cn', address: '清溪县城关镇人民路 8 号',
  idType: '居民身份证', idNumber: '11010519491231002X', description: '请公开2025年清溪县城区老旧小区改造项目的资金安排情况', documentNumber: '', delivery: 'email',
};

function intakeSuite() {
  beforeAll(async () => {
    await setupStrapi();
    strapi.config.set('disclosure.intake.rateLimit', { max: 100000, windowMs: 600000 });
  });
  afterAll(cleanupStrapi);
}

module.exports = { APPLICANT, intakeSuite };
