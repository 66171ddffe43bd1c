// Edit-view side panel of a 依申请公开 case: its stage and derived clock, what happened so far, and
// the actions this user may take at this stage (asked from the server: only the office is offered
// assign and extend, a handler only their own cases). Reloaded whenever the document changes.
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Badge, Box, Button, Field, Flex, Link, SingleSelect, SingleSelectOption, TextInput, Textarea, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { errorText } from '../../plugins/disclosure-workflow/admin/src';
import { CONSULTATION_OUTCOMES, WITHDRAWAL_CHANNELS } from '../../domain/request-codes';
import { REPLY_TYPES, REPLY_TYPE_REQUIRES, type ReplyType } from '../../domain/reply-types';
import { EXEMPTION_REASON_LABELS, REPLY_TYPE_LABELS } from '../../domain/code-labels';
import { API, PLUGIN_ID, REQUEST_UID, useCodeLabels, useT } from './utils';
import { NoticesPanel } from './NoticesPanel';

/** The inputs each action asks for, besides an optional note; a reply type adds the fields it requires. */
const FIELDS: Record<string, string[]> = {
  confirmReceipt: ['date'],
  answerOnTheSpot: ['replyType', 'summary', 'document'],
  assign: ['department', 'handler'],
  requestCorrection: ['deadline', 'items'],
  startConsultation: ['kind', 'party', 'sentAt', 'deliveredAt'],
  recordConsultationAnswer: ['outcome', 'reason'],
  extend: ['days', 'reason'],
  feeNotice: ['mode', 'pages', 'amount', 'reduction', 'reason'],
  recordPayment: ['amount', 'date', 'receiptNumber'],
  declineExcessive: ['reason'],
  setReasonableDate: ['date', 'reason'],
  draftReply: ['replyType'],
  publishAsItem: ['title'],
  acceptLateCorrection: ['reason'],
  withdraw: ['channel', 'date'],
};
const DATES = ['date', 'deadline', 'sentAt', 'deliveredAt'];
const NUMBERS = ['days', 'pages', 'amount', 'reduction', 'handler'];
const TEXTS = ['reason', 'items', 'summary', 'accessRoute'];

/** The action's inputs, with those the chosen reply type requires after the type. */
const inputsOf = (action: string, input: Record<string, string>) =>
  (FIELDS[action] ?? []).flatMap((key) => (key === 'replyType' ? [key, ...(REPLY_TYPE_REQUIRES[input.replyType as ReplyType] ?? [])] : [key])).filter((key) => key !== 'pages' || input.mode === 'perPage');

export type CaseView = {
  documentId: string; queryCode: string; state: string; receivedAt: string; dueAt: string | null; closedAt: string | null;
  disposition: string | null; assignedLate: boolean; handler: { id: number; name: string } | null;
  submittedAt: string | null; waitingDays: number | null;
  clock: null | { workingDaysLeft: number; overdue: boolean; dueSoon: boolean; paused: boolean; resumesAt: string | null; provisional: boolean; awaitingCorrection: boolean };
  events: Array<{
    type: string; date: string; note?: string; reason?: string; lateReason?: string; channel?: string; days?: number; deadline?: string; reply?: string; item?: string;
    party?: string; answerBy?: string; outcome?: string; deemedConsent?: boolean; amount?: number; payBy?: string; receiptNumber?: string; dueAt?: string; items?: string; summary?: string;
  }>;
  actions: string[];
};

export function ClockBadges({ view }: { view: CaseView }) {
  const t = useT();
  const { stateLabel } = useCodeLabels();
  const c = view.clock;
  return (
    <Flex gap={1} wrap="wrap">
      <Badge>{stateLabel(view.state)}</Badge>
      {c?.overdue && <Badge backgroundColor="danger100" textColor="danger700">{t('case.overdue', { days: -c.workingDaysLeft })}</Badge>}
      {c && !c.overdue && <Badge backgroundColor={c.dueSoon ? 'warning100' : 'neutral100'}>{t('case.daysLeft', { days: c.workingDaysLeft })}</Badge>}
      {c?.paused && <Badge>{c.resumesAt ? t('case.pausedUntil', { date: c.resumesAt }) : t('case.paused')}</Badge>}
      {view.waitingDays !== null && view.waitingDays !== undefined && <Badge backgroundColor={view.waitingDays > 1 ? 'warning100' : 'neutral100'}>{t('case.awaitingConfirmation', { days: view.waitingDays })}</Badge>}
      {c?.provisional && <Badge>{t('case.provisional')}</Badge>}
      {view.assignedLate && <Badge backgroundColor="warning100">{t('case.assignedLate')}</Badge>}
    </Flex>
  );
}

function PanelBody({ documentId, version }: { documentId: string; version: string }) {
  const t = useT();
  const { dispositionLabel, withdrawalChannelLabel } = useCodeLabels();
  const { locale } = useIntl();
  const zh = locale.startsWith('zh');
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [view, setView] = React.useState<CaseView | null>(null);
  const [allowed, setAllowed] = React.useState<string[]>([]);
  const [action, setAction] = React.useState('');
  const [input, setInput] = React.useState<Record<string, string>>({});
  const [options, setOptions] = React.useState<{ departments: any[]; users: any[] }>({ departments: [], users: [] });
  const [busy, setBusy] = React.useState(false);

  const load = React.useCallback(async () => {
    const [caseRes, permRes] = await Promise.all([
      get(`${API}/requests/${documentId}`),
      get(`${API}/permissions`, { params: { uid: REQUEST_UID, documentId } }),
    ]);
    setView(caseRes.data.data);
    setAllowed(permRes.data.data.caseActions ?? []);
  }, [get, documentId]);
  React.useEffect(() => {
    load().catch(() => setView(null));
  }, [load, version]);
  React.useEffect(() => {
    if (action !== 'assign' || options.departments.length) return;
    get(`${API}/requests/assignees`).then(({ data }) => setOptions({ departments: data.data.departments, users: data.data.handlers })).catch(() => undefined);
  }, [action, get, options.departments.length]);

  if (!view) return null;
  const set = (key: string) => (value: string) => setInput((prev) => ({ ...prev, [key]: value }));
  const run = async () => {
    setBusy(true);
    try {
      const body: Record<string, unknown> = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== ''));
      for (const key of NUMBERS) if (body[key] !== undefined) body[key] = Number(body[key]);
      if (body.document !== undefined) body.document = body.document === 'true';
      for (const key of Object.keys(body)) if (!inputsOf(action, input).includes(key) && key !== 'note') delete body[key];
      await post(`${API}/requests/${documentId}/actions/${action}`, body);
      await load();
      setAction('');
      setInput({});
      toggleNotification({ type: 'success', message: t('done') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorText(error, locale) });
    } finally {
      setBusy(false);
    }
  };
  const select = (key: string, values: Array<[string, string]>) => (
    <SingleSelect value={input[key] ?? ''} onChange={(v: any) => set(key)(String(v))}>
      {values.map(([value, label]) => <SingleSelectOption key={value} value={value}>{label}</SingleSelectOption>)}
    </SingleSelect>
  );
  const field = (key: string) => {
    if (key === 'department') return select(key, options.departments.map((d) => [d.documentId, `${d.code} ${d.name}`]));
    if (key === 'handler') return select(key, options.users.map((u) => [String(u.id), `${u.name} ${u.email}`]));
    if (key === 'kind') return select(key, [['thirdParty', t('case.kind.thirdParty')], ['otherAgency', t('case.kind.otherAgency')]]);
    if (key === 'replyType') return select(key, REPLY_TYPES.map((r) => [r, REPLY_TYPE_LABELS[r][zh ? 'zh' : 'en']]));
    if (key === 'exemptionReason') return select(key, Object.entries(EXEMPTION_REASON_LABELS).map(([r, l]) => [r, l[zh ? 'zh' : 'en']]));
    if (key === 'outcome') return select(key, CONSULTATION_OUTCOMES.map((o) => [o, t(`case.outcome.${o}`)]));
    if (key === 'mode') return select(key, [['perCase', t('case.mode.perCase')], ['perPage', t('case.mode.perPage')]]);
    if (key === 'document') return select(key, [['false', t('case.document.false')], ['true', t('case.document.true')]]);
    if (key === 'channel') return select(key, WITHDRAWAL_CHANNELS.map((c) => [c, withdrawalChannelLabel(c)]));
    if (TEXTS.includes(key)) return <Textarea value={input[key] ?? ''} onChange={(e: any) => set(key)(e.target.value)} />;
    return <TextInput type={DATES.includes(key) ? 'date' : NUMBERS.includes(key) ? 'number' : 'text'} value={input[key] ?? ''} onChange={(e: any) => set(key)(e.target.value)} />;
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <ClockBadges view={view} />
      <Typography variant="pi">
        {view.receivedAt ? t('case.dates', { received: view.receivedAt, due: view.dueAt ?? '—' }) : t('case.submitted', { submitted: view.submittedAt ?? '—' })}
      </Typography>
      {view.handler && <Typography variant="pi">{t('case.handler', { name: view.handler.name })}</Typography>}
      {view.disposition && <Typography variant="pi">{dispositionLabel(view.disposition)}</Typography>}
      <Box>
        {view.events.map((e, i) => (
          <Typography key={i} variant="pi" tag="p">
            {e.date} · {t(`case.event.${e.type}`)}
            {e.days ? ` +${e.days}` : ''}{e.deadline ? ` → ${e.deadline}` : ''}{e.party ? ` · ${e.party}` : ''}{e.answerBy ? ` · ${t('case.answerBy', { date: e.answerBy })}` : ''}
            {e.outcome ? ` · ${t(`case.outcome.${e.outcome}`)}${e.deemedConsent ? t('case.deemedConsent') : ''}` : ''}
            {e.amount !== undefined ? ` · ${e.amount}${t('case.yuan')}` : ''}{e.payBy ? ` · ${t('case.payBy', { date: e.payBy })}` : ''}{e.receiptNumber ? ` · ${e.receiptNumber}` : ''}
            {e.dueAt ? ` → ${e.dueAt}` : ''}{e.items ? `：${e.items}` : ''}{e.summary ? `：${e.summary}` : ''}
            {e.reason || e.lateReason ? `（${e.reason ?? e.lateReason}）` : ''}{e.channel ? ` · ${withdrawalChannelLabel(e.channel)}` : ''}{e.note ? `：${e.note}` : ''}
            {e.reply && <Link href={`/admin/content-manager/collection-types/api::request-reply.request-reply/${e.reply}`}> {t('case.openReply')}</Link>}
            {e.item && <Link href={`/admin/content-manager/collection-types/api::disclosure-item.disclosure-item/${e.item}`}> {t('case.openItem')}</Link>}
          </Typography>
        ))}
      </Box>
      {allowed.length > 0 && (
        <Field.Root name="caseAction">
          <Field.Label>{t('case.action')}</Field.Label>
          <SingleSelect value={action} onChange={(v: any) => (setAction(String(v)), setInput({}))}>
            {allowed.map((a) => <SingleSelectOption key={a} value={a}>{t(`case.action.${a}`)}</SingleSelectOption>)}
          </SingleSelect>
        </Field.Root>
      )}
      {action && (
        <Flex direction="column" alignItems="stretch" gap={2}>
          {[...inputsOf(action, input), 'note'].map((key) => (
            <Field.Root key={key} name={key}>
              <Field.Label>{t(`case.field.${key}`)}</Field.Label>
              {field(key)}
            </Field.Root>
          ))}
          <Button loading={busy} onClick={run}>{t(`case.action.${action}`)}</Button>
        </Flex>
      )}
      <NoticesPanel documentId={documentId} version={`${version}|${view.events.length}`} />
      <Link href={`/admin/plugins/${PLUGIN_ID}/requests`}>{t('menu.requests')}</Link>
    </Flex>
  );
}

export const CasePanel = ({ model, documentId, document }: { model: string; documentId?: string; document?: any }) => {
  const t = useT();
  if (model !== REQUEST_UID) return null;
  return {
    title: t('case.panel'),
    content: documentId ? <PanelBody documentId={documentId} version={[document?.updatedAt, document?.status].join('|')} /> : <Typography variant="pi">{t('saveFirst')}</Typography>,
  };
};
