import { useIntl } from 'react-intl';
import { CASE_STATE_LABELS, DISPOSITION_LABELS, WITHDRAWAL_CHANNEL_LABELS, type CodeLabel } from '../../domain/code-labels';
import { PREFIX } from './translations';

/** The workflow plugin's admin routes, where the case handling lives on the server. */
export const API = '/disclosure-workflow';
export const PLUGIN_ID = 'disclosure-workflow';
export const REQUEST_UID = 'api::disclosure-request.disclosure-request';

/** Case-handling translation: t('case.panel'). */
export function useT() {
  const { formatMessage } = useIntl();
  return (id: string, values?: Record<string, unknown>) => formatMessage({ id: `${PREFIX}.${id}`, defaultMessage: id }, values as any);
}

const label = (labels: Record<string, CodeLabel>, code: string, locale: string) => {
  const found = labels[code];
  return found ? (locale.startsWith('zh') ? found.zh : found.en) : code;
};

/** Labels of a case stage and of a disposition, in the user's language (src/domain/code-labels.ts). */
export function useCodeLabels() {
  const { locale } = useIntl();
  return {
    stateLabel: (state: string) => label(CASE_STATE_LABELS, state, locale),
    dispositionLabel: (disposition: string) => label(DISPOSITION_LABELS, disposition, locale),
    withdrawalChannelLabel: (channel: string) => label(WITHDRAWAL_CHANNEL_LABELS, channel, locale),
  };
}
