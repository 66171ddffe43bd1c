// The audit trail of one item (or all), and a check of the whole hash chain.
import * as React from 'react';
import { Box, Button, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useLocation } from 'react-router-dom';
import { API } from '../pluginId';
import { useT } from '../utils';

export const AuditPage = () => {
  const t = useT();
  const { get } = useFetchClient();
  const { search } = useLocation();
  const [events, setEvents] = React.useState<any[] | null>(null);
  const [verdict, setVerdict] = React.useState<{ ok: boolean; checked: number; brokenAt?: number } | null>(null);
  React.useEffect(() => {
    const params = Object.fromEntries(new URLSearchParams(search));
    get(`${API}/audit`, { params }).then(({ data }) => setEvents(data.data)).catch(() => setEvents([]));
  }, [get, search]);
  if (!events) return <Page.Loading />;
  const columns = ['col.seq', 'col.time', 'col.event', 'col.actor', 'col.role', 'col.comment'];
  return (
    <Page.Main>
      <Page.Title>{t('audit.title')}</Page.Title>
      <Layouts.Header
        title={t('audit.title')}
        subtitle={new URLSearchParams(search).get('documentId') ?? ''}
        primaryAction={<Button onClick={() => get(`${API}/audit/verify`).then(({ data }) => setVerdict(data.data))}>{t('audit.verify')}</Button>}
      />
      <Layouts.Content>
        {verdict && (
          <Box padding={3} marginBottom={4} background={verdict.ok ? 'success100' : 'danger100'} hasRadius>
            <Typography data-testid="audit-verdict">{verdict.ok ? t('audit.ok', { checked: verdict.checked }) : t('audit.broken', { seq: verdict.brokenAt })}</Typography>
          </Box>
        )}
        <Table colCount={columns.length} rowCount={events.length + 1}>
          <Thead>
            <Tr>{columns.map((c) => <Th key={c}><Typography variant="sigma">{t(c)}</Typography></Th>)}</Tr>
          </Thead>
          <Tbody>
            {events.map((e) => (
              <Tr key={e.seq}>
                <Td><Typography>{e.seq}</Typography></Td>
                <Td><Typography>{new Date(e.at).toLocaleString()}</Typography></Td>
                <Td><Typography>{e.event}{e.data?.code ? ` (${e.data.code})` : ''}</Typography></Td>
                <Td><Typography>{e.actor ?? '—'}</Typography></Td>
                <Td><Typography>{e.actorRole ?? '—'}</Typography></Td>
                <Td><Typography>{e.comment ?? ''}</Typography></Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Layouts.Content>
    </Page.Main>
  );
};
