// The audit trail, newest first and paged, filtered by document, actor, event and dates (days in the
// site's time zone); names, role names and event labels in the user's language; CSV export of the
// filtered events (the export is itself recorded); and a check of the whole hash chain.
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Box, Button, Field, Flex, Link, SingleSelect, SingleSelectOption, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useLocation, useNavigate } from 'react-router-dom';
import { API } from '../pluginId';
import { errorText, formatDateTime, pick, useSiteSettings, useT } from '../utils';
import { editUrl } from './TasksPage';

type AuditEvent = {
  seq: number; at: string; event: string; eventLabel: { zh: string; en: string }; actor: { id: number; name: string } | null;
  actorRole: string | null; targetUid: string | null; targetDocumentId: string | null; title?: string; comment: string | null;
};
type Pagination = { page: number; pageSize: number; pageCount: number; total: number };

const FILTERS = ['uid', 'documentId', 'actor', 'event', 'from', 'to'] as const;
const FAMILIES = ['decision', 'sign-off', 'schedule', 'request', 'chain'];

export const AuditPage = () => {
  const t = useT();
  const { locale } = useIntl();
  const { timeZone, events: eventCodes } = useSiteSettings();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { search } = useLocation();
  const navigate = useNavigate();
  const query = React.useMemo(() => Object.fromEntries(new URLSearchParams(search)), [search]);
  const [form, setForm] = React.useState<Record<string, string>>(query);
  const [events, setEvents] = React.useState<AuditEvent[] | null>(null);
  const [pagination, setPagination] = React.useState<Pagination | null>(null);
  const [verdict, setVerdict] = React.useState<{ ok: boolean; checked: number; brokenAt?: number } | null>(null);
  const [exporting, setExporting] = React.useState(false);

  React.useEffect(() => setForm(query), [query]);
  React.useEffect(() => {
    const params = Object.fromEntries(Object.entries(query).filter(([k, v]) => v && ([...FILTERS, 'page', 'pageSize'] as string[]).includes(k)));
    get(`${API}/audit`, { params: { pageSize: '50', ...params } })
      .then(({ data }) => (setEvents(data.data), setPagination(data.meta.pagination)))
      .catch((error) => (setEvents([]), setPagination(null), toggleNotification({ type: 'danger', message: errorText(error, locale) })));
  }, [get, query, locale, toggleNotification]);

  const go = (next: Record<string, string | undefined>) => {
    const params = new URLSearchParams(Object.entries(next).filter(([, v]) => v) as Array<[string, string]>);
    navigate({ search: params.toString() ? `?${params}` : '' });
  };
  const filters = () => Object.fromEntries(FILTERS.map((k) => [k, form[k]]).filter(([, v]) => v)) as Record<string, string>;
  const exportCsv = async () => {
    setExporting(true);
    try {
      const { data } = await get(`${API}/audit/export.csv`, { params: Object.fromEntries(FILTERS.map((k) => [k, query[k]]).filter(([, v]) => v)), responseType: 'blob' } as any);
      const url = URL.createObjectURL(data as Blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `audit-${new Date().toISOString().slice(0, 10)}.csv`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorText(error, locale) });
    } finally {
      setExporting(false);
    }
  };

  if (!events) return <Page.Loading />;
  const columns = ['col.time', 'col.event', 'col.actor', 'col.role', 'col.document', 'col.comment', 'col.seq'];
  const input = (key: string, type = 'text') => (
    <Field.Root name={key}>
      <Field.Label>{t(`audit.filter.${key}`)}</Field.Label>
      <TextInput type={type} value={form[key] ?? ''} onChange={(e: any) => setForm((f) => ({ ...f, [key]: e.target.value }))} />
    </Field.Root>
  );
  const eventOptions: Array<[string, string]> = [
    ...FAMILIES.map((f): [string, string] => [f, t(`audit.family.${f}`)]),
    ...eventCodes.map((e): [string, string] => [e.code, pick(e, locale)]),
  ];
  return (
    <Page.Main>
      <Page.Title>{t('audit.title')}</Page.Title>
      <Layouts.Header
        title={t('audit.title')}
        subtitle={pagination ? t('audit.subtitle', { total: pagination.total, zone: timeZone }) : ''}
        primaryAction={<Button onClick={() => get(`${API}/audit/verify`).then(({ data }) => setVerdict(data.data))}>{t('audit.verify')}</Button>}
        secondaryAction={<Button variant="secondary" loading={exporting} onClick={exportCsv}>{t('audit.export')}</Button>}
      />
      <Layouts.Content>
        {verdict && (
          <Box padding={3} marginBottom={4} background={verdict.ok ? 'success100' : 'danger100'} hasRadius>
            <Typography data-testid="audit-verdict">{verdict.ok ? t('audit.ok', { checked: verdict.checked }) : t('audit.broken', { seq: verdict.brokenAt })}</Typography>
          </Box>
        )}
        <Box padding={4} marginBottom={4} background="neutral0" hasRadius shadow="tableShadow">
          <form onSubmit={(e) => (e.preventDefault(), go(filters()))} data-testid="audit-filters">
            <Flex gap={3} wrap="wrap" alignItems="flex-end">
              {input('documentId')}
              {input('actor')}
              <Field.Root name="event">
                <Field.Label>{t('audit.filter.event')}</Field.Label>
                <SingleSelect value={form.event ?? ''} onChange={(v: any) => setForm((f) => ({ ...f, event: String(v) }))} onClear={() => setForm((f) => ({ ...f, event: '' }))} placeholder={t('audit.filter.any')}>
                  {eventOptions.map(([code, label]) => <SingleSelectOption key={code} value={code}>{label}</SingleSelectOption>)}
                </SingleSelect>
              </Field.Root>
              {input('from', 'date')}
              {input('to', 'date')}
              <Button type="submit">{t('audit.filter.apply')}</Button>
              <Button variant="tertiary" onClick={() => (setForm({}), go({}))}>{t('audit.filter.clear')}</Button>
            </Flex>
          </form>
        </Box>
        {events.length === 0 ? (
          <Box padding={8} background="neutral0" hasRadius><Typography>{t('audit.empty')}</Typography></Box>
        ) : (
          <Table colCount={columns.length} rowCount={events.length + 1}>
            <Thead>
              <Tr>{columns.map((c) => <Th key={c}><Typography variant="sigma">{t(c)}</Typography></Th>)}</Tr>
            </Thead>
            <Tbody>
              {events.map((e) => (
                <Tr key={e.seq} data-testid="audit-row" data-seq={e.seq} data-event={e.event}>
                  <Td><Typography>{formatDateTime(e.at, locale, timeZone)}</Typography></Td>
                  <Td><Typography>{pick(e.eventLabel, locale)}</Typography></Td>
                  <Td><Typography>{e.actor?.name ?? t('audit.system')}</Typography></Td>
                  <Td><Typography>{e.actorRole ?? '—'}</Typography></Td>
                  <Td>
                    {e.targetUid && e.targetDocumentId ? (
                      <Link href={editUrl(e.targetUid, e.targetDocumentId)}>{e.title || e.targetDocumentId}</Link>
                    ) : (
                      <Typography>—</Typography>
                    )}
                  </Td>
                  <Td><Typography>{e.comment ?? ''}</Typography></Td>
                  <Td><Typography textColor="neutral500">{e.seq}</Typography></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        {pagination && pagination.pageCount > 1 && (
          <Flex gap={3} paddingTop={4} justifyContent="flex-end" alignItems="center">
            <Button variant="tertiary" disabled={pagination.page <= 1} onClick={() => go({ ...query, page: String(pagination.page - 1) })}>{t('audit.previous')}</Button>
            <Typography data-testid="audit-page">{t('audit.page', { page: pagination.page, pageCount: pagination.pageCount })}</Typography>
            <Button variant="tertiary" disabled={pagination.page >= pagination.pageCount} onClick={() => go({ ...query, page: String(pagination.page + 1) })}>{t('audit.next')}</Button>
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
