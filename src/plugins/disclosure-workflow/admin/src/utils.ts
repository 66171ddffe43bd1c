import { useIntl } from 'react-intl';
import { PLUGIN_ID } from './pluginId';

/** Plugin-scoped translation: t('state.in_review'). */
export function useT() {
  const { formatMessage } = useIntl();
  return (id: string, values?: Record<string, unknown>) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id }, values as any);
}

export const list = (text: string) => text.split(/[,，\s]+/).map((s) => s.trim()).filter(Boolean);

/** The refusal text of an admin API error, in the user's language when the server gave both. */
export function errorText(error: any, locale: string): string {
  const body = error?.response?.data?.error;
  if (body?.details?.zh && body?.details?.en) return locale.startsWith('zh') ? body.details.zh : body.details.en;
  return body?.message ?? String(error?.message ?? error);
}

/** An instant as 'YYYY-MM-DD HH:mm' in the site's time zone (Asia/Shanghai), whatever the browser's. */
export function formatInZone(iso: string, timeZone = 'Asia/Shanghai'): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
