// A case's 告知书: those issued (print view, .docx download) and, for the office, a button per notice
// the case has something for. Files are fetched with the admin token (plain links carry none).
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Badge, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { errorText } from '../../plugins/disclosure-workflow/admin/src';
import { API } from './utils';
import { NOTICE_PREFIX } from './notice-translations';

export type IssuedNotice = { documentId: string; kind: string; number: string; issuedAt: string; postedAt: string | null; byPost: boolean };

export function useNoticeT() {
  const { formatMessage } = useIntl();
  return (id: string, values?: Record<string, unknown>) => formatMessage({ id: `${NOTICE_PREFIX}.${id}`, defaultMessage: id }, values as any);
}

/** Opens the print view (HTML) in a new tab, or saves the .docx. */
export function useOpenNotice() {
  const { get } = useFetchClient();
  return async (documentId: string, kind: string, format: 'html' | 'docx') => {
    const { data } = await get<Blob>(`${API}/requests/${documentId}/notices/${kind}.${format}`, { responseType: 'blob' } as any);
    const url = URL.createObjectURL(data);
    if (format === 'html') window.open(url, '_blank', 'noopener');
    else Object.assign(document.createElement('a'), { href: url, download: `${kind}.docx` }).click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
}

/** `version`: anything that changes when the case does (its updatedAt), so new steps offer their notice. */
export function NoticesPanel({ documentId, version }: { documentId: string; version?: string }) {
  const t = useNoticeT();
  const { locale } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const open = useOpenNotice();
  const [state, setState] = React.useState<{ notices: IssuedNotice[]; issuable: string[]; canIssue: boolean } | null>(null);
  const [busy, setBusy] = React.useState('');

  const load = React.useCallback(() => get<{ data: { notices: IssuedNotice[]; issuable: string[]; canIssue: boolean } }>(`${API}/requests/${documentId}/notices`).then(({ data }) => setState(data.data)), [get, documentId]);
  React.useEffect(() => {
    load().catch(() => setState(null));
  }, [load, version]);
  if (!state) return null;
  // A download renders the latest notice of its kind: earlier ones are listed without buttons.
  const latest = new Map(state.notices.map((n) => [n.kind, n.documentId]));

  const attempt = async (key: string, work: () => Promise<unknown>) => {
    setBusy(key);
    try {
      await work();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorText(error, locale) });
    } finally {
      setBusy('');
    }
  };
  const issue = (kind: string) =>
    attempt(`issue:${kind}`, async () => {
      const { data } = await post<{ data: IssuedNotice }>(`${API}/requests/${documentId}/notices/${kind}`, {});
      toggleNotification({ type: 'success', message: t('issued', { number: data.data.number }) });
      await load();
    });

  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%">
      <Typography variant="sigma">{t('panel')}</Typography>
      {state.notices.length === 0 && <Typography variant="pi">{t('none')}</Typography>}
      {state.notices.map((n) => (
        <Flex key={n.documentId} direction="column" alignItems="stretch" gap={1}>
          <Typography variant="pi">{`${n.issuedAt} · ${t(`kind.${n.kind}`)} · ${n.number}`}</Typography>
          <Flex gap={1} wrap="wrap">
            {n.byPost && <Badge>{n.postedAt ? t('posted', { date: n.postedAt }) : t('byPost')}</Badge>}
            {latest.get(n.kind) === n.documentId && (['html', 'docx'] as const).map((format) => (
              <Button key={format} size="S" variant="tertiary" loading={busy === `${format}:${n.documentId}`} onClick={() => attempt(`${format}:${n.documentId}`, () => open(documentId, n.kind, format))}>
                {t(format === 'html' ? 'print' : 'docx')}
              </Button>
            ))}
          </Flex>
        </Flex>
      ))}
      {state.canIssue && state.issuable.map((kind) => (
        <Button key={kind} size="S" variant="secondary" loading={busy === `issue:${kind}`} onClick={() => issue(kind)}>{t('issue', { kind: t(`kind.${kind}`) })}</Button>
      ))}
    </Flex>
  );
}
