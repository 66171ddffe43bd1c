// §26 timeliness per department and year, for the disclosure office (and the supervisor): how many
// proactive items were first published, how many within 20 working days, how many late (linked to
// the Content Manager list of those items), the median days. Data: GET /disclosure-workflow/timeliness.
import * as React from 'react';
import { Box, Flex, Link, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PREFIX } from './translations';
import { ITEM_UID } from './TimelinessPanel';

type Row = { department: { documentId: string; name: string | null } | null; published: number; within: number; late: number; medianDays: number | null };
type Summary = { year: number; departments: Row[]; total: Row };

const lateItemsHref = (department: Row['department']) => {
  const filters = ['filters[$and][0][timelinessMet][$eq]=false'];
  if (department) filters.push(`filters[$and][1][department][documentId][$eq]=${encodeURIComponent(department.documentId)}`);
  return `/admin/content-manager/collection-types/${ITEM_UID}?page=1&pageSize=50&${filters.join('&')}`;
};

export const TimelinessPage = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => formatMessage({ id: `${PREFIX}.${id}`, defaultMessage: id }, values as any);
  const { get } = useFetchClient();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = React.useState(thisYear);
  const [summary, setSummary] = React.useState<Summary | null>(null);
  const [denied, setDenied] = React.useState(false);
  React.useEffect(() => {
    setSummary(null);
    get<{ data: Summary }>('/disclosure-workflow/timeliness', { params: { year } }).then(({ data }) => setSummary(data.data)).catch(() => setDenied(true));
  }, [get, year]);
  if (denied) return <Page.NoPermissions />;
  const line = (row: Row, label: string, key: string) => (
    <Tr key={key}>
      <Td><Typography fontWeight={key === 'total' ? 'bold' : undefined}>{label}</Typography></Td>
      <Td><Typography>{row.published}</Typography></Td>
      <Td><Typography>{row.within}</Typography></Td>
      <Td>{row.late ? <Link href={lateItemsHref(row.department)}>{row.late}</Link> : <Typography>0</Typography>}</Td>
      <Td><Typography>{row.medianDays ?? '—'}</Typography></Td>
    </Tr>
  );
  return (
    <Page.Main>
      <Page.Title>{t('page.title')}</Page.Title>
      <Layouts.Header title={t('page.title')} subtitle={t('page.subtitle', { year })} />
      <Layouts.Content>
        <Flex gap={2} paddingBottom={4}>
          <Box minWidth="160px">
            <SingleSelect aria-label={t('page.year')} value={String(year)} onChange={(v: any) => setYear(Number(v))}>
              {Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => <SingleSelectOption key={y} value={String(y)}>{String(y)}</SingleSelectOption>)}
            </SingleSelect>
          </Box>
        </Flex>
        {!summary ? (
          <Page.Loading />
        ) : summary.departments.length === 0 ? (
          <Box padding={8} background="neutral0" hasRadius><Typography>{t('page.empty', { year })}</Typography></Box>
        ) : (
          <Table colCount={5} rowCount={summary.departments.length + 2}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{t('col.department')}</Typography></Th>
                <Th><Typography variant="sigma">{t('col.published')}</Typography></Th>
                <Th><Typography variant="sigma">{t('col.within')}</Typography></Th>
                <Th><Typography variant="sigma">{t('col.late')}</Typography></Th>
                <Th><Typography variant="sigma">{t('col.median')}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {summary.departments.map((row) => line(row, row.department?.name ?? t('row.noDepartment'), row.department?.documentId ?? 'none'))}
              {line({ ...summary.total, department: null }, t('row.total'), 'total')}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
