// 主题分类: the 15 proactive-disclosure classes of 条例§20 and the common classes (002:789).
// Seeded by code in every environment; existing categories are never changed.
import type { Core } from '@strapi/strapi';
import { CATEGORY } from '../constants';

type Node = { code: string; name: string; children?: Node[] };

/** The category whose items the portal shows as 公开制度. */
export const RULES_CATEGORY_CODE = 'B09';

export const CATEGORY_TREE: Node[] = [
  {
    code: 'A', name: '法定主动公开内容（条例第二十条）', children: [
      { code: 'A01', name: '行政法规、规章和规范性文件' },
      { code: 'A02', name: '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名' },
      { code: 'A03', name: '国民经济和社会发展规划、专项规划、区域规划及相关政策' },
      { code: 'A04', name: '国民经济和社会发展统计信息' },
      { code: 'A05', name: '行政许可和其他对外管理服务事项的依据、条件、程序及办理结果' },
      { code: 'A06', name: '行政处罚、行政强制的依据、条件、程序及有一定社会影响的行政处罚决定' },
      { code: 'A07', name: '财政预算、决算信息' },
      { code: 'A08', name: '行政事业性收费项目及其依据、标准' },
      { code: 'A09', name: '政府集中采购项目的目录、标准及实施情况' },
      { code: 'A10', name: '重大建设项目的批准和实施情况' },
      { code: 'A11', name: '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况' },
      { code: 'A12', name: '突发公共事件的应急预案、预警信息及应对情况' },
      { code: 'A13', name: '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况' },
      { code: 'A14', name: '公务员招考的职位、名额、报考条件等事项以及录用结果' },
      { code: 'A15', name: '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息' },
    ],
  },
  { code: 'B01', name: '机构职能' },
  {
    code: 'B02', name: '政策法规', children: [
      { code: 'B0201', name: '规章' },
      { code: 'B0202', name: '行政规范性文件' },
      { code: 'B0203', name: '其他文件' },
      { code: 'B0204', name: '政策解读' },
    ],
  },
  { code: 'B03', name: '规划计划' },
  { code: 'B04', name: '业务工作' },
  { code: 'B05', name: '统计数据' },
  { code: 'B06', name: '财政资金' },
  { code: 'B07', name: '人事信息' },
  { code: 'B08', name: '公告公示' },
  // The 公开制度 column of the public platform (国办公开办函〔2019〕61号): the body's own disclosure rules.
  { code: RULES_CATEGORY_CODE, name: '公开制度' },
];

export async function seedCategories(strapi: Core.Strapi) {
  const categories = strapi.documents(CATEGORY as any);
  let added = 0;
  const visit = async (nodes: Node[], parent: string | null) => {
    for (const [order, node] of nodes.entries()) {
      let existing = await categories.findFirst({ filters: { code: node.code } } as any);
      if (!existing) {
        existing = await categories.create({ data: { code: node.code, name: node.name, order, parent } } as any);
        added++;
      }
      if (node.children) await visit(node.children, existing.documentId);
    }
  };
  await visit(CATEGORY_TREE, null);
  if (added) strapi.log.info(`[disclosure] seeded ${added} topic categories (主题分类)`);
}
