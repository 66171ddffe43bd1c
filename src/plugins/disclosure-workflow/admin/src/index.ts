import { ACTIONS, PLUGIN_ID } from './pluginId';
import { WorkflowPanel } from './components/WorkflowPanel';
import { InspectionPanel } from './components/InspectionPanel';
import { MembersPanel } from './components/MembersPanel';
import { addPage } from './extraPages';

import { CheckCircle } from '@strapi/icons';

const ICON = CheckCircle;

// Public admin API of the plugin, for the app's admin customisation (src/admin): pages it adds
// (`app.getPlugin('disclosure-workflow').apis.addPage`) and the helpers its components share.
export { errorText } from './utils';
export type { DisclosureWorkflowApis, ExtraPage } from './extraPages';

export default {
  register(app: any) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID, apis: { addPage } });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: ICON,
      intlLabel: { id: `${PLUGIN_ID}.menu.tasks`, defaultMessage: 'My review tasks' },
      Component: () => import('./pages/App'),
      permissions: [],
    });
    app.createSettingSection(
      { id: PLUGIN_ID, intlLabel: { id: `${PLUGIN_ID}.settings.section`, defaultMessage: 'Disclosure workflow' } },
      [
        {
          id: 'chains',
          to: `${PLUGIN_ID}/chains`,
          intlLabel: { id: `${PLUGIN_ID}.settings.chains`, defaultMessage: 'Approval chains' },
          Component: () => import('./pages/ChainsPage'),
          permissions: [{ action: ACTIONS.manageChains, subject: null }],
        },
        {
          id: 'memberships',
          to: `${PLUGIN_ID}/memberships`,
          intlLabel: { id: `${PLUGIN_ID}.settings.memberships`, defaultMessage: 'Department memberships' },
          Component: () => import('./pages/MembershipsPage'),
          permissions: [{ action: ACTIONS.manageMemberships, subject: null }],
        },
      ],
    );
  },

  bootstrap(app: any) {
    app.getPlugin('content-manager').apis.addEditViewSidePanel([WorkflowPanel, InspectionPanel, MembersPanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          const prefixed = Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));
          return { data: prefixed, locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
  },
};
