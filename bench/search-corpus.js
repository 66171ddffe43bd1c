// Deterministic 政策文件 text for the search benchmark: bodies of 1,000–3,000 characters built from
// the sentence patterns of county documents, a topic per item (each topic in about 1 in 400 items:
// the "rare" query terms), 文号 like 清教〔2023〕105号. Same seed, same corpus.

const AGENCIES = [
  ['县教育局', '清教'], ['县卫生健康局', '清卫健'], ['县财政局', '清财'], ['县农业农村局', '清农'], ['县住房和城乡建设局', '清建'],
  ['县交通运输局', '清交'], ['县民政局', '清民'], ['县人力资源和社会保障局', '清人社'], ['县自然资源局', '清自然'], ['县生态环境分局', '清环'],
  ['县应急管理局', '清应急'], ['县市场监督管理局', '清市监'], ['县医疗保障局', '清医保'], ['县水利局', '清水'], ['县人民政府办公室', '清政办'],
];
const KINDS = ['通知', '实施方案', '工作要点', '管理办法', '实施意见', '公告', '工作方案', '考核办法', '报告', '通报'];
const THEMES = [
  '乡村振兴', '安全生产', '营商环境', '义务教育', '基本医疗保险', '城乡低保', '就业创业', '耕地保护', '河湖长制', '森林防火',
  '老旧小区改造', '农村公路', '食品安全', '生态环境保护', '防汛抗旱', '养老服务', '政务公开', '招商引资', '消防安全', '文明城市创建',
];
// 250 rare topics: a place or object name × an action, each in about 1 in 400 items.
const PLACES = ['青石镇', '白沙乡', '龙潭村', '梅岭', '双溪口', '凤凰山', '柳家湾', '石门水库', '东湖湿地', '北关街道', '茶园坪', '桂花岭', '云雾山', '西河桥', '南塘社区', '竹林坳', '金鸡岭', '古驿道', '枫树湾', '鹰嘴岩', '黄泥塘', '牛角尖', '杏花村', '月牙湖', '铜锣湾'];
const ACTIONS = ['排涝泵站', '冷链物流', '光伏电站', '污水管网', '集贸市场', '标准化厂房', '避险安置', '红色遗址', '烟叶烘烤', '油茶基地'];
const TOPICS = PLACES.flatMap((p) => ACTIONS.map((a) => `${p}${a}`));

const SENTENCES = [
  (t) => `为深入贯彻落实党中央、国务院关于${t}的决策部署，进一步推动全县${t}工作高质量发展，结合我县实际，制定本方案。`,
  (t) => `各乡镇人民政府、县直各有关单位要充分认识做好${t}工作的重要意义，切实加强组织领导，明确责任分工，确保各项任务落到实处。`,
  () => '坚持以人民为中心的发展思想，坚持问题导向和目标导向，统筹发展和安全，着力解决群众急难愁盼问题。',
  (t) => `到2025年底，全县${t}工作机制进一步健全，基础设施短板基本补齐，公共服务水平明显提升，群众满意度持续提高。`,
  () => '建立健全工作台账，实行清单化管理、项目化推进，每月调度一次工作进展，每季度通报一次完成情况。',
  () => '县财政要将所需经费纳入年度预算，统筹用好上级转移支付资金，严格资金使用管理，提高资金使用效益。',
  () => '对工作推进不力、弄虚作假、造成不良影响的单位和个人，依规依纪依法严肃追究责任。',
  (t) => `加强${t}政策宣传解读，充分利用政府门户网站、政务新媒体等渠道，及时回应社会关切，营造良好舆论氛围。`,
  () => '严格执行安全生产责任制，压紧压实属地管理责任、部门监管责任和企业主体责任，坚决防范遏制重特大事故发生。',
  () => '优化审批流程，压缩办理时限，推行一网通办、一窗受理、一次办好，让数据多跑路、群众少跑腿。',
  () => '加强部门协同配合，建立信息共享和联席会议制度，及时研究解决工作中遇到的困难和问题。',
  (t) => `县${t}工作领导小组办公室负责统筹协调和督促检查，定期向县人民政府报告工作进展情况。`,
  () => '本办法自印发之日起施行，有效期五年。此前有关规定与本办法不一致的，以本办法为准。',
  () => '各地各部门要结合实际制定具体实施细则，细化工作措施，明确时间节点，于每年十二月底前报送年度工作总结。',
  () => '加大对困难群众的帮扶力度，落实最低生活保障、特困人员救助供养和临时救助等政策，兜住兜牢民生底线。',
  () => '推进数字政府建设，完善政务服务平台功能，提升政务数据共享和业务协同水平。',
  () => '强化督查考核，将工作完成情况纳入年度绩效考核，考核结果作为评先评优和干部选拔任用的重要参考。',
  (t) => `鼓励社会资本参与${t}项目建设运营，依法保障各类市场主体合法权益，激发市场活力和社会创造力。`,
  () => '严禁违规举债融资，严禁新增隐性债务，严禁超越发展阶段搞不切实际的政绩工程。',
  () => '加强对重点领域、重点环节、重点人员的监督检查，发现问题及时督促整改，确保整改到位。',
];

function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Item `n`: title, 文号, keywords, summary and a body of 1,000–3,000 characters. */
function document(n) {
  const rnd = random(n + 1);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const [agency, abbr] = AGENCIES[n % AGENCIES.length];
  const theme = pick(THEMES);
  const topic = TOPICS[Math.floor(rnd() * TOPICS.length)];
  const year = 2020 + (n % 6);
  const length = 1000 + Math.floor(rnd() * 2000);
  const parts = [`## 一、总体要求`];
  let size = 0;
  let section = 1;
  while (size < length) {
    const sentence = pick(SENTENCES)(rnd() < 0.3 ? topic : theme);
    parts.push(sentence);
    size += sentence.length;
    if (rnd() < 0.08) parts.push(`## ${'二三四五六七八九十'[section++ % 9]}、${pick(THEMES)}`);
  }
  return {
    title: `清溪${agency}关于印发${topic}${theme}${pick(KINDS)}的通知`,
    documentNumber: `${abbr}〔${year}〕${n}号`,
    keywords: `${theme} ${topic}`,
    summary: `部署${topic}相关${theme}工作。`,
    body: parts.join('\n\n'),
  };
}

module.exports = { document, THEMES, TOPICS, AGENCIES };
