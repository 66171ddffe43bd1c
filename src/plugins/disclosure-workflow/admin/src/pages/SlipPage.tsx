// The printable review slip (审核单 / 保密审查单), rendered (escaped) by the server and shown inside
// the admin. The Print button is a React handler (the admin's CSP forbids inline handlers), and the
// print stylesheet prints only the slip, on A4: a copy of it is portalled to <body> and, on paper,
// every other child of <body> (the admin with its menu) is hidden.
import * as React from 'react';
import { createPortal } from 'react-dom';
import { Box, Button, Flex } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useLocation } from 'react-router-dom';
import { API } from '../pluginId';
import { useT } from '../utils';

export const PRINT_CSS = `
#dw-slip-print{display:none}
@media print{
  html,body{background:#fff!important;height:auto!important;overflow:visible!important}
  body>*:not(#dw-slip-print){display:none!important}
  #dw-slip-print{display:block!important}
}`;

export const SlipPage = () => {
  const t = useT();
  const { get } = useFetchClient();
  const { search } = useLocation();
  const [slip, setSlip] = React.useState<{ body: string; css: string } | null>(null);
  const [failed, setFailed] = React.useState(false);
  React.useEffect(() => {
    const params = { ...Object.fromEntries(new URLSearchParams(search)), format: 'json' };
    get(`${API}/slip`, { params }).then(({ data }) => setSlip({ body: data.data.body, css: data.data.css })).catch(() => setFailed(true));
  }, [get, search]);
  if (failed) return <Page.Error />;
  if (!slip) return <Page.Loading />;
  return (
    <Page.Main>
      <Page.Title>{t('slip')}</Page.Title>
      <style data-testid="slip-print-css">{slip.css + PRINT_CSS}</style>
      <Layouts.Header
        title={t('slip')}
        primaryAction={<Button onClick={() => window.print()} data-testid="slip-print">{t('slip.print')}</Button>}
      />
      <Layouts.Content>
        <Flex justifyContent="center">
          <Box background="neutral0" hasRadius shadow="tableShadow" padding={2}>
            <div dangerouslySetInnerHTML={{ __html: slip.body }} />
          </Box>
        </Flex>
      </Layouts.Content>
      {createPortal(<div id="dw-slip-print" dangerouslySetInnerHTML={{ __html: slip.body }} />, document.body)}
    </Page.Main>
  );
};
