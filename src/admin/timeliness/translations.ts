// Admin text of §26 timeliness (the office page and the item panel), zh-Hans and en.
import { prefixedTranslations } from '../prefixed-translations';
export const PREFIX = 'disclosure-timeliness';

const messages = {
  en: {
    'menu.page': 'Publication timeliness (§26)',
    'page.title': 'Publication timeliness (§26)',
    'page.subtitle': 'Proactive items first published in {year}: within 20 working days of formation or change?',
    'page.year': 'Year',
    'page.empty': 'No proactive item was first published in {year} in your departments.',
    'col.department': 'Department',
    'col.published': 'Published',
    'col.within': 'Within 20 working days',
    'col.late': 'Late',
    'col.median': 'Median (working days)',
    'row.total': 'Total',
    'row.noDepartment': '(no department)',
    'panel.title': 'Publication timeliness (§26)',
    'panel.days': '{days} working days from {from} to first publication',
    'panel.met': 'Within 20 working days ✓',
    'panel.late': 'Later than 20 working days ✗',
    'panel.notYet': 'Counted at first publication.',
    'panel.notProactive': 'Only proactive items are counted.',
    'panel.changed': 'change date',
    'panel.formed': 'formation date',
  },
  'zh-Hans': {
    'menu.page': '主动公开时效（第二十六条）',
    'page.title': '主动公开时效（条例第二十六条）',
    'page.subtitle': '{year} 年首次发布的主动公开信息：是否自形成或变更之日起 20 个工作日内公开',
    'page.year': '年度',
    'page.empty': '{year} 年您所属部门没有首次发布的主动公开信息。',
    'col.department': '部门',
    'col.published': '发布数',
    'col.within': '20个工作日内',
    'col.late': '超期',
    'col.median': '用时中位数（工作日）',
    'row.total': '合计',
    'row.noDepartment': '（无部门）',
    'panel.title': '公开时效（第二十六条）',
    'panel.days': '自{from}至首次发布用时 {days} 个工作日',
    'panel.met': '在20个工作日内公开 ✓',
    'panel.late': '超过20个工作日 ✗',
    'panel.notYet': '首次发布时计算。',
    'panel.notProactive': '仅统计主动公开信息。',
    'panel.changed': '变更日期',
    'panel.formed': '成文日期',
  },
};

export const translations = prefixedTranslations(PREFIX, messages);
