// Item edit view: the §26 line — working days from 成文日期 (or 变更日期) to first publication and
// whether that met 20 working days, as stored on the item (timelinessDays / timelinessMet).
import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { PREFIX } from './translations';

export const ITEM_UID = 'api::disclosure-item.disclosure-item';

export const TimelinessPanel = ({ model, document }: { model: string; document?: any }) => {
  const { formatMessage } = useIntl();
  if (model !== ITEM_UID) return null;
  const t = (id: string, values?: Record<string, unknown>) => formatMessage({ id: `${PREFIX}.${id}`, defaultMessage: id }, values as any);
  const days = document?.timelinessDays;
  let content;
  if (document?.disclosure && document.disclosure !== 'proactive') content = <Typography variant="pi">{t('panel.notProactive')}</Typography>;
  else if (typeof days !== 'number') content = <Typography variant="pi">{t('panel.notYet')}</Typography>;
  else {
    const from = document.changedAt ? `${t('panel.changed')} ${document.changedAt}` : `${t('panel.formed')} ${document.formedAt ?? ''}`;
    const met = document.timelinessMet === true;
    content = (
      <Flex direction="column" alignItems="stretch" gap={1} width="100%">
        <Typography variant="pi">{t('panel.days', { days, from })}</Typography>
        <Box padding={1} background={met ? 'success100' : 'danger100'} hasRadius>
          <Typography variant="pi" textColor={met ? 'success700' : 'danger700'}>{t(met ? 'panel.met' : 'panel.late')}</Typography>
        </Box>
      </Flex>
    );
  }
  return { title: t('panel.title'), content };
};
