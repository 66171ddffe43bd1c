// 本轮修改 / Changes since the last review: in the review panel, the fields that changed since a
// reviewer last acted on this document (or since publication), each collapsed: text word by word
// (inserted green and underlined, removed red and struck through), relations and attachments added
// and removed. Everything is rendered as React text — no HTML from the server is injected.
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { API } from '../pluginId';
import { formatDateTime, useSiteSettings, useT } from '../utils';

type Part = { added?: boolean; removed?: boolean; value: string };
type FieldChange = { field: string; label?: string; kind: 'text' | 'value' | 'relation' | 'media'; parts?: Part[]; added?: string[]; removed?: string[]; before?: unknown; after?: unknown };
export type Changes = { base: 'approved' | 'published' | 'none'; baseAt: string | null; baseEvent?: string | null; fields: FieldChange[] };

const INSERTED: React.CSSProperties = { color: '#328048', background: '#eafbe7', textDecoration: 'underline' };
const REMOVED: React.CSSProperties = { color: '#d02b20', background: '#fcecea', textDecoration: 'line-through' };

/** Long unchanged runs shortened to their ends. */
const abbreviate = (value: string, keep = 60) => (value.length > keep * 2 + 10 ? `${value.slice(0, keep)} … ${value.slice(-keep)}` : value);
const show = (value: unknown, empty: string) => (value == null || value === '' ? empty : typeof value === 'string' ? value : JSON.stringify(value));

function FieldBody({ change }: { change: FieldChange }) {
  const t = useT();
  if (change.kind === 'text') {
    return (
      <Typography variant="pi" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {(change.parts ?? []).map((p, i) =>
          p.added ? <ins key={i} style={INSERTED}>{p.value}</ins> : p.removed ? <del key={i} style={REMOVED}>{p.value}</del> : <span key={i}>{abbreviate(p.value)}</span>,
        )}
      </Typography>
    );
  }
  if (change.kind === 'relation' || change.kind === 'media') {
    const added = change.added ?? [];
    const removed = change.removed ?? [];
    return (
      <Flex direction="column" alignItems="flex-start" gap={1}>
        {added.map((name, i) => <Typography key={`a${i}`} variant="pi"><ins style={INSERTED}>＋ {name}</ins> {t('changes.added')}</Typography>)}
        {removed.map((name, i) => <Typography key={`r${i}`} variant="pi"><del style={REMOVED}>－ {name}</del> {t('changes.removed')}</Typography>)}
        {!added.length && !removed.length && <Typography variant="pi">{t('changes.reordered')}</Typography>}
      </Flex>
    );
  }
  return (
    <Typography variant="pi" style={{ wordBreak: 'break-word' }}>
      <del style={REMOVED}>{show(change.before, t('changes.empty'))}</del> → <ins style={INSERTED}>{show(change.after, t('changes.empty'))}</ins>
    </Typography>
  );
}

/** `refresh` changes whenever the document or its round does: the changes are asked again. */
export function ChangesSection({ model, documentId, locale: docLocale, refresh }: { model: string; documentId: string; locale?: string; refresh: string }) {
  const t = useT();
  const { locale } = useIntl();
  const { get } = useFetchClient();
  const { timeZone } = useSiteSettings();
  const [changes, setChanges] = React.useState<Changes | null>(null);

  React.useEffect(() => {
    let live = true;
    get<{ data: Changes }>(`${API}/changes`, { params: { uid: model, documentId, ...(docLocale ? { locale: docLocale } : {}) } })
      .then(({ data }) => live && setChanges(data.data))
      .catch(() => live && setChanges(null));
    return () => {
      live = false;
    };
  }, [get, model, documentId, docLocale, refresh]);

  if (!changes) return null;
  const at = formatDateTime(changes.baseAt, locale, timeZone);
  const intro = changes.base === 'none' ? t('changes.base.none') : changes.base === 'published' ? t('changes.base.published', { at }) : t('changes.base.approved', { at });
  return (
    <Box data-testid="workflow-changes" background="neutral100" padding={2} hasRadius>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="sigma">{t('changes.title')}</Typography>
        <Typography variant="pi" textColor="neutral600">{intro}</Typography>
        {changes.base !== 'none' && !changes.fields.length && <Typography variant="pi">{t('changes.none')}</Typography>}
        {changes.fields.map((change) => (
          <details key={change.field} data-testid={`workflow-change-${change.field}`}>
            <summary style={{ cursor: 'pointer' }}>
              <Typography variant="omega" fontWeight="semiBold">{change.label ?? change.field}</Typography>{' '}
              <Typography variant="pi" textColor="neutral600">{t(`changes.kind.${change.kind}`)}</Typography>
            </summary>
            <Box paddingTop={1} paddingLeft={2}>
              <FieldBody change={change} />
            </Box>
          </details>
        ))}
      </Flex>
    </Box>
  );
}
