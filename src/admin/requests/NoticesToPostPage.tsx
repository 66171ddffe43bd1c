// 待邮寄告知书: notices issued on paper and not posted yet, oldest first, with the addressee; the
// office records the day each went out.
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Box, Button, Field, Flex, Link, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { errorText } from '../../plugins/disclosure-workflow/admin/src';
import { API, REQUEST_UID } from './utils';
import { useNoticeT, useOpenNotice, type IssuedNotice } from './NoticesPanel';

type ToPost = IssuedNotice & { request: string; queryCode: string; addressee: string; address: string };
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

export const NoticesToPostPage = () => {
  const t = useNoticeT();
  const { locale } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const open = useOpenNotice();
  const [list, setList] = React.useState<{ notices: ToPost[]; canRecord: boolean } | null>(null);
  const [denied, setDenied] = React.useState(false);
  const [date, setDate] = React.useState(today());
  const load = React.useCallback(() => get<{ data: { notices: ToPost[]; canRecord: boolean } }>(`${API}/requests/notices/to-post`).then(({ data }) => setList(data.data)), [get]);
  React.useEffect(() => {
    load().catch(() => setDenied(true));
  }, [load]);
  if (denied) return <Page.NoPermissions />;
  if (!list) return <Page.Loading />;

  const record = async (notice: ToPost) => {
    try {
      await post(`${API}/requests/notices/${notice.documentId}/posted`, { date });
      await load();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorText(error, locale) });
    }
  };
  return (
    <Page.Main>
      <Page.Title>{t('toPost.title')}</Page.Title>
      <Layouts.Header title={t('toPost.title')} subtitle={t('toPost.subtitle', { count: list.notices.length })} />
      <Layouts.Content>
        {list.canRecord && (
          <Box paddingBottom={4} maxWidth="240px">
            <Field.Root name="postedAt">
              <Field.Label>{t('toPost.date')}</Field.Label>
              <TextInput type="date" value={date} onChange={(e: any) => setDate(e.target.value)} />
            </Field.Root>
          </Box>
        )}
        {list.notices.length === 0 ? (
          <Box padding={8} background="neutral0" hasRadius><Typography>{t('toPost.empty')}</Typography></Box>
        ) : (
          <Table colCount={6} rowCount={list.notices.length + 1}>
            <Thead>
              <Tr>
                {['issuedAt', 'kind', 'number', 'addressee', 'address', 'queryCode'].map((col) => <Th key={col}><Typography variant="sigma">{t(`col.${col}`)}</Typography></Th>)}
                <Th><Typography variant="sigma">{' '}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {list.notices.map((n) => (
                <Tr key={n.documentId}>
                  <Td><Typography>{n.issuedAt}</Typography></Td>
                  <Td><Typography>{t(`kind.${n.kind}`)}</Typography></Td>
                  <Td><Typography>{n.number}</Typography></Td>
                  <Td><Typography>{n.addressee || '—'}</Typography></Td>
                  <Td><Typography>{n.address || '—'}</Typography></Td>
                  <Td><Link href={`/admin/content-manager/collection-types/${REQUEST_UID}/${n.request}`}>{n.queryCode}</Link></Td>
                  <Td>
                    <Flex gap={1}>
                      <Button size="S" variant="tertiary" onClick={() => open(n.request, n.kind, 'html').catch((e) => toggleNotification({ type: 'danger', message: errorText(e, locale) }))}>{t('print')}</Button>
                      {list.canRecord && <Button size="S" onClick={() => record(n)}>{t('toPost.record')}</Button>}
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
