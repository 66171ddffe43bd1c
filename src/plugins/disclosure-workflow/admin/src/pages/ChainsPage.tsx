// Settings → Disclosure workflow → Approval chains: ordered steps, roles, conditions, scope.
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { API } from '../pluginId';
import { errorText, list, useT } from '../utils';

type Scope = 'department' | 'any';
type Step = { name: string; roles: string[]; when?: Record<string, unknown> | null; scope?: Scope };
type Chain = { id?: number; name: string; contentTypes: string[]; departments: string[] | null; submitRoles: string[]; signOffRoles: string[]; signOffScope?: Scope; steps: Step[]; priority?: number; enabled?: boolean };

const blank = (): Chain => ({ name: '', contentTypes: ['*'], departments: null, submitRoles: ['gov-author'], signOffRoles: ['gov-secrecy-reviewer'], steps: [{ name: '', roles: [] }] });
const whenText = (when?: Record<string, unknown> | null) => Object.entries(when ?? {}).map(([k, v]) => `${k}=${v}`).join(', ');
const parseWhen = (text: string) => {
  const pairs = list(text).map((p) => p.split('='));
  if (!pairs.length) return null;
  return Object.fromEntries(pairs.map(([k, v]) => [k, v === 'true' ? true : v === 'false' ? false : v]));
};

function ListInput({ label, value, onChange }: { label: string; value: string[] | null; onChange: (v: string[]) => void }) {
  const [text, setText] = React.useState((value ?? []).join(', '));
  return (
    <Field.Root>
      <Field.Label>{label}</Field.Label>
      <TextInput value={text} onChange={(e: any) => setText(e.target.value)} onBlur={() => onChange(list(text))} />
    </Field.Root>
  );
}

/** Who of the roles may act: members of the document's department (default) or anyone. */
function ScopeSelect({ value, onChange }: { value?: Scope; onChange: (v: Scope) => void }) {
  const t = useT();
  return (
    <Field.Root>
      <Field.Label>{t('chains.scope')}</Field.Label>
      <SingleSelect value={value ?? 'department'} onChange={(v: any) => onChange(v as Scope)}>
        <SingleSelectOption value="department">{t('chains.scope.department')}</SingleSelectOption>
        <SingleSelectOption value="any">{t('chains.scope.any')}</SingleSelectOption>
      </SingleSelect>
    </Field.Root>
  );
}

function ChainForm({ chain, onSaved }: { chain: Chain; onSaved: () => void }) {
  const t = useT();
  const { locale } = useIntl();
  const { post, put, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [draft, setDraft] = React.useState<Chain>(chain);
  const set = (patch: Partial<Chain>) => setDraft((d) => ({ ...d, ...patch }));
  const setStep = (i: number, patch: Partial<Step>) => set({ steps: draft.steps.map((s, j) => (i === j ? { ...s, ...patch } : s)) });

  const save = async () => {
    try {
      const body = { ...draft, departments: draft.departments?.length ? draft.departments : null };
      if (draft.id) await put(`${API}/chains/${draft.id}`, body);
      else await post(`${API}/chains`, body);
      toggleNotification({ type: 'success', message: t('chains.saved') });
      onSaved();
    } catch (error: any) {
      const fields = error?.response?.data?.error?.details?.errors?.map((e: any) => e.message).join('; ');
      toggleNotification({ type: 'danger', message: fields || errorText(error, locale) });
    }
  };

  return (
    <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius marginBottom={4}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Field.Root required>
          <Field.Label>{t('chains.name')}</Field.Label>
          <TextInput value={draft.name} onChange={(e: any) => set({ name: e.target.value })} />
        </Field.Root>
        <ListInput label={t('chains.contentTypes')} value={draft.contentTypes} onChange={(v) => set({ contentTypes: v })} />
        <ListInput label={t('chains.departments')} value={draft.departments} onChange={(v) => set({ departments: v })} />
        <ListInput label={t('chains.submitRoles')} value={draft.submitRoles} onChange={(v) => set({ submitRoles: v })} />
        <Typography variant="delta">{t('chains.steps')}</Typography>
        {draft.steps.map((step, i) => (
          <Flex key={i} gap={2} alignItems="flex-end">
            <Field.Root><Field.Label>{`${i + 1}. ${t('chains.stepName')}`}</Field.Label><TextInput value={step.name} onChange={(e: any) => setStep(i, { name: e.target.value })} /></Field.Root>
            <ListInput label={t('chains.stepRoles')} value={step.roles} onChange={(v) => setStep(i, { roles: v })} />
            <Field.Root><Field.Label>{t('chains.stepWhen')}</Field.Label><TextInput defaultValue={whenText(step.when)} onBlur={(e: any) => setStep(i, { when: parseWhen(e.target.value) })} /></Field.Root>
            <ScopeSelect value={step.scope} onChange={(scope) => setStep(i, { scope })} />
            <Button variant="danger-light" onClick={() => set({ steps: draft.steps.filter((_, j) => j !== i) })}>✕</Button>
          </Flex>
        ))}
        <Box><Button variant="secondary" onClick={() => set({ steps: [...draft.steps, { name: '', roles: [] }] })}>{t('chains.addStep')}</Button></Box>
        <Flex gap={2} alignItems="flex-end">
          <ListInput label={t('chains.signOffRoles')} value={draft.signOffRoles} onChange={(v) => set({ signOffRoles: v })} />
          <ScopeSelect value={draft.signOffScope} onChange={(signOffScope) => set({ signOffScope })} />
        </Flex>
        <Flex gap={2}>
          <Button onClick={save}>{t('chains.save')}</Button>
          {draft.id && <Button variant="danger" onClick={() => del(`${API}/chains/${draft.id}`).then(onSaved)}>{t('chains.delete')}</Button>}
        </Flex>
      </Flex>
    </Box>
  );
}

export const ChainsPage = () => {
  const t = useT();
  const { get } = useFetchClient();
  const [chains, setChains] = React.useState<Chain[] | null>(null);
  const load = React.useCallback(() => get(`${API}/chains`).then(({ data }) => setChains(data.data)), [get]);
  React.useEffect(() => {
    load().catch(() => setChains([]));
  }, [load]);
  if (!chains) return <Page.Loading />;
  return (
    <Page.Main>
      <Page.Title>{t('chains.title')}</Page.Title>
      <Layouts.Header title={t('chains.title')} subtitle={t('chains.subtitle')} primaryAction={<Button onClick={() => setChains([...chains, blank()])}>{t('chains.add')}</Button>} />
      <Layouts.Content>
        {chains.map((chain, i) => <ChainForm key={chain.id ?? `new-${i}`} chain={chain} onSaved={load} />)}
      </Layouts.Content>
    </Page.Main>
  );
};

export default ChainsPage;
