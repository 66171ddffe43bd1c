// 待办: what waits for the current user's roles, with counts by state.
import * as React from 'react';
import { Badge, Box, Flex, Link, LinkButton, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { API, PLUGIN_ID } from '../pluginId';
import { useT } from '../utils';

type Task = { uid: string; documentId: string; round: number; state: string; step: string | null; submittedAt: string };

export const TasksPage = () => {
  const t = useT();
  const { get } = useFetchClient();
  const [tasks, setTasks] = React.useState<Task[] | null>(null);
  React.useEffect(() => {
    get(`${API}/tasks`).then(({ data }) => setTasks(data.data)).catch(() => setTasks([]));
  }, [get]);
  if (!tasks) return <Page.Loading />;
  const counts = tasks.reduce<Record<string, number>>((acc, task) => ({ ...acc, [task.state]: (acc[task.state] ?? 0) + 1 }), {});
  return (
    <Page.Main>
      <Page.Title>{t('tasks.title')}</Page.Title>
      <Layouts.Header
        title={t('tasks.title')}
        subtitle={t('tasks.subtitle', { count: tasks.length })}
        secondaryAction={
          <Flex gap={2}>
            <LinkButton variant="secondary" href={`/admin/plugins/${PLUGIN_ID}/requests`}>{t('menu.requests')}</LinkButton>
            <LinkButton variant="secondary" href={`/admin/plugins/${PLUGIN_ID}/schedules`}>{t('menu.schedules')}</LinkButton>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex gap={2} paddingBottom={4}>
          {Object.entries(counts).map(([state, n]) => <Badge key={state}>{`${t(`state.${state}`)} ${n}`}</Badge>)}
        </Flex>
        {tasks.length === 0 ? (
          <Box padding={8} background="neutral0" hasRadius><Typography>{t('tasks.empty')}</Typography></Box>
        ) : (
          <Table colCount={5} rowCount={tasks.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{t('col.document')}</Typography></Th>
                <Th><Typography variant="sigma">{t('col.type')}</Typography></Th>
                <Th><Typography variant="sigma">{t('col.state')}</Typography></Th>
                <Th><Typography variant="sigma">{t('col.step')}</Typography></Th>
                <Th><Typography variant="sigma">{t('col.submitted')}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {tasks.map((task) => (
                <Tr key={`${task.uid}/${task.documentId}`}>
                  <Td><Link href={`/admin/content-manager/collection-types/${task.uid}/${task.documentId}`}>{task.documentId}</Link></Td>
                  <Td><Typography>{task.uid.split('.').pop()}</Typography></Td>
                  <Td><Typography>{t(`state.${task.state}`)}</Typography></Td>
                  <Td><Typography>{task.step ?? '—'}</Typography></Td>
                  <Td><Typography>{new Date(task.submittedAt).toLocaleString()}</Typography></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
