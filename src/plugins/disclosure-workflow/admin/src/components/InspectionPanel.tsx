// Edit-view side panel of the pre-publication checks (发布前检查): the machine findings on the draft
// as it is now — personal data (masked), 错敏词, links, attachments, metadata — errors first; a
// secrecy reviewer of the document's chain may override an error with a written reason (the server
// decides who may). Reloaded whenever the document changes.
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Badge, Box, Button, Flex, Textarea, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { API } from '../pluginId';
import { errorText, useT } from '../utils';
import { documentVersion } from './WorkflowPanel';

type Finding = { rule: string; severity: 'error' | 'warning'; field: string; location?: string; excerpt: string; overridden: boolean };
type Inspection = { inspected: boolean; findings: Finding[]; overridden: Array<{ rule: string; location: string | null; reason: string }>; counts: { errors: number; warnings: number; blocking: number } };

function PanelBody({ model, documentId, document }: { model: string; documentId: string; document?: any }) {
  const t = useT();
  const { locale } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [result, setResult] = React.useState<Inspection | null>(null);
  const [overriding, setOverriding] = React.useState<Finding | null>(null);
  const [reason, setReason] = React.useState('');
  const params = React.useMemo(() => ({ uid: model, documentId, ...(document?.locale ? { locale: document.locale } : {}) }), [model, documentId, document?.locale]);
  const version = documentVersion(document);

  React.useEffect(() => {
    get(`${API}/inspection`, { params }).then(({ data }) => setResult((data as any).data)).catch(() => setResult(null));
  }, [get, params, version]);

  if (!result?.inspected) return null;
  const override = async () => {
    try {
      const { data } = await post(`${API}/inspection/override`, { ...params, rule: overriding!.rule, field: overriding!.field, location: overriding!.location ?? null, reason });
      setResult((data as any).data);
      setOverriding(null);
      setReason('');
      toggleNotification({ type: 'success', message: t('done') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorText(error, locale) });
    }
  };
  const sorted = [...result.findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%" data-testid="inspection-panel">
      <Flex gap={1} wrap="wrap">
        <Badge backgroundColor={result.counts.blocking ? 'danger100' : 'success100'} textColor={result.counts.blocking ? 'danger700' : 'success700'}>
          {result.counts.blocking ? t('inspection.blocking', { count: result.counts.blocking }) : t('inspection.clear')}
        </Badge>
        {result.counts.warnings > 0 && <Badge backgroundColor="warning100">{t('inspection.warnings', { count: result.counts.warnings })}</Badge>}
      </Flex>
      {sorted.map((f, i) => (
        <Box key={i} padding={2} hasRadius background={f.severity === 'error' && !f.overridden ? 'danger100' : 'neutral100'} data-testid="inspection-finding">
          <Typography variant="pi" fontWeight="bold" tag="p">
            {t(`inspection.rule.${f.rule.split('.')[0]}`)} · {f.rule} · {f.field}{f.location ? ` · ${f.location}` : ''}
          </Typography>
          <Typography variant="pi" tag="p">{f.excerpt}</Typography>
          {f.overridden && <Typography variant="pi" textColor="success700" tag="p">{t('inspection.overridden')}</Typography>}
          {f.severity === 'error' && !f.overridden && overriding !== f && (
            <Button size="S" variant="tertiary" onClick={() => setOverriding(f)}>{t('inspection.override')}</Button>
          )}
          {overriding === f && (
            <Flex direction="column" alignItems="stretch" gap={1} paddingTop={1}>
              <Textarea aria-label={t('inspection.reason')} placeholder={t('inspection.reason')} value={reason} onChange={(e: any) => setReason(e.target.value)} />
              <Flex gap={1}>
                <Button size="S" onClick={override} disabled={!reason.trim()}>{t('inspection.confirm')}</Button>
                <Button size="S" variant="tertiary" onClick={() => setOverriding(null)}>{t('cancel')}</Button>
              </Flex>
            </Flex>
          )}
        </Box>
      ))}
    </Flex>
  );
}

let inspectedTypes: Promise<string[]> | null = null;

export const InspectionPanel = ({ model, documentId, document }: { model: string; documentId?: string; document?: any }) => {
  const t = useT();
  const { get } = useFetchClient();
  const [types, setTypes] = React.useState<string[] | null>(null);
  React.useEffect(() => {
    inspectedTypes ??= get(`${API}/inspection/types`).then(({ data }) => (data as any).data as string[]);
    inspectedTypes.then(setTypes).catch(() => setTypes([]));
  }, [get]);
  if (!documentId || !types?.includes(model)) return null;
  return { title: t('inspection.title'), content: <PanelBody model={model} documentId={documentId} document={document} /> };
};
