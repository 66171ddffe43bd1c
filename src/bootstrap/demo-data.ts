// Demo data for a fresh database: a fictional county government (清溪县), its departments,
// ~200 catalogue items across years and genres, and a few handling procedures, each reviewed,
// signed off and published through the approval chain by demo staff.
import type { Core } from '@strapi/strapi';
import { CATEGORY, DEPARTMENT, GUIDE, ITEM, PROCEDURE, REQUEST } from '../constants';
import { APPLICANT_TYPES, DISPOSITIONS } from '../domain/request-codes';
import { localDate } from '../domain/local-date';
import { HISTORICAL_PUBLISHED_DATE } from '../document-middlewares/item-rules';

const REGION = '339901';
const STATISTICS = '00419813-3';

const DEPARTMENTS = [
  { code: '00419800-1', name: '清溪县人民政府', shortName: '县政府', kind: 'government' },
  { code: '00419801-X', name: '清溪县人民政府办公室', shortName: '县府办', kind: 'department', parent: '00419800-1', abbr: '清政办' },
  { code: '00419802-8', name: '清溪县发展和改革局', shortName: '县发改局', kind: 'department', parent: '00419800-1', abbr: '清发改' },
  { code: '00419803-6', name: '清溪县教育局', shortName: '县教育局', kind: 'department', parent: '00419800-1', abbr: '清教' },
  { code: '00419804-4', name: '清溪县财政局', shortName: '县财政局', kind: 'department', parent: '00419800-1', abbr: '清财' },
  { code: '00419805-2', name: '清溪县人力资源和社会保障局', shortName: '县人社局', kind: 'department', parent: '00419800-1', abbr: '清人社' },
  { code: '00419806-0', name: '清溪县自然资源和规划局', shortName: '县资规局', kind: 'department', parent: '00419800-1', abbr: '清资规' },
  { code: '00419807-9', name: '清溪县生态环境分局', shortName: '县环境分局', kind: 'department', parent: '00419800-1', abbr: '清环' },
  { code: '00419808-7', name: '清溪县住房和城乡建设局', shortName: '县住建局', kind: 'department', parent: '00419800-1', abbr: '清建' },
  { code: '00419809-5', name: '清溪县农业农村局', shortName: '县农业农村局', kind: 'department', parent: '00419800-1', abbr: '清农' },
  { code: '00419810-9', name: '清溪县卫生健康局', shortName: '县卫健局', kind: 'department', parent: '00419800-1', abbr: '清卫健' },
  { code: '00419811-7', name: '清溪县市场监督管理局', shortName: '县市场监管局', kind: 'department', parent: '00419800-1', abbr: '清市监' },
  { code: '00419812-5', name: '清溪县应急管理局', shortName: '县应急局', kind: 'department', parent: '00419800-1', abbr: '清应急' },
  { code: '00419813-3', name: '清溪县统计局', shortName: '县统计局', kind: 'department', parent: '00419800-1', abbr: '清统' },
  { code: '00419814-1', name: '清溪县教育局基础教育科', shortName: '基础教育科', kind: 'section', parent: '00419803-6', abbr: '清教基' },
  { code: '00419815-X', name: '清溪县财政局预算科', shortName: '预算科', kind: 'section', parent: '00419804-4', abbr: '清财预' },
  { code: '00419816-8', name: '清溪县城关镇人民政府', shortName: '城关镇', kind: 'township', parent: '00419800-1', abbr: '城政' },
  { code: '00419817-6', name: '清溪县白沙乡人民政府', shortName: '白沙乡', kind: 'township', parent: '00419800-1', abbr: '白政' },
];

// What each unit writes about, so titles read like a real county's catalogue.
const TOPICS: Record<string, string[]> = {
  '00419800-1': ['优化营商环境', '安全生产', '防汛防台', '政务服务“一网通办”'],
  '00419801-X': ['政务公开', '政府信息公开申请办理', '12345政务服务便民热线', '政府网站与政务新媒体管理'],
  '00419802-8': ['重大项目建设', '粮食安全保障', '节能降碳', '价格监测'],
  '00419803-6': ['义务教育优质均衡发展', '中小学校舍安全', '学前教育普及普惠', '校外培训治理'],
  '00419804-4': ['政府采购管理', '惠民惠农财政补贴资金“一卡通”', '国有资产管理', '预算绩效管理'],
  '00419805-2': ['就业创业扶持', '城乡居民基本养老保险', '技能人才培养', '根治欠薪'],
  '00419806-0': ['耕地保护', '国土空间规划', '不动产登记便民服务', '地质灾害防治'],
  '00419807-9': ['大气污染防治', '水污染防治', '生态环境保护督察整改', '危险废物规范化管理'],
  '00419808-7': ['老旧小区改造', '生活垃圾分类', '保障性住房', '建筑施工安全'],
  '00419809-5': ['高标准农田建设', '乡村振兴示范村建设', '农村人居环境整治', '动物防疫'],
  '00419810-9': ['基本公共卫生服务', '家庭医生签约服务', '传染病防控', '医养结合'],
  '00419811-7': ['食品安全监督抽检', '特种设备安全', '市场主体登记', '价格监督检查'],
  '00419812-5': ['安全生产专项整治', '森林防火', '应急避难场所建设', '防汛抗旱应急'],
  '00419813-3': ['经济普查', '统计执法检查', '统计数据质量'],
  '00419814-1': ['义务教育招生入学', '中小学课后服务'],
  '00419815-X': ['部门预算编制', '预算执行监督'],
  '00419816-8': ['社区养老服务', '城镇老旧小区微改造', '生活垃圾分类'],
  '00419817-6': ['乡村振兴示范村建设', '森林防火', '农村饮用水安全'],
};
const ALL_TOPICS = [...new Set(Object.values(TOPICS).flat())];

type Genre = 'regulation' | 'normativeDocument' | 'notice' | 'announcement' | 'report' | 'decision' | 'opinion' | 'plan' | 'interpretation' | 'other';

// A county has no 规章 (only provinces and cities with districts make them): the demo has none.
const TITLES: Array<{ genre: Genre; category: string; title: (t: string, y: number, d: string) => string }> = [
  { genre: 'normativeDocument', category: 'B0202', title: (t, y) => `关于印发《清溪县${t}管理办法（${y}年修订）》的通知` },
  { genre: 'normativeDocument', category: 'B0202', title: (t) => `清溪县${t}实施细则` },
  { genre: 'notice', category: 'B04', title: (t, y) => `关于做好${y}年${t}工作的通知` },
  { genre: 'notice', category: 'B04', title: (t, y) => `关于开展${y}年${t}专项检查的通知` },
  { genre: 'plan', category: 'B03', title: (t, y) => `清溪县${y}年${t}工作方案` },
  { genre: 'plan', category: 'B03', title: (t, y) => `清溪县${t}三年行动计划（${y}—${y + 2}年）` },
  { genre: 'announcement', category: 'B08', title: (t, y) => `${y}年${t}项目拟安排情况公示` },
  { genre: 'announcement', category: 'B08', title: (t, y) => `关于${y}年${t}有关事项的公告` },
  { genre: 'report', category: 'B04', title: (t, y, d) => `${d}关于${y}年${t}工作情况的报告` },
  { genre: 'interpretation', category: 'B0204', title: (t, y) => `《清溪县${y}年${t}工作方案》政策解读` },
  { genre: 'opinion', category: 'B0203', title: (t) => `关于进一步加强${t}的实施意见` },
  { genre: 'decision', category: 'A06', title: (t, y) => `关于${y}年${t}工作先进集体和先进个人的表彰决定` },
  { genre: 'other', category: 'A07', title: (_t, y, d) => `${d}${y}年部门预算` },
  { genre: 'report', category: 'B05', title: (_t, y) => `清溪县${y}年国民经济和社会发展统计公报` },
];

const DEMO_REVIEWERS: Array<[code: string, lastname: string, firstname: string]> = [
  ['gov-author', '张', '信息员'],
  ['gov-section-head', '李', '科长'],
  ['gov-leader', '王', '副县长'],
  ['gov-principal', '陈', '县长'],
  ['gov-secrecy-reviewer', '赵', '保密员'],
];

/**
 * Demo staff, one per post, without passwords and inactive: they only sign the demo's history, as
 * members of the county government with its whole tree.
 */
async function demoReviewers(strapi: Core.Strapi) {
  const users: Record<string, number> = {};
  const county = DEPARTMENTS.find((d) => !d.parent)!.code;
  for (const [code, lastname, firstname] of DEMO_REVIEWERS) {
    const role = await strapi.db.query('admin::role').findOne({ where: { code } });
    const email = `demo-${code}@qingxi.example.gov.cn`;
    const existing = await strapi.db.query('admin::user').findOne({ where: { email } });
    users[code] = existing?.id ?? (await strapi.service('admin::user').create({ email, firstname, lastname, isActive: false, roles: [role.id] })).id;
    await strapi.plugin('disclosure-workflow').service('membership').add({ user: users[code], department: county, includeSubDepartments: true });
  }
  return users;
}

/** Demo content is published the only way there is: through the approval chain and sign-off. */
async function reviewAndPublish(strapi: Core.Strapi, uid: string, documentId: string, users: Record<string, number>) {
  const wf = strapi.plugin('disclosure-workflow').service('workflow');
  await wf.submit({ uid, documentId, actor: users['gov-author'], comment: '请审核' });
  for (let status = await wf.status({ uid, documentId }); status.state === 'in_review'; status = await wf.status({ uid, documentId })) {
    await wf.decide({ uid, documentId, actor: users[status.steps[status.current].roles[0]], decision: 'approve', comment: '同意' });
  }
  await wf.signOff({ uid, documentId, actor: users['gov-secrecy-reviewer'], conclusion: 'public' });
  await strapi.documents(uid as any).publish({ documentId } as any);
}

/**
 * Deterministic pseudo-random numbers (mulberry32) so every fresh database gets the same demo. The
 * low bits of a plain LCG repeat with a short period, which gave runs of identical titles.
 */
function generator(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

async function createDepartments(strapi: Core.Strapi) {
  const byCode = new Map<string, string>();
  for (const dept of DEPARTMENTS) {
    const doc = await strapi.documents(DEPARTMENT as any).create({
      data: {
        code: dept.code, name: dept.name, shortName: dept.shortName, kind: dept.kind, regionCode: REGION,
        parent: dept.parent ? byCode.get(dept.parent) : null,
        head: '王建国', leaderInCharge: '李卫东', contactPerson: '张晓梅', phone: '0571-6600' + dept.code.slice(5, 8),
        address: '清溪县城关镇人民路 1 号', officeHours: '工作日 8:30—12:00，14:30—17:30',
        disclosureOfficeContact: '清溪县人民政府办公室政务公开科，电话 0571-66001234',
      },
    } as any);
    byCode.set(dept.code, doc.documentId);
  }
  return byCode;
}

async function createItems(strapi: Core.Strapi, departments: Map<string, string>, users: Record<string, number>, total: number, log: (m: string) => void) {
  const random = generator(20261121);
  const categories = new Map<string, string>();
  for (const c of await strapi.documents(CATEGORY as any).findMany({ fields: ['code'], limit: 1000 } as any)) categories.set(c.code, c.documentId);
  const publishers = DEPARTMENTS.filter((d) => d.abbr);
  // The site's calendar (not the server's): on the night of a month's end a UTC server is a day behind.
  const today = localDate();
  const thisYear = Number(today.slice(0, 4));
  const titles = new Set<string>();
  // Published policy items so far: each 政策解读 interprets one (its 工作方案 when there is one).
  const policies: Array<{ documentId: string; key: string; dept: string }> = [];
  for (let i = 0; i < total; i++) {
    let dept, template, topic, year, title;
    do {
      dept = publishers[random(publishers.length)];
      template = TITLES[random(TITLES.length)];
      topic = TOPICS[dept.code][random(TOPICS[dept.code].length)];
      year = thisYear - 5 + random(6);
      title = template.title(topic, year, dept.name);
    } while (titles.has(title) || (template.category === 'B05' && dept.code !== STATISTICS) || (template.genre === 'interpretation' && !policies.length));
    titles.add(title);
    const drawn = `${year}-${pad(1 + random(year === thisYear ? Number(today.slice(5, 7)) : 12))}-${pad(1 + random(28))}`;
    // Never formed after today (a draw later this month would follow its own 发布日期).
    const formedAt = drawn > today ? today : drawn;
    const published = new Date(`${formedAt}T09:00:00+08:00`);
    published.setDate(published.getDate() + 1 + random(10));
    const repealed = template.genre === 'normativeDocument' && year < thisYear - 2 && random(3) === 0;
    const withheld = i % 37 === 36;
    const key = `${dept.code}|${topic}|${year}`;
    const interprets =
      template.genre === 'interpretation'
        ? [(policies.find((p) => p.key === key) ?? [...policies].reverse().find((p) => p.dept === dept.code) ?? policies[policies.length - 1]).documentId]
        : [];
    const item = await strapi.documents(ITEM as any).create({
      data: {
        title,
        documentNumber: `${dept.abbr}〔${year}〕${1 + random(120)}号`,
        department: departments.get(dept.code),
        category: categories.get(template.category),
        formedAt,
        publishedDate: withheld ? null : published > new Date() ? new Date() : published,
        genre: template.genre,
        keywords: `${topic},${dept.shortName}`,
        summary: `${dept.shortName}就${topic}有关事项作出安排，明确目标任务、职责分工和保障措施。`,
        body: `## ${title}\n\n各乡镇人民政府，县政府各部门：\n\n为进一步做好${topic}工作，现就有关事项通知如下。\n\n一、总体要求……\n\n二、主要任务……\n\n三、保障措施……\n\n${dept.name}\n${formedAt}`,
        disclosure: withheld ? 'withheld' : 'proactive',
        exemptionReason: withheld ? 'processInfo' : null,
        validity: repealed ? 'repealed' : 'valid',
        validityChangedAt: repealed ? `${year + 2}-06-30` : null,
        important: random(10) === 0,
        interprets,
      },
      // Past 发布日期 are history: only server code may record them (README → 发布日期).
      [HISTORICAL_PUBLISHED_DATE]: true,
    } as any);
    if (!withheld) await reviewAndPublish(strapi, ITEM, item.documentId, users);
    if (!withheld && template.genre !== 'interpretation') policies.push({ documentId: item.documentId, key, dept: dept.code });
    if ((i + 1) % 50 === 0 || i + 1 === total) log(`[demo] items ${i + 1}/${total}`);
  }
}

async function createProcedures(strapi: Core.Strapi, departments: Map<string, string>, users: Record<string, number>) {
  const office = departments.get('00419801-X');
  const procedures = [
    {
      code: 'disclosure-request', name: '政府信息公开申请（依申请公开）', department: office,
      legalBasis: '《中华人民共和国政府信息公开条例》第二十七条至第三十六条、第四十二条',
      conditions: '公民、法人或者其他组织可以向行政机关申请获取相关政府信息（条例第二十七条）。',
      materials: [
        { name: '政府信息公开申请表（或载明条例第二十九条所列内容的申请书）', required: true, copies: '1 份' },
        { name: '申请人身份证明（身份证、营业执照等）复印件', required: true, copies: '1 份' },
      ],
      steps: [
        { name: '受理登记，出具登记回执', actingPost: '信息公开工作机构', timeLimit: 1, timeUnit: 'working_days' },
        { name: '申请内容不明确的，一次性告知补正', actingPost: '信息公开工作机构', timeLimit: 7, timeUnit: 'working_days' },
        { name: '征求第三方或其他机关意见（所需时间不计入答复期限）', actingPost: '承办部门', timeLimit: 15, timeUnit: 'working_days' },
        { name: '拟定答复，三审及保密审查', actingPost: '承办部门 / 分管领导 / 保密审查员', timeLimit: 15, timeUnit: 'working_days' },
        { name: '作出答复并送达', actingPost: '信息公开工作机构', timeLimit: 20, timeUnit: 'working_days' },
      ],
      statutoryTimeLimit: 20, statutoryTimeUnit: 'working_days', promisedTimeLimit: 15, promisedTimeUnit: 'working_days',
      fees: '不收费。申请数量、频次明显超过合理范围的，可以按照有关规定收取信息处理费（条例第四十二条）。',
      feeBasis: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
      channels: '当面提交、信函、政府门户网站在线申请、传真', contact: '清溪县人民政府办公室政务公开科 0571-66001234',
      faq: [
        { question: '答复期限是多久？', answer: '能够当场答复的当场答复；不能当场答复的，自收到申请之日起 20 个工作日内答复，经批准可延长不超过 20 个工作日。' },
        { question: '申请内容不明确怎么办？', answer: '行政机关在收到申请之日起 7 个工作日内一次性告知补正，答复期限自收到补正后的申请之日起计算。' },
      ],
    },
    {
      code: 'planning-permit', name: '建设工程规划许可证核发', department: departments.get('00419806-0'),
      legalBasis: '《中华人民共和国城乡规划法》第四十条', conditions: '已取得建设用地使用权，设计方案符合控制性详细规划。',
      materials: [{ name: '建设工程规划许可申请表', required: true, copies: '1 份' }, { name: '建设工程设计方案', required: true, copies: '2 套' }],
      steps: [
        { name: '受理', actingPost: '政务服务窗口', timeLimit: 1, timeUnit: 'working_days' },
        { name: '审查', actingPost: '规划科', timeLimit: 10, timeUnit: 'working_days' },
        { name: '决定与发证', actingPost: '分管领导', timeLimit: 3, timeUnit: 'working_days' },
      ],
      statutoryTimeLimit: 20, statutoryTimeUnit: 'working_days', promisedTimeLimit: 14, promisedTimeUnit: 'working_days',
      fees: '不收费', channels: '县政务服务中心窗口、浙里办', contact: '县自然资源和规划局规划科 0571-66008806',
    },
    {
      code: 'medical-insurance-enrolment', name: '城乡居民基本医疗保险参保登记', department: departments.get('00419805-2'),
      legalBasis: '《中华人民共和国社会保险法》第二十五条', conditions: '具有本县户籍或居住证、未参加职工基本医疗保险的城乡居民。',
      materials: [{ name: '居民身份证或户口簿', required: true, copies: '原件' }],
      steps: [{ name: '即办', actingPost: '医保经办窗口', timeLimit: 0, timeUnit: 'working_days' }],
      statutoryTimeLimit: 1, statutoryTimeUnit: 'working_days', promisedTimeLimit: 0, promisedTimeUnit: 'working_days',
      fees: '按当年度个人缴费标准缴纳', channels: '乡镇便民服务中心、县政务服务中心', contact: '县医保服务窗口 0571-66008805',
    },
  ];
  for (const data of procedures) {
    const procedure = await strapi.documents(PROCEDURE as any).create({ data } as any);
    await reviewAndPublish(strapi, PROCEDURE, procedure.documentId, users);
  }
}

/** The county government's 公开指南 (条例§12); its office contacts come from the department. */
async function createGuide(strapi: Core.Strapi, departments: Map<string, string>, users: Record<string, number>) {
  const guide = await strapi.documents(GUIDE as any).create({
    data: {
      department: departments.get(DEPARTMENTS.find((d) => !d.parent)!.code),
      catalogueArrangement: '本机关政府信息公开目录按**主题分类**（机构职能、政策法规、规划计划、业务工作、统计数据、财政资金、人事信息、公告公示）和**发布机构**两种方式编排，每条信息标注索引号、名称、文号、发布机构、成文日期、发布日期、主题分类、体裁和有效性。',
      howToObtain: '主动公开的政府信息通过清溪县人民政府门户网站“政府信息公开”专栏、政府公报、政务服务中心查阅点等途径公开，自信息形成或者变更之日起 20 个工作日内予以公开（条例第二十六条）。',
      howToApply: '申请人可以通过当面提交、信函、传真或门户网站在线申请等方式提出政府信息公开申请，申请内容应当包括条例第二十九条所列内容。本机关收到申请后，能够当场答复的当场答复；不能当场答复的，自收到申请之日起 20 个工作日内予以答复，需要延长的经负责人同意可延长不超过 20 个工作日。',
      fax: '0571-66001235', email: 'gongkai@qingxi.example.gov.cn', website: 'https://www.qingxi.example.gov.cn',
    },
  } as any);
  await reviewAndPublish(strapi, GUIDE, guide.documentId, users);
}

const APPLICANTS = ['王建国', '刘芳', '清溪县某某农业科技有限公司', '某大学公共管理学院', '清溪县环保志愿者协会', '某律师事务所'];

/**
 * Last year's register (closed, with dispositions: the annual report has numbers to show) and a few
 * requests received lately and still waiting to be assigned, as letters entered by the office.
 */
async function createRequests(strapi: Core.Strapi, log: (m: string) => void) {
  const year = Number(localDate().slice(0, 4)) - 1;
  const organisation = (type: string) => (type === 'naturalPerson' ? {} : { organizationName: APPLICANTS[APPLICANT_TYPES.indexOf(type as any)] });
  const history = Array.from({ length: 36 }, (_, i) => {
    const applicantType = APPLICANT_TYPES[(i * 7) % APPLICANT_TYPES.length];
    const month = String((i % 12) + 1).padStart(2, '0');
    return {
      applicantType, ...organisation(applicantType), applicantName: APPLICANTS[i % APPLICANTS.length], description: `申请公开${ALL_TOPICS[i % ALL_TOPICS.length]}相关文件`,
      delivery: i % 3 ? 'email' : 'paper', channel: i % 4 ? 'online' : 'letter', receivedAt: `${year}-${month}-05`,
      closedAt: `${year}-${month}-${i % 2 ? '20' : '26'}`, disposition: DISPOSITIONS[(i * 5) % DISPOSITIONS.length],
      department: DEPARTMENTS[1 + (i % 13)].code,
    };
  });
  const { problems } = await strapi.service('api::disclosure-request.history').import(history);
  if (problems.length) throw new Error(`demo requests: ${problems[0].message}`);
  for (let i = 0; i < 6; i++) {
    const applicantType = APPLICANT_TYPES[i];
    await strapi.documents(REQUEST as any).create({
      data: {
        applicantType, ...organisation(applicantType), applicantName: APPLICANTS[i], phone: '0571-8888000' + i, address: '清溪县城关镇人民路 1 号',
        description: `请公开${ALL_TOPICS[(i * 3) % ALL_TOPICS.length]}的资金使用情况`, delivery: 'paper', channel: 'letter',
        receivedAt: localDate(new Date(Date.now() - i * 4 * 86_400_000)),
      } as any,
    });
  }
  log(`[demo] ${history.length} closed requests of ${year} and 6 open ones received by letter`);
}

export async function seedDemoData(strapi: Core.Strapi, { items = 200 } = {}) {
  if ((await strapi.db.query(DEPARTMENT).count({})) > 0) return false;
  const log = (message: string) => strapi.log.info(message);
  log(`[demo] empty database: loading the 清溪县 demo (${DEPARTMENTS.length} departments, ${items} items, 3 procedures, the 公开指南)`);
  const departments = await createDepartments(strapi);
  const users = await demoReviewers(strapi);
  await createItems(strapi, departments, users, items, log);
  await createProcedures(strapi, departments, users);
  await createGuide(strapi, departments, users);
  await createRequests(strapi, log);
  log('[demo] demo data loaded');
  return true;
}
