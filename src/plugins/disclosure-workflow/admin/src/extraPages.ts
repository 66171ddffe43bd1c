// Extension point: pages an app adds to the plugin, beside its own (routed under
// /admin/plugins/disclosure-workflow/<path> and linked from the tasks page). An app registers them
// in its admin `bootstrap` through `app.getPlugin('disclosure-workflow').apis.addPage(...)`; the
// plugin's pages are rendered after every bootstrap, so the list is complete by then.
import type * as React from 'react';

export type ExtraPage = {
  /** Path under the plugin's route, without a leading slash (e.g. 'requests'). */
  path: string;
  Component: React.ComponentType;
  /** The link's text on the tasks page: a message id and its default. */
  label: { id: string; defaultMessage: string };
};

const pages: ExtraPage[] = [];

export function addPage(page: ExtraPage): void {
  const path = page.path.replace(/^\/+|\/+$/g, '');
  if (!path) throw new Error('disclosure-workflow addPage: a path is required');
  const index = pages.findIndex((p) => p.path === path);
  const entry = { ...page, path };
  if (index >= 0) pages[index] = entry;
  else pages.push(entry);
}

export const extraPages = (): readonly ExtraPage[] => pages;

/** The plugin's public admin APIs, as `app.getPlugin('disclosure-workflow').apis`. */
export type DisclosureWorkflowApis = { addPage: typeof addPage };
