// Where this instance's portal code reads the public API: `disclosure.portal.api` (PORTAL_API), else
// the instance's own HTTP address (so the CMS reads itself exactly as an outside client would).
import type { Core } from '@strapi/strapi';

export function portalApi(strapi: Core.Strapi): string {
  const configured = strapi.config.get<string>('disclosure.portal.api');
  if (configured) return configured;
  const address = strapi.server.httpServer.address();
  if (!address || typeof address !== 'object') return `http://127.0.0.1:${strapi.config.get('server.port')}`;
  // Listening on every interface: the loopback one; on one address (HOST): that one.
  const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
