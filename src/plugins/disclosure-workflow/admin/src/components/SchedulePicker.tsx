// 定时发布 in the edit view: schedule a publish or unpublish of this document, in the site's time
// zone (Asia/Shanghai), and see or cancel what is already scheduled.
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Button, Checkbox, Field, Flex, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { API } from '../pluginId';
import { errorText, formatInZone, useT } from '../utils';

export function SchedulePicker({ model, documentId, locale: docLocale, version, companions = 0 }: { model: string; documentId: string; locale?: string; version?: string; companions?: number }) {
  const t = useT();
  const { locale } = useIntl();
  const { get, post, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [rows, setRows] = React.useState<any[]>([]);
  const [action, setAction] = React.useState('publish');
  const [at, setAt] = React.useState('');
  const [withCompanions, setWithCompanions] = React.useState(true);
  const carry = companions > 0 && action === 'publish' && withCompanions;

  const load = React.useCallback(() => get(`${API}/schedules`, { params: { documentId } }).then(({ data }) => setRows(data.data)), [get, documentId]);
  React.useEffect(() => {
    load().catch(() => setRows([]));
  }, [load, version]);

  const run = async (call: () => Promise<unknown>) => {
    try {
      await call();
      toggleNotification({ type: 'success', message: t('done') });
      await load();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorText(error, locale) });
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="sigma">{t('schedule.title')}</Typography>
      {rows.filter((r) => r.state !== 'cancelled').map((r) => (
        <Flex key={r.id} gap={2} justifyContent="space-between">
          <Typography variant="pi">
            {t(`schedule.action.${r.action}`)} · {formatInZone(r.dueAt)} · {t(`schedule.state.${r.state}`)}{r.reasonCode ? ` (${r.reasonCode})` : ''}{Array.isArray(r.companions) && r.companions.length ? ` · ${t('companions.carried', { count: r.companions.length })}` : ''}
          </Typography>
          {['pending', 'failed'].includes(r.state) && <Button size="S" variant="tertiary" onClick={() => run(() => del(`${API}/schedules/${r.id}`))}>{t('schedule.cancel')}</Button>}
        </Flex>
      ))}
      <Field.Root name="scheduleAction">
        <SingleSelect value={action} onChange={(v: any) => setAction(String(v))}>
          <SingleSelectOption value="publish">{t('schedule.action.publish')}</SingleSelectOption>
          <SingleSelectOption value="unpublish">{t('schedule.action.unpublish')}</SingleSelectOption>
        </SingleSelect>
      </Field.Root>
      <Field.Root name="scheduleAt" hint={t('schedule.zone')}>
        <TextInput type="datetime-local" value={at} onChange={(e: any) => setAt(e.target.value)} aria-label={t('schedule.at')} />
        <Field.Hint />
      </Field.Root>
      {companions > 0 && action === 'publish' && (
        <Checkbox checked={withCompanions} onCheckedChange={(v: unknown) => setWithCompanions(v === true)} data-testid="schedule-with-companions">
          {t('companions.scheduleWith', { count: companions })}
        </Checkbox>
      )}
      <Button variant="secondary" disabled={!at} onClick={() => run(() => post(`${API}/schedules`, { uid: model, documentId, ...(docLocale ? { locale: docLocale } : {}), action, at: at.replace('T', ' '), ...(carry ? { withCompanions: true } : {}) }))}>
        {t('schedule.submit')}
      </Button>
    </Flex>
  );
}
