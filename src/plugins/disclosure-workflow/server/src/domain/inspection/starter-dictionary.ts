// The starter dictionary shipped with the product: a few well-documented 规范表述 rules, each with
// where it comes from. Offices add their own terms (and the 严重表述错误 lists of their inspectors)
// in the admin; nothing here is invented. The severities follow 《政府网站与政务新媒体检查指标》
// (国办秘函〔2019〕19号), where one 严重表述错误 fails a site: political expressions are errors,
// wording and variant forms are warnings.
import type { Term } from './dictionary';

const XINHUA = '新华社《新华社新闻信息报道中的禁用词和慎用词》（2016年7月修订）';
const VARIANTS = '教育部、国家语委《第一批异形词整理表》（GF 1001—2001）';
const BELT_AND_ROAD = '国家发展改革委会同外交部、商务部等部门对“一带一路”译法和表述的规范（2015年9月）：称“倡议”，不称“战略”';
const PLAN_NAME = '规划正式名称为《中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要》（2021年3月11日十三届全国人大四次会议批准），简称加引号：“十四五”规划';

const crossStrait = (term: string, correction: string | null, note: string, severity: Term['severity'] = 'error') => ({ term, correction, note, severity, category: 'crossStrait', source: XINHUA });
const variant = (term: string, correction: string) => ({ term, correction, note: '异形词，使用推荐词形', severity: 'warning' as const, category: 'variant', source: VARIANTS });
const respectful = (term: string, correction: string) => ({ term, correction, note: '对残疾人不使用蔑称', severity: 'warning' as const, category: 'discriminatory', source: XINHUA });

export const STARTER_DICTIONARY: Array<Term & { source: string }> = [
  crossStrait('台湾政府', '台湾当局', '不称台湾地区的政权为“政府”'),
  crossStrait('台湾总统', '台湾地区领导人', '不称台湾地区领导人为“总统”'),
  crossStrait('台湾副总统', '台湾地区副领导人', '不称台湾地区副领导人为“副总统”'),
  crossStrait('中华民国', null, '1949年10月1日以后不得使用；历史叙述核对引号和纪年用法', 'warning'),
  crossStrait('港澳台国家', '港澳台地区', '香港、澳门、台湾不得称为“国家”，与国家并列时称“国家和地区”'),
  crossStrait('中台关系', '两岸关系', '不将台湾与中国并列'),
  crossStrait('香港政府', '香港特别行政区政府', '称“香港特别行政区政府”或“香港特区政府”'),
  crossStrait('澳门政府', '澳门特别行政区政府', '称“澳门特别行政区政府”或“澳门特区政府”'),
  crossStrait('香港和大陆', '香港和内地', '香港、澳门与内地相对，台湾与大陆相对', 'warning'),
  crossStrait('香港与大陆', '香港与内地', '香港、澳门与内地相对，台湾与大陆相对', 'warning'),
  crossStrait('澳门和大陆', '澳门和内地', '香港、澳门与内地相对，台湾与大陆相对', 'warning'),
  crossStrait('港澳与大陆', '港澳与内地', '香港、澳门与内地相对，台湾与大陆相对', 'warning'),
  { term: '北朝鲜', correction: '朝鲜', note: '朝鲜民主主义人民共和国简称朝鲜', severity: 'error', category: 'foreign', source: XINHUA },
  { term: '南朝鲜', correction: '韩国', note: '大韩民国简称韩国', severity: 'error', category: 'foreign', source: XINHUA },
  respectful('残废人', '残疾人'),
  respectful('瞎子', '盲人'),
  respectful('聋子', '聋人'),
  respectful('弱智', '智力障碍者'),
  { term: '一带一路战略', correction: '“一带一路”倡议', note: '称“倡议”，不称“战略”', severity: 'error', category: 'policyName', source: BELT_AND_ROAD },
  { term: '一带一路', correction: '“一带一路”', note: '加引号', severity: 'warning', category: 'policyName', source: BELT_AND_ROAD },
  { term: '十四五规划', correction: '“十四五”规划', note: '简称加引号，全称见来源', severity: 'warning', category: 'policyName', source: PLAN_NAME },
  variant('其它', '其他'),
  variant('丰富多采', '丰富多彩'),
  variant('五采缤纷', '五彩缤纷'),
  variant('必恭必敬', '毕恭毕敬'),
  variant('一塌胡涂', '一塌糊涂'),
  variant('指手划脚', '指手画脚'),
  variant('鬼哭狼嗥', '鬼哭狼嚎'),
  variant('思惟', '思维'),
  variant('摹仿', '模仿'),
  variant('折衷', '折中'),
];
