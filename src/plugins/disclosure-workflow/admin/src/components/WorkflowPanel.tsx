// Edit-view side panel: the chain's progress, who acts next, the actions this user may take,
// the sign-off form and why publishing is blocked.
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Badge, Box, Button, Field, Flex, Link, SingleSelect, SingleSelectOption, TextInput, Textarea, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification, useAuth } from '@strapi/strapi/admin';
import { API, PLUGIN_ID } from '../pluginId';
import { errorText, useT } from '../utils';
import { SchedulePicker } from './SchedulePicker';

const REASONS = ['stateSecret', 'lawForbidden', 'safetyStability', 'thirdPartyRights', 'internalAffairs', 'processInfo', 'enforcementCase', 'adminQuery'];

type Status = {
  state: string;
  round: number;
  steps: Array<{ name: string; roles: string[]; decision?: string; actor?: number; at?: string; comment?: string }>;
  current: number | null;
  pendingRoles: string[];
  submitter: number | null;
  canPublish: boolean;
  reason?: string;
};

function PanelBody({ model, documentId }: { model: string; documentId: string }) {
  const t = useT();
  const { locale } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const user = useAuth('WorkflowPanel', (state) => state.user);
  const [status, setStatus] = React.useState<Status | null>(null);
  const [comment, setComment] = React.useState('');
  const [conclusion, setConclusion] = React.useState('public');
  const [exemptionReason, setExemptionReason] = React.useState('');
  const [referredTo, setReferredTo] = React.useState('');
  const [busy, setBusy] = React.useState(false);

  const load = React.useCallback(async () => {
    const { data } = await get(`${API}/status`, { params: { uid: model, documentId } });
    setStatus(data.data);
  }, [get, model, documentId]);

  React.useEffect(() => {
    load().catch(() => setStatus(null));
  }, [load]);

  const act = async (path: string, body: Record<string, unknown>) => {
    setBusy(true);
    try {
      const { data } = await post(`${API}/${path}`, { uid: model, documentId, ...body });
      setStatus(data.data);
      setComment('');
      toggleNotification({ type: 'success', message: t('done') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorText(error, locale) });
    } finally {
      setBusy(false);
    }
  };

  if (!status) return null;
  const roles: string[] = ((user as any)?.roles ?? []).map((r: any) => r.code);
  const mayAct = status.pendingRoles.some((r) => roles.includes(r)) && status.submitter !== user?.id;
  const isSubmitter = status.submitter === user?.id;
  const canSubmit = ['draft', 'returned', 'rejected', 'withdrawn'].includes(status.state);

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Flex gap={2} wrap="wrap">
        <Badge data-testid="workflow-state">{t(`state.${status.state}`)}</Badge>
        {status.round > 0 && <Typography variant="pi">{t('round', { number: status.round })}</Typography>}
      </Flex>
      {status.steps.map((step, i) => (
        <Typography key={i} variant="pi" textColor={step.decision ? 'neutral800' : 'neutral500'}>
          {step.decision ? '✔' : i === status.current ? '▶' : '○'} {step.name}
          {step.decision ? ` · ${t(`action.${step.decision}`)}${step.comment ? `：${step.comment}` : ''}` : ''}
        </Typography>
      ))}
      {status.pendingRoles.length > 0 && <Typography variant="pi">{t('nextActor', { roles: status.pendingRoles.join(', ') })}</Typography>}
      <Box background={status.canPublish ? 'success100' : 'warning100'} padding={2} hasRadius>
        <Typography variant="pi" data-testid="workflow-reason">{status.canPublish ? t('canPublish') : t(`reason.${status.reason}`)}</Typography>
      </Box>

      {(mayAct || canSubmit) && (
        <Field.Root name="comment">
          <Field.Label>{t('comment')}</Field.Label>
          <Textarea name="comment" value={comment} onChange={(e: any) => setComment(e.target.value)} />
        </Field.Root>
      )}
      {canSubmit && <Button loading={busy} onClick={() => act('submit', { comment })}>{t('action.submit')}</Button>}
      {isSubmitter && ['in_review', 'awaiting_signoff', 'escalated'].includes(status.state) && (
        <Button variant="tertiary" loading={busy} onClick={() => act('withdraw', {})}>{t('action.withdraw')}</Button>
      )}
      {mayAct && status.state === 'in_review' && (
        <Flex gap={2} wrap="wrap">
          <Button loading={busy} onClick={() => act('decide', { decision: 'approve', comment })}>{t('action.approve')}</Button>
          <Button variant="secondary" loading={busy} onClick={() => act('decide', { decision: 'return', comment })}>{t('action.return')}</Button>
          <Button variant="danger-light" loading={busy} onClick={() => act('decide', { decision: 'reject', comment })}>{t('action.reject')}</Button>
        </Flex>
      )}
      {mayAct && ['awaiting_signoff', 'escalated'].includes(status.state) && (
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
                {REASONS.map((r) => <SingleSelectOption key={r} value={r}>{r}</SingleSelectOption>)}
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
      <SchedulePicker model={model} documentId={documentId} />
      {status.round > 0 && (
        <Flex gap={3}>
          <Link href={`/admin/plugins/${PLUGIN_ID}/slip?uid=${encodeURIComponent(model)}&documentId=${documentId}`}>{t('slip')}</Link>
          <Link href={`/admin/plugins/${PLUGIN_ID}/audit?uid=${encodeURIComponent(model)}&documentId=${documentId}`}>{t('audit')}</Link>
          <Link href={`/admin/plugins/${PLUGIN_ID}/schedules`}>{t('menu.schedules')}</Link>
        </Flex>
      )}
    </Flex>
  );
}

let governedTypes: Promise<string[]> | null = null;

/** Shown only for content types the plugin governs (asked once per page load). */
export const WorkflowPanel = ({ model, documentId }: { model: string; documentId?: string }) => {
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
    content: documentId ? <PanelBody model={model} documentId={documentId} /> : <Typography variant="pi">{t('saveFirst')}</Typography>,
  };
};
