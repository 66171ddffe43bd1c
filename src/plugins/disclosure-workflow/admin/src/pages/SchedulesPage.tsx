// Upcoming, done and failed schedules, filterable by state, content type and department, with
// retry for failed ones. Times are shown in Asia/Shanghai. An empty list says so (and how to schedule,
// or that the filters match nothing).
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Button, EmptyStateLayout, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { EmptyDocuments } from '@strapi/icons/symbols';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { API } from '../pluginId';
import { errorText, formatInZone, useT } from '../utils';

const STATES = ['pending', 'running', 'done', 'failed', 'cancelled'];
const NO_FILTERS = { state: '', uid: '', department: '' };

export const SchedulesPage = () => {
  const t = useT();
  const { locale } = useIntl();
  const { get, post, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [filters, setFilters] = React.useState(NO_FILTERS);
  const [rows, setRows] = React.useState<any[] | null>(null);
  const load = React.useCallback(() => {
    const params = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
    return get(`${API}/schedules`, { params }).then(({ data }) => setRows(data.data));
  }, [get, filters]);
  React.useEffect(() => {
    load().catch(() => setRows([]));
  }, [load]);
  const run = (call: () => Promise<unknown>) =>
    call().then(load, (error) => toggleNotification({ type: 'danger', message: errorText(error, locale) }));
  if (!rows) return <Page.Loading />;
  const cols = ['schedule.col.due', 'col.document', 'schedule.col.action', 'col.state', 'schedule.col.reason', 'schedule.col.fired', ''];
  const filtered = Object.values(filters).some(Boolean);
  return (
    <Page.Main>
      <Page.Title>{t('schedule.page')}</Page.Title>
      <Layouts.Header title={t('schedule.page')} subtitle={`${t('schedule.count', { count: rows.length })} · ${t('schedule.zone')}`} />
      <Layouts.Content>
        <Flex gap={2} paddingBottom={4}>
          <SingleSelect placeholder={t('col.state')} value={filters.state} onChange={(v: any) => setFilters({ ...filters, state: String(v) })} onClear={() => setFilters({ ...filters, state: '' })}>
            {STATES.map((s) => <SingleSelectOption key={s} value={s}>{t(`schedule.state.${s}`)}</SingleSelectOption>)}
          </SingleSelect>
          <TextInput placeholder={t('col.type')} value={filters.uid} onChange={(e: any) => setFilters({ ...filters, uid: e.target.value })} aria-label={t('col.type')} />
          <TextInput placeholder={t('schedule.col.department')} value={filters.department} onChange={(e: any) => setFilters({ ...filters, department: e.target.value })} aria-label={t('schedule.col.department')} />
        </Flex>
        {rows.length === 0 ? (
          <EmptyStateLayout
            icon={<EmptyDocuments width="16rem" />}
            content={t(filtered ? 'schedule.emptyFiltered' : 'schedule.empty')}
            action={filtered ? <Button variant="secondary" onClick={() => setFilters(NO_FILTERS)}>{t('schedule.clearFilters')}</Button> : undefined}
          />
        ) : (
          <Table colCount={cols.length} rowCount={rows.length + 1}>
            <Thead><Tr>{cols.map((c) => <Th key={c}><Typography variant="sigma">{c ? t(c) : ''}</Typography></Th>)}</Tr></Thead>
            <Tbody>
              {rows.map((r) => (
                <Tr key={r.id}>
                  <Td><Typography>{formatInZone(r.dueAt)}</Typography></Td>
                  <Td><Typography>{r.title ?? r.targetDocumentId}</Typography></Td>
                  <Td><Typography>{t(`schedule.action.${r.action}`)}</Typography></Td>
                  <Td><Typography>{t(`schedule.state.${r.state}`)}</Typography></Td>
                  <Td><Typography>{r.reasonCode ? t(`reason.${r.reasonCode}`) : ''}</Typography></Td>
                  <Td><Typography>{r.firedAt ? formatInZone(r.firedAt) : ''}</Typography></Td>
                  <Td>
                    <Flex gap={1}>
                      {r.state === 'failed' && <Button size="S" onClick={() => run(() => post(`${API}/schedules/${r.id}/retry`, {}))}>{t('schedule.retry')}</Button>}
                      {['pending', 'failed'].includes(r.state) && <Button size="S" variant="tertiary" onClick={() => run(() => del(`${API}/schedules/${r.id}`))}>{t('schedule.cancel')}</Button>}
                    </Flex>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
