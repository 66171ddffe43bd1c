// Where this instance's portal code reads the public API: `disclosure.portal.api` (PORTAL_API), else
// the instance's own HTTP address (so the CMS reads itself exactly as an outside client would).
import type { Core } from '@strapi/strapi';

export function portalApi(strapi: Core.Strapi): string {
  const configured = strapi.config.get<string>('disclosure.portal.api');
  if (configured) return configured;
  const address = strapi.server.httpServer.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : strapi.config.get('server.port')}`;
}
