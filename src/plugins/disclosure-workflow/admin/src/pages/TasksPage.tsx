// 待办: what waits for the current user's roles — title, type, department, step, who submitted and
// when (in the user's language, in the site's time zone) and how long it has waited, oldest first,
// a page at a time with the total and the count by state.
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Badge, Box, Button, Flex, Link, LinkButton, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { API, PLUGIN_ID } from '../pluginId';
import { formatDateTime, formatWaiting, pick, useSiteSettings, useT } from '../utils';
import { extraPages } from '../extraPages';

type Task = {
  uid: string; documentId: string; locale: string | null; round: number; state: string; step: string | null; submittedAt: string;
  title: string | null; typeLabel: { zh: string; en: string }; departmentName: string | null; submitter: { id: number; name: string } | null;
  waitingSince: string; waitingMs: number;
  /** The pre-publication checks as last run, for the types they read. */
  inspection: { errors: number; warnings: number } | null;
};

type TaskResponse = { data: Task[]; meta: { pagination: { total: number; pageCount: number }; counts: Record<string, number> } };
type TaskPage = { tasks: Task[]; total: number; pageCount: number; counts: Record<string, number> };
const PAGE_SIZE = 50;

export const editUrl = (uid: string, documentId: string, locale?: string | null) =>
  `/admin/content-manager/collection-types/${uid}/${documentId}${locale ? `?plugins[i18n][locale]=${locale}` : ''}`;

export const TasksPage = () => {
  const t = useT();
  const { locale, formatMessage } = useIntl();
  const { timeZone, states } = useSiteSettings();
  const stateLabel = (state: string) => pick(states[state], locale) || state;
  const { get } = useFetchClient();
  const [page, setPage] = React.useState(1);
  const [result, setResult] = React.useState<TaskPage | null>(null);
  React.useEffect(() => {
    get<TaskResponse>(`${API}/tasks?page=${page}&pageSize=${PAGE_SIZE}`)
      .then(({ data }) => setResult({ tasks: data.data, total: data.meta.pagination.total, pageCount: data.meta.pagination.pageCount, counts: data.meta.counts }))
      .catch(() => setResult({ tasks: [], total: 0, pageCount: 0, counts: {} }));
  }, [get, page]);
  if (!result) return <Page.Loading />;
  const { tasks, total, pageCount, counts } = result;
  const columns = ['col.title', 'col.type', 'col.department', 'col.step', 'col.submitter', 'col.submitted', 'col.waiting'];
  return (
    <Page.Main>
      <Page.Title>{t('tasks.title')}</Page.Title>
      <Layouts.Header
        title={t('tasks.title')}
        subtitle={t('tasks.subtitle', { count: total })}
        secondaryAction={
          <Flex gap={2}>
            {extraPages().map((page) => (
              <LinkButton key={page.path} variant="secondary" href={`/admin/plugins/${PLUGIN_ID}/${page.path}`}>{formatMessage(page.label)}</LinkButton>
            ))}
            <LinkButton variant="secondary" href={`/admin/plugins/${PLUGIN_ID}/schedules`}>{t('menu.schedules')}</LinkButton>
            <LinkButton variant="secondary" href={`/admin/plugins/${PLUGIN_ID}/audit`}>{t('audit')}</LinkButton>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex gap={2} paddingBottom={4}>
          {Object.entries(counts).map(([state, n]) => <Badge key={state}>{`${stateLabel(state)} ${n}`}</Badge>)}
        </Flex>
        {tasks.length === 0 ? (
          <Box padding={8} background="neutral0" hasRadius><Typography>{t('tasks.empty')}</Typography></Box>
        ) : (
          <Table colCount={columns.length} rowCount={tasks.length + 1}>
            <Thead>
              <Tr>{columns.map((c) => <Th key={c}><Typography variant="sigma">{t(c)}</Typography></Th>)}</Tr>
            </Thead>
            <Tbody>
              {tasks.map((task) => (
                <Tr key={`${task.uid}/${task.documentId}/${task.locale ?? ''}`} data-testid="task-row">
                  <Td>
                    <Link href={editUrl(task.uid, task.documentId, task.locale)}>{task.title || t('tasks.untitled')}</Link>
                    {task.locale && <Typography variant="pi" textColor="neutral500"> ({task.locale})</Typography>}
                    {task.inspection && (task.inspection.errors > 0 || task.inspection.warnings > 0) && (
                      <Badge marginLeft={2} backgroundColor={task.inspection.errors ? 'danger100' : 'warning100'} textColor={task.inspection.errors ? 'danger700' : 'warning700'} data-testid="task-findings">
                        {t('tasks.findings', task.inspection)}
                      </Badge>
                    )}
                  </Td>
                  <Td><Typography>{pick(task.typeLabel, locale)}</Typography></Td>
                  <Td><Typography>{task.departmentName ?? '—'}</Typography></Td>
                  <Td><Typography>{task.step ?? stateLabel(task.state)}</Typography></Td>
                  <Td><Typography>{task.submitter?.name ?? '—'}</Typography></Td>
                  <Td><Typography>{formatDateTime(task.submittedAt, locale, timeZone)}</Typography></Td>
                  <Td><Typography title={formatDateTime(task.waitingSince, locale, timeZone)}>{formatWaiting(task.waitingMs, t)}</Typography></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        {pageCount > 1 && (
          <Flex gap={2} paddingTop={4} justifyContent="flex-end">
            <Typography variant="pi">{t('tasks.page', { page, pageCount })}</Typography>
            <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>{t('tasks.previous')}</Button>
            <Button variant="tertiary" disabled={page >= pageCount} onClick={() => setPage(page + 1)}>{t('tasks.next')}</Button>
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
