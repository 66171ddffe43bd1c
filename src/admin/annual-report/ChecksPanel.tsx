// Edit-view side panel of an annual report: table 三's 勾稽关系 per column, one red or green line
// each, run on the table as saved (the same check build() returns). Admin text in zh-Hans and en.
import { prefixedTranslations } from '../prefixed-translations';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { table3Checks } from '../../domain/annual-report-checks';
import { APPLICANT_TYPE_LABELS } from '../../domain/code-labels';

export const REPORT_UID = 'api::annual-report.annual-report';
export const PREFIX = 'annual-report';

const messages = {
  en: {
    'checks.title': 'Table 3 adds up',
    'checks.hint': 'Carried forward = carried over + received − processed, per column',
    'checks.ok': '{column}: {carriedIn} + {received} − {closed} = {carriedOut} ✓',
    'checks.failed': '{column}: {carriedIn} + {received} − {closed} = {expected}, but {carriedOut} carried forward ✗',
    'checks.total': 'Total',
    'checks.saveFirst': 'Save the report to compute its tables.',
  },
  'zh-Hans': {
    'checks.title': '表三勾稽关系',
    'checks.hint': '每列：结转下年度继续办理 = 上年结转 + 本年新收 − 办理结果总计',
    'checks.ok': '{column}：{carriedIn} + {received} − {closed} = {carriedOut} ✓',
    'checks.failed': '{column}：{carriedIn} + {received} − {closed} = {expected}，但结转下年度为 {carriedOut} ✗',
    'checks.total': '总计',
    'checks.saveFirst': '保存报告后生成表格。',
  },
};

export const translations = prefixedTranslations(PREFIX, messages);

function Checks({ table3 }: { table3: unknown }) {
  const { formatMessage, locale } = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => formatMessage({ id: `${PREFIX}.${id}`, defaultMessage: id }, values as any);
  const columnLabel = (column: string) => {
    const label = APPLICANT_TYPE_LABELS[column as keyof typeof APPLICANT_TYPE_LABELS];
    if (!label) return t('checks.total');
    return locale.startsWith('zh') ? label.zh : label.en;
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={1} width="100%">
      <Typography variant="pi" textColor="neutral600">{t('checks.hint')}</Typography>
      {table3Checks(table3).map((c) => (
        <Box key={c.column} padding={1} background={c.ok ? 'success100' : 'danger100'} hasRadius>
          <Typography variant="pi" textColor={c.ok ? 'success700' : 'danger700'}>
            {t(c.ok ? 'checks.ok' : 'checks.failed', { ...c, column: columnLabel(c.column), expected: c.carriedIn + c.received - c.closed })}
          </Typography>
        </Box>
      ))}
    </Flex>
  );
}

export const ChecksPanel = ({ model, document }: { model: string; document?: any }) => {
  const { formatMessage } = useIntl();
  if (model !== REPORT_UID) return null;
  return {
    title: formatMessage({ id: `${PREFIX}.checks.title`, defaultMessage: 'Table 3 adds up' }),
    content: document?.table3 ? <Checks table3={document.table3} /> : <Typography variant="pi">{formatMessage({ id: `${PREFIX}.checks.saveFirst`, defaultMessage: 'Save the report to compute its tables.' })}</Typography>,
  };
};
