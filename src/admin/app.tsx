import { Typography } from '@strapi/design-system';
import { InputRenderer, type StrapiApp } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { codeLabelMessages } from '../domain/code-labels';
import type { DisclosureWorkflowApis } from '../plugins/disclosure-workflow/admin/src';
import { STRAPI_CM_ZH_HANS_REKEYED, STRAPI_ZH_HANS } from './strapi-zh-Hans';
import { ChecksPanel, translations as reportTranslations } from './annual-report/ChecksPanel';
import { CasePanel } from './requests/CasePanel';
import { RequestsPage } from './requests/RequestsPage';
import { translations as requestTranslations } from './requests/translations';
import { NoticesToPostPage } from './requests/NoticesToPostPage';
import { noticeTranslations } from './requests/notice-translations';
import { TimelinessPage } from './timeliness/TimelinessPage';
import { TimelinessPanel } from './timeliness/TimelinessPanel';
import { translations as timelinessTranslations } from './timeliness/translations';

/**
 * Coded values (enumerations) read as words. Strapi's edit-view select and list filters already
 * look an enumeration value up as a message id (`formatMessage({ id: value })`), so the labels
 * from src/domain/code-labels.ts become translations keyed by the value; the list view prints the
 * raw value, so its enumeration cells go through the same messages (below, `EnumerationCell`), and
 * a filter chip shows an option's label only for a filter with its own input, so enumeration
 * filters get Strapi's own input explicitly.
 */
const EnumerationCell = ({ value }: { value: unknown }) => {
  const { formatMessage } = useIntl();
  const text = typeof value === 'string' && value !== '' ? formatMessage({ id: value, defaultMessage: value }) : '-';
  return (
    <Typography textColor="neutral800" title={typeof value === 'string' ? value : undefined}>
      {text}
    </Typography>
  );
};

interface ListHeader {
  name: string;
  attribute?: { type?: string };
  cellFormatter?: unknown;
}
interface ListFilter {
  type?: string;
  options?: unknown[];
  input?: unknown;
}
interface EditField {
  name: string;
  required?: boolean;
  attribute?: { pluginOptions?: { disclosure?: { requiredInForm?: boolean } } };
}

export default {
  config: {
    // Chinese (Simplified) beside English; each user picks theirs in their profile.
    locales: ['zh-Hans'],
    translations: {
      'zh-Hans': {
        ...STRAPI_CM_ZH_HANS_REKEYED,
        ...STRAPI_ZH_HANS,
        ...codeLabelMessages('zh'),
        ...requestTranslations['zh-Hans'],
        ...reportTranslations['zh-Hans'],
        ...noticeTranslations['zh-Hans'],
        ...timelinessTranslations['zh-Hans'],
        'Auth.form.welcome.title': '欢迎使用政府信息公开管理平台',
        'Auth.form.welcome.subtitle': '登录您的账号',
        'app.components.LeftMenu.navbrand.title': '政府信息公开',
        'app.components.LeftMenu.navbrand.workplace': '管理后台',
      },
      en: {
        ...codeLabelMessages('en'),
        ...requestTranslations.en,
        ...reportTranslations.en,
        ...noticeTranslations.en,
        ...timelinessTranslations.en,
        'Auth.form.welcome.title': 'Government information disclosure',
        'Auth.form.welcome.subtitle': 'Log in to your account',
        'app.components.LeftMenu.navbrand.title': 'Information disclosure',
        'app.components.LeftMenu.navbrand.workplace': 'Administration',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(app: StrapiApp) {
    // 依申请公开 case handling, plugged into the workflow plugin and the Content Manager: the case
    // panel beside the plugin's review panel (plugin bootstraps run first, so it comes after), and
    // the dashboard at /admin/plugins/disclosure-workflow/requests, linked from the tasks page.
    // The annual report's table 三 check beside it.
    (app.getPlugin('content-manager').apis as { addEditViewSidePanel: (panels: unknown[]) => void }).addEditViewSidePanel([CasePanel, ChecksPanel, TimelinessPanel]);
    (app.getPlugin('disclosure-workflow').apis as DisclosureWorkflowApis).addPage({
      path: 'requests',
      Component: RequestsPage,
      label: { id: 'disclosure-requests.menu.requests', defaultMessage: 'Disclosure requests' },
    });
    // 待邮寄告知书: paper notices waiting to be posted.
    (app.getPlugin('disclosure-workflow').apis as DisclosureWorkflowApis).addPage({
      path: 'notices-to-post',
      Component: NoticesToPostPage,
      label: { id: 'disclosure-notices.menu.toPost', defaultMessage: 'Notices to post' },
    });
    // §26 主动公开时效: per department and year, for the office (the route refuses other roles).
    (app.getPlugin('disclosure-workflow').apis as DisclosureWorkflowApis).addPage({
      path: 'timeliness',
      Component: TimelinessPage,
      label: { id: 'disclosure-timeliness.menu.page', defaultMessage: 'Publication timeliness (§26)' },
    });
    // List view: enumeration columns show the label, not the code.
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', ({ displayedHeaders, layout }: { displayedHeaders: ListHeader[]; layout: unknown }) => ({
      layout,
      displayedHeaders: displayedHeaders.map((header) =>
        header.attribute?.type === 'enumeration' && typeof header.cellFormatter !== 'function'
          ? { ...header, cellFormatter: (row: Record<string, unknown>) => <EnumerationCell value={row[header.name]} /> }
          : header,
      ),
    }));
    // List filters: the chip of an enumeration filter names the option's label, not the code.
    app.registerHook('Admin/CM/pages/ListView/inject-in-filters', ({ displayedFilters, layout }: { displayedFilters: ListFilter[]; layout: unknown }) => ({
      layout,
      displayedFilters: displayedFilters.map((filter) =>
        filter.type === 'enumeration' && Array.isArray(filter.options) && !filter.input ? { ...filter, input: InputRenderer } : filter,
      ),
    }));
    // Edit view: relations the domain rules require (schema `pluginOptions.disclosure.requiredInForm`)
    // get the required mark. Not `required: true` on the relation itself: that would turn the
    // GraphQL field non-null, and the rules middleware already refuses a missing value field by field.
    app.registerHook('Admin/CM/pages/EditView/mutate-edit-view-layout', ({ layout, ...rest }: { layout: { layout: EditField[][][] } & Record<string, unknown> }) => ({
      ...rest,
      layout: {
        ...layout,
        layout: layout.layout.map((panel) =>
          panel.map((row) => row.map((field) => (field.attribute?.pluginOptions?.disclosure?.requiredInForm ? { ...field, required: true } : field))),
        ),
      },
    }));
  },
};
