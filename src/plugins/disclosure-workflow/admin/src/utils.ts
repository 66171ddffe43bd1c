import * as React from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient } from '@strapi/strapi/admin';
import { API, PLUGIN_ID } from './pluginId';

/** Plugin-scoped translation: t('tasks.title'). */
export function useT() {
  const { formatMessage } = useIntl();
  return (id: string, values?: Record<string, unknown>) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id }, values as any);
}

export const list = (text: string) => text.split(/[,，\s]+/).map((s) => s.trim()).filter(Boolean);

/** The refusal text of an admin API error, in the user's language when the server gave both. */
export function errorText(error: any, locale: string): string {
  const body = error?.response?.data?.error;
  // A refusal about a companion (or a lead) names it: documentId and its own reason.
  const named = body?.details?.companion ?? body?.details?.lead;
  const about = named?.documentId ? ` (${named.documentId}${body.details.reason ? `: ${body.details.reason}` : ''})` : '';
  if (body?.details?.zh && body?.details?.en) return (locale.startsWith('zh') ? body.details.zh : body.details.en) + about;
  return body?.message ?? String(error?.message ?? error);
}

/** An instant as 'YYYY-MM-DD HH:mm' in the site's time zone (Asia/Shanghai), whatever the browser's. */
export function formatInZone(iso: string, timeZone = 'Asia/Shanghai'): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** An instant in the user's language, in the site's time zone (e.g. 2025/3/5 14:07 or Mar 5, 2025, 2:07 PM). */
export function formatDateTime(iso: string | null | undefined, locale: string, timeZone = 'Asia/Shanghai'): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** How long something has waited, in days and hours (or minutes under an hour). */
export function formatWaiting(ms: number, t: (id: string, values?: Record<string, unknown>) => string): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return t('wait.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('wait.hours', { hours });
  return t('wait.days', { days: Math.floor(hours / 24), hours: hours % 24 });
}

type Labelled = { code: string; zh: string; en: string };
export type SiteSettings = {
  timeZone: string; events: Labelled[]; exemptionReasons: Labelled[]; states: Record<string, { zh: string; en: string }>;
  /** The owning-unit content type (the `departments` setting), if any. */
  departmentType: string | null;
};
let settings: Promise<SiteSettings> | null = null;

/** GET /settings, asked once per page load: time zone, event, exemption-reason and round-state labels, the unit type. */
export function useSiteSettings(): SiteSettings {
  const { get } = useFetchClient();
  const [value, setValue] = React.useState<SiteSettings>({ timeZone: 'Asia/Shanghai', events: [], exemptionReasons: [], states: {}, departmentType: null });
  React.useEffect(() => {
    settings ??= get(`${API}/settings`).then(({ data }) => data.data as SiteSettings);
    settings.then(setValue).catch(() => (settings = null));
  }, [get]);
  return value;
}

/** A { zh, en } label in the user's language. */
export const pick = (label: { zh: string; en: string } | null | undefined, locale: string) => (label ? (locale.startsWith('zh') ? label.zh : label.en) : '');
