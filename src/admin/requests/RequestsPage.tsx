// 依申请公开 dashboard: open cases by stage and urgency, most urgent first. The office and the
// supervisor see every case; a handler sees the cases assigned to them.
import * as React from 'react';
import { Badge, Box, Flex, Link, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { OPEN_CASE_STATES } from '../../domain/request-codes';
import { API, REQUEST_UID, useCodeLabels, useT } from './utils';
import { ClockBadges, type CaseView } from './CasePanel';

type Dashboard = { counts: { byState: Record<string, number>; byUrgency: Record<string, number> }; cases: Array<CaseView & { urgency: string; description: string }> };

export const RequestsPage = () => {
  const t = useT();
  const { stateLabel } = useCodeLabels();
  const { get } = useFetchClient();
  const [state, setState] = React.useState('');
  const [board, setBoard] = React.useState<Dashboard | null>(null);
  const [denied, setDenied] = React.useState(false);
  React.useEffect(() => {
    get(`${API}/requests`, { params: state ? { state } : {} }).then(({ data }) => setBoard(data.data)).catch(() => setDenied(true));
  }, [get, state]);
  if (denied) return <Page.NoPermissions />;
  if (!board) return <Page.Loading />;
  return (
    <Page.Main>
      <Page.Title>{t('requests.title')}</Page.Title>
      <Layouts.Header title={t('requests.title')} subtitle={t('requests.subtitle', { count: board.cases.length })} />
      <Layouts.Content>
        <Flex gap={2} paddingBottom={4} wrap="wrap">
          {Object.entries(board.counts.byUrgency).map(([urgency, n]) => <Badge key={urgency} data-testid={`urgency-${urgency}`}>{`${t(`urgency.${urgency}`)} ${n}`}</Badge>)}
          {Object.entries(board.counts.byState).map(([s, n]) => <Badge key={s}>{`${stateLabel(s)} ${n}`}</Badge>)}
          <Box minWidth="200px">
            <SingleSelect aria-label={t('requests.filter')} placeholder={t('requests.filter')} value={state} onChange={(v: any) => setState(String(v))} onClear={() => setState('')}>
              {OPEN_CASE_STATES.map((s) => <SingleSelectOption key={s} value={s}>{stateLabel(s)}</SingleSelectOption>)}
            </SingleSelect>
          </Box>
        </Flex>
        {board.cases.length === 0 ? (
          <Box padding={8} background="neutral0" hasRadius><Typography>{t('requests.empty')}</Typography></Box>
        ) : (
          <Table colCount={5} rowCount={board.cases.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{t('col.queryCode')}</Typography></Th>
                <Th><Typography variant="sigma">{t('col.request')}</Typography></Th>
                <Th><Typography variant="sigma">{t('col.state')}</Typography></Th>
                <Th><Typography variant="sigma">{t('col.due')}</Typography></Th>
                <Th><Typography variant="sigma">{t('col.handler')}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {board.cases.map((c) => (
                <Tr key={c.documentId}>
                  <Td><Link href={`/admin/content-manager/collection-types/${REQUEST_UID}/${c.documentId}`}>{c.queryCode}</Link></Td>
                  <Td><Typography ellipsis>{c.description.slice(0, 40)}</Typography></Td>
                  <Td><ClockBadges view={c} /></Td>
                  <Td><Typography>{c.dueAt ?? '—'}</Typography></Td>
                  <Td><Typography>{c.handler?.name ?? '—'}</Typography></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
