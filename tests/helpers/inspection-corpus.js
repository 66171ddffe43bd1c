// Texts that must produce no finding: everything the demo data (src/bootstrap/demo-data.ts)
// writes, captured by running its seeder against a stand-in Strapi, and a generated set of 文号,
// 索引号, dates, amounts, office phone numbers, postal codes and statistics rows.
const { seedDemoData } = require('../../dist/src/bootstrap/demo-data');

/** Every `data` the demo seeder creates, in order, with the content type it was created for. */
async function demoRecords(items = 200) {
  const records = [];
  const fake = {
    log: { info() {} },
    db: { query: () => ({ count: async () => 0, findOne: async () => ({ id: 1 }) }) },
    documents: (uid) => ({
      create: async ({ data }) => (records.push({ uid, data }), { documentId: `d${records.length}`, ...data }),
      findMany: async () => [],
      publish: async () => ({}),
    }),
    service: (name) => ({ create: async () => ({ id: 1 }), import: async (rows) => (rows.forEach((data) => records.push({ uid: name, data })), { problems: [] }) }),
    plugin: () => ({ service: () => ({ add: async () => {}, submit: async () => {}, status: async () => ({ state: 'approved' }), signOff: async () => {} }) }),
  };
  await seedDemoData(fake, { items });
  return records;
}

/** Every string in a record, as text sources named by their path. */
function sourcesOf(data, path = '') {
  if (typeof data === 'string') return [{ field: path, text: data }];
  if (!data || typeof data !== 'object') return [];
  return Object.entries(data).flatMap(([k, v]) => sourcesOf(v, path ? `${path}.${k}` : k));
}

/** Deterministic numbers that look like personal data to a careless detector. */
function generated(count = 2000) {
  let seed = 20261130; // mulberry32: a plain LCG's low bits repeat
  const rnd = (n) => {
    let t = (seed = (seed + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
  const digits = (w) => Array.from({ length: w }, () => rnd(10)).join('');
  const pad = (n, w) => String(n).padStart(w, '0');
  const date = () => [2000 + rnd(27), 1 + rnd(12), 1 + rnd(28)];
  const abbrs = ['清政办', '清政发', '国办函', '浙政发', '杭政办函', '清财预'];
  const credit = () => `${pad(rnd(1e8), 8)}MA${rnd(10)}B${rnd(10)}C${rnd(10)}D${rnd(10)}E`.slice(0, 18);
  const kinds = [
    () => `${abbrs[rnd(abbrs.length)]}〔${date()[0]}〕${1 + rnd(300)}号`,
    () => `索引号：${credit()}/${date()[0]}-${pad(rnd(1e5), 5)}`,
    () => `索引号：${pad(rnd(1e9), 9)}/${date()[0]}-${pad(rnd(1e5), 5)}`,
    () => `索引号：00419801-X/${date()[0]}-${pad(rnd(1e5), 5)}`,
    () => `索引号：${1 + rnd(8)}${digits(17)}/${date()[0]}-${digits(5)}`,
    () => `拨付 1${3 + rnd(7)}${digits(9)} 元，项目编号 ${1 + rnd(9)}${digits(15 + rnd(4))}，流水号 ${digits(19)}`,
    () => { const [y, m, d] = date(); return `${y}-${pad(m, 2)}-${pad(d, 2)} ${y}${pad(m, 2)}${pad(d, 2)} ${y}年${m}月${d}日 ${y}.${pad(m, 2)}.${pad(d, 2)}`; },
    () => `金额 ${(rnd(1e8) * 1000 + rnd(1000)).toLocaleString('en-US')}.${pad(rnd(100), 2)} 元`,
    () => `合计 ${pad(1 + rnd(9), 1)}${pad(rnd(1e11), 11)} 元，折合 ${1 + rnd(9)}${pad(rnd(1e10), 10)}万元，占比 ${rnd(100)}.${rnd(10)}%`,
    () => `联系电话 0571-${pad(rnd(1e8), 8)}，（0571）${pad(rnd(1e8), 8)}，热线 12345、${['12315', '12369', '95588', '110', '400-123-4567'][rnd(5)]}`,
    () => `非税收入缴款：户名：清溪县财政局国库支付中心，开户行：清溪农商银行，账号：${digits(16 + rnd(4))}`,
    () => `地址 清溪县城关镇人民路 ${1 + rnd(300)} 号，邮编 ${3 + rnd(6)}${pad(rnd(1e5), 5)}`,
    () => Array.from({ length: 8 }, () => `${rnd(1e9).toLocaleString('en-US')}`).join('\t'),
    () => `${date()[0]} 年 ${rnd(1e6)} 户 ${rnd(1e8)} 人 ${rnd(1e10)}`,
  ];
  return Array.from({ length: count }, (_, i) => ({ field: `generated.${i % kinds.length}`, text: kinds[i % kinds.length]() }));
}

module.exports = { demoRecords, sourcesOf, generated };
