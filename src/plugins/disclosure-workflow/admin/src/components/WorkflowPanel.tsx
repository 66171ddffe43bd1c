// Edit-view side panel: the chain's progress, who acts next, the actions this user may take (asked
// from the server), the sign-off form and why publishing is blocked. It reloads the server's state
// whenever the Content Manager's document changes (save, publish, unpublish, discard) and after
// each of its own actions, so it never shows a verdict the server no longer holds.
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Badge, Box, Button, Checkbox, Field, Flex, Link, SingleSelect, SingleSelectOption, TextInput, Textarea, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { API, PLUGIN_ID } from '../pluginId';
import { errorText, pick, useSiteSettings, useT } from '../utils';
import { SchedulePicker } from './SchedulePicker';
import { ChangesSection } from './ChangesSection';


type Status = {
  state: string;
  round: number;
  steps: Array<{ name: string; roles: string[]; decision?: string; actor?: number; at?: string; comment?: string }>;
  current: number | null;
  pendingRoles: string[];
  submitter: number | null;
  canPublish: boolean;
  reason?: string;
  roleNames?: Record<string, string>;
  /** Companions (plugin README "Companions"): the lead this round follows, the companions it carries, drafts a submit could carry. */
  lead?: { uid: string; documentId: string } | null;
  companions?: Array<{ uid: string; documentId: string }>;
  companionDrafts?: number | null;
};

/** What GET /permissions says this user may do on this document now. */
export type Allowed = { submit: boolean; withdraw: boolean; decide: boolean; signOff: boolean; publish: boolean; schedule: boolean; unpublish: boolean; readAudit: boolean };

/** Changes whenever the Content Manager's copy of the document does (saved, published, unpublished, discarded). */
export function documentVersion(document: any): string {
  return [document?.updatedAt, document?.publishedAt, document?.status, document?.locale].map((v) => v ?? '').join('|');
}

function PanelBody({ model, documentId, document }: { model: string; documentId: string; document?: any }) {
  const t = useT();
  const { locale } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [status, setStatus] = React.useState<Status | null>(null);
  const [allowed, setAllowed] = React.useState<Allowed | null>(null);
  const docLocale: string | undefined = document?.locale ?? undefined;
  const version = documentVersion(document);
  const [comment, setComment] = React.useState('');
  const [conclusion, setConclusion] = React.useState('public');
  const [exemptionReason, setExemptionReason] = React.useState('');
  const [referredTo, setReferredTo] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [withCompanions, setWithCompanions] = React.useState(false);
  const { exemptionReasons: reasons, states } = useSiteSettings();

  const load = React.useCallback(async () => {
    const params = { uid: model, documentId, ...(docLocale ? { locale: docLocale } : {}) };
    const [s, p] = await Promise.all([get(`${API}/status`, { params }), get(`${API}/permissions`, { params })]);
    setStatus(s.data.data);
    setAllowed(p.data.data.actions);
  }, [get, model, documentId, docLocale]);

  React.useEffect(() => {
    load().catch(() => setStatus(null));
  }, [load, version]);

  const act = async (path: string, body: Record<string, unknown>) => {
    setBusy(true);
    try {
      await post(`${API}/${path}`, { uid: model, documentId, ...(docLocale ? { locale: docLocale } : {}), ...body });
      await load();
      setComment('');
      toggleNotification({ type: 'success', message: t('done') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorText(error, locale) });
    } finally {
      setBusy(false);
    }
  };

  if (!status || !allowed) return null;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="workflow-panel" data-version={version}>
      <Flex gap={2} wrap="wrap">
        <Badge data-testid="workflow-state">{pick(states[status.state], locale) || status.state}</Badge>
        {status.round > 0 && <Typography variant="pi">{t('round', { number: status.round })}</Typography>}
      </Flex>
      {status.steps.map((step, i) => (
        <Typography key={i} variant="pi" textColor={step.decision ? 'neutral800' : 'neutral500'}>
          {step.decision ? '✔' : i === status.current ? '▶' : '○'} {step.name}
          {step.decision ? ` · ${t(`action.${step.decision}`)}${step.comment ? `：${step.comment}` : ''}` : ''}
        </Typography>
      ))}
      {status.pendingRoles.length > 0 && <Typography variant="pi">{t('nextActor', { roles: status.pendingRoles.map((code: string) => status.roleNames?.[code] ?? code).join(', ') })}</Typography>}
      <Box background={status.canPublish ? 'success100' : 'warning100'} padding={2} hasRadius>
        <Typography variant="pi" data-testid="workflow-reason">{status.canPublish ? t('canPublish') : t(`reason.${status.reason}`)}</Typography>
      </Box>

      {status.round > 0 && <ChangesSection model={model} documentId={documentId} locale={docLocale} refresh={`${version}|${status.state}|${status.round}|${status.current}`} />}
      {(allowed.submit || allowed.decide || allowed.signOff) && (
        <Field.Root name="comment">
          <Field.Label>{t('comment')}</Field.Label>
          <Textarea name="comment" value={comment} onChange={(e: any) => setComment(e.target.value)} />
        </Field.Root>
      )}
      {status.lead && (
        <Typography variant="pi" data-testid="workflow-follows-lead">
          {t('companions.followsLead')} <Link href={`/admin/content-manager/collection-types/${status.lead.uid}/${status.lead.documentId}`}>{status.lead.documentId}</Link>
        </Typography>
      )}
      {(status.companions?.length ?? 0) > 0 && <Typography variant="pi" data-testid="workflow-companions">{t('companions.carried', { count: status.companions!.length })}</Typography>}
      {allowed.submit && (status.companionDrafts ?? 0) > 0 && (
        <Checkbox checked={withCompanions} onCheckedChange={(v: unknown) => setWithCompanions(v === true)} data-testid="submit-with-companions">
          {t('companions.submitWith', { count: status.companionDrafts })}
        </Checkbox>
      )}
      {allowed.submit && <Button loading={busy} onClick={() => act('submit', { comment, ...(withCompanions && (status.companionDrafts ?? 0) > 0 ? { withCompanions: true } : {}) })}>{t('action.submit')}</Button>}
      {allowed.withdraw && (
        <Button variant="tertiary" loading={busy} onClick={() => act('withdraw', {})}>{t('action.withdraw')}</Button>
      )}
      {allowed.decide && (
        <Flex gap={2} wrap="wrap">
          <Button loading={busy} onClick={() => act('decide', { decision: 'approve', comment })}>{t('action.approve')}</Button>
          <Button variant="secondary" loading={busy} onClick={() => act('decide', { decision: 'return', comment })}>{t('action.return')}</Button>
          <Button variant="danger-light" loading={busy} onClick={() => act('decide', { decision: 'reject', comment })}>{t('action.reject')}</Button>
        </Flex>
      )}
      {allowed.signOff && (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Field.Root name="conclusion">
            <Field.Label>{t('conclusion')}</Field.Label>
            <SingleSelect value={conclusion} onChange={(v: any) => setConclusion(String(v))}>
              {['public', 'redacted', 'withhold', 'escalate'].map((c) => (
                <SingleSelectOption key={c} value={c}>{t(`conclusion.${c}`)}</SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          {conclusion === 'withhold' && (
            <Field.Root name="exemptionReason">
              <Field.Label>{t('exemptionReason')}</Field.Label>
              <SingleSelect value={exemptionReason} onChange={(v: any) => setExemptionReason(String(v))}>
                {reasons.map((r) => <SingleSelectOption key={r.code} value={r.code}>{pick(r, locale)}</SingleSelectOption>)}
              </SingleSelect>
            </Field.Root>
          )}
          {conclusion === 'escalate' && (
            <Field.Root name="referredTo">
              <Field.Label>{t('referredTo')}</Field.Label>
              <TextInput value={referredTo} onChange={(e: any) => setReferredTo(e.target.value)} />
            </Field.Root>
          )}
          <Button loading={busy} onClick={() => act('sign-off', { conclusion, opinion: comment, exemptionReason: exemptionReason || null, referredTo: referredTo || null })}>
            {t('action.signOff')}
          </Button>
        </Flex>
      )}
      {allowed.schedule && <SchedulePicker model={model} documentId={documentId} locale={docLocale} version={version} companions={status.state === 'approved' ? status.companions?.length ?? 0 : 0} />}
      <Flex gap={3} wrap="wrap">
        {status.round > 0 && <Link href={`/admin/plugins/${PLUGIN_ID}/slip?uid=${encodeURIComponent(model)}&documentId=${documentId}${docLocale ? `&locale=${docLocale}` : ''}`}>{t('slip')}</Link>}
        {allowed.readAudit && <Link href={`/admin/plugins/${PLUGIN_ID}/audit?uid=${encodeURIComponent(model)}&documentId=${documentId}`}>{t('audit')}</Link>}
        {allowed.schedule && <Link href={`/admin/plugins/${PLUGIN_ID}/schedules`}>{t('menu.schedules')}</Link>}
      </Flex>
    </Flex>
  );
}

let governedTypes: Promise<string[]> | null = null;

/** Shown only for content types the plugin governs (asked once per page load). */
export const WorkflowPanel = ({ model, documentId, document }: { model: string; documentId?: string; document?: any }) => {
  const t = useT();
  const { get } = useFetchClient();
  const [governed, setGoverned] = React.useState<string[] | null>(null);
  React.useEffect(() => {
    governedTypes ??= get(`${API}/governed`).then(({ data }) => data.data as string[]);
    governedTypes.then(setGoverned).catch(() => setGoverned([]));
  }, [get]);
  if (!governed?.includes(model)) return null;
  return {
    title: t('panel.title'),
    content: documentId ? <PanelBody model={model} documentId={documentId} document={document} /> : <Typography variant="pi">{t('saveFirst')}</Typography>,
  };
};
