// Anonymous load through the proxy: readers of the catalogue (filters and paging), its search and
// its lookup, back to back; and applicants posting 依申请公开 applications, each with a token in its
// description so the check can tell whether any was stored twice.
const { APPLICANT } = require('../../tests/helpers/intake');

const GENRES = ['notice', 'plan', 'report', 'normativeDocument', 'announcement', 'interpretation'];
const TERMS = ['通知', '教育', '财政', '方案', '2025', '老旧小区', '垃圾分类', '关于', '第1', '工作', '预算', '人居环境'];
const pick = (list) => list[Math.floor(Math.random() * list.length)];
const page = (max) => 1 + Math.floor(Math.random() * max);

/** One reader's request: [endpoint label, path]. `site`: { departments, categories, indexNumbers }. */
function readerRequest(site) {
  const roll = Math.random();
  if (roll < 0.45) {
    const filters = [
      () => `department=${encodeURIComponent(pick(site.departments))}&page=${page(3)}`,
      () => `department=${encodeURIComponent(pick(site.departments))}&includeSubDepartments=true&year=${2020 + page(6)}`,
      () => `category=${encodeURIComponent(pick(site.categories))}&genre=${pick(GENRES)}&pageSize=50`,
      () => `year=${2020 + page(6)}&validity=valid&page=${page(5)}&sort=publishedDate:asc`,
      () => `page=${page(50)}&pageSize=20`,
    ];
    return ['GET /api/catalogue', `/api/catalogue?${pick(filters)()}`];
  }
  if (roll < 0.7) return ['GET /api/catalogue?q=', `/api/catalogue?q=${encodeURIComponent(pick(TERMS))}&page=${page(2)}`];
  return ['GET /api/catalogue/lookup', `/api/catalogue/lookup?indexNumber=${encodeURIComponent(pick(site.indexNumbers))}`];
}

async function reader(http, site, running) {
  while (running()) {
    const [endpoint, path] = readerRequest(site);
    await http.request('GET', path, { endpoint });
  }
}

/** Posts applications until stopped; returns `{ answered: [queryCode …] (201s), tokens: { token: status } }`. */
async function applicant(http, running, { pauseMs, tag }) {
  const answered = [];
  const tokens = {};
  for (let n = 1; running(); n++) {
    const token = `${tag}-${n}`;
    const res = await http.request('POST', '/api/disclosure-requests/apply', {
      endpoint: 'POST /api/disclosure-requests/apply',
      body: { ...APPLICANT, description: `${APPLICANT.description}（压力测试申请 ${token}）` },
    });
    tokens[token] = res.error ?? res.status;
    if (res.status === 201) answered.push(res.json().queryCode);
    await new Promise((r) => setTimeout(r, pauseMs));
  }
  return { answered, tokens };
}

module.exports = { reader, applicant, readerRequest };
