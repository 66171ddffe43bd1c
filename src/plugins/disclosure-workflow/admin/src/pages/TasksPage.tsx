// 待办: what waits for the current user's roles — title, type, department, step, who submitted and
// when (in the user's language, in the site's time zone) and how long it has waited, oldest first.
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Badge, Box, Flex, Link, LinkButton, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { API, PLUGIN_ID } from '../pluginId';
import { formatDateTime, formatWaiting, pick, useSiteSettings, useT } from '../utils';
import { extraPages } from '../extraPages';

type Task = {
  uid: string; documentId: string; locale: string | null; round: number; state: string; step: string | null; submittedAt: string;
  title: string | null; typeLabel: { zh: string; en: string }; departmentName: string | null; submitter: { id: number; name: string } | null;
  waitingSince: string; waitingMs: number;
};

export const editUrl = (uid: string, documentId: string, locale?: string | null) =>
  `/admin/content-manager/collection-types/${uid}/${documentId}${locale ? `?plugins[i18n][locale]=${locale}` : ''}`;

export const TasksPage = () => {
  const t = useT();
  const { locale, formatMessage } = useIntl();
  const { timeZone, states } = useSiteSettings();
  const stateLabel = (state: string) => pick(states[state], locale) || state;
  const { get } = useFetchClient();
  const [tasks, setTasks] = React.useState<Task[] | null>(null);
  React.useEffect(() => {
    get(`${API}/tasks`).then(({ data }) => setTasks(data.data)).catch(() => setTasks([]));
  }, [get]);
  if (!tasks) return <Page.Loading />;
  const counts = tasks.reduce<Record<string, number>>((acc, task) => ({ ...acc, [task.state]: (acc[task.state] ?? 0) + 1 }), {});
  const columns = ['col.title', 'col.type', 'col.department', 'col.step', 'col.submitter', 'col.submitted', 'col.waiting'];
  return (
    <Page.Main>
      <Page.Title>{t('tasks.title')}</Page.Title>
      <Layouts.Header
        title={t('tasks.title')}
        subtitle={t('tasks.subtitle', { count: tasks.length })}
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
      </Layouts.Content>
    </Page.Main>
  );
};
