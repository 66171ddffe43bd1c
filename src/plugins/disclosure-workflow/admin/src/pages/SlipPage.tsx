// The printable review slip (审核单 / 保密审查单), rendered by the server.
import * as React from 'react';
import { Box } from '@strapi/design-system';
import { Page, useFetchClient } from '@strapi/strapi/admin';
import { useLocation } from 'react-router-dom';
import { API } from '../pluginId';

export const SlipPage = () => {
  const { get } = useFetchClient();
  const { search } = useLocation();
  const [html, setHtml] = React.useState<string | null>(null);
  React.useEffect(() => {
    const params = { ...Object.fromEntries(new URLSearchParams(search)), format: 'json' };
    get(`${API}/slip`, { params }).then(({ data }) => setHtml(data.data.html)).catch(() => setHtml('<p>—</p>'));
  }, [get, search]);
  if (html === null) return <Page.Loading />;
  return (
    <Page.Main>
      <Box padding={4}>
        <iframe title="slip" srcDoc={html} style={{ width: '100%', height: '85vh', border: 0, background: '#fff' }} />
      </Box>
    </Page.Main>
  );
};
