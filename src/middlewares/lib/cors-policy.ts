// Who may read this server's responses from another origin (configures `strapi::cors`).
//
// - The server's own origin and the origins in CORS_ORIGINS: every route, with credentials
//   (cookies: the admin's refresh cookie lives on /admin).
// - Any other origin: only the public read API — GET/HEAD (and their preflight) under the REST
//   prefix, and `/graphql` (public reads over POST too) — and never with credentials, so no
//   cookie-bearing response is ever readable by a foreign page. Admin routes, writes
//   (`POST /api/…`: intake, auth) and everything else: no CORS headers at all.
export interface CorsSettings {
  /** Extra trusted origins (scheme://host[:port]), e.g. from CORS_ORIGINS. */
  trusted: string[];
  /** server.url (PUBLIC_URL) when absolute: its origin counts as our own. */
  publicUrl?: string;
  /** REST prefix (`/api`) and the GraphQL endpoint (`/graphql`). */
  restPrefix: string;
  graphqlPath: string;
}

const READ_METHODS = new Set(['GET', 'HEAD']);

export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

export function parseOrigins(list: string | string[] | undefined): string[] {
  const items = Array.isArray(list) ? list : String(list ?? '').split(',');
  return items.map((s) => originOf(s.trim())).filter((o): o is string => !!o);
}

type Ctx = { get(name: string): string; method: string; path: string; protocol: string; host: string };

/** Routing ignores case (`/API/…` reaches `/api/…`), so the prefix is compared case-insensitively. */
const under = (path: string, prefix: string) => {
  const p = path.toLowerCase();
  const q = prefix.toLowerCase().replace(/\/+$/, '');
  return p === q || p.startsWith(`${q}/`);
};

export type CorsDecision = 'credentials' | 'public' | 'none';

export function corsDecision(ctx: Ctx, settings: CorsSettings): CorsDecision {
  const origin = ctx.get('Origin');
  if (!origin) return 'none';
  const own = new Set([`${ctx.protocol}://${ctx.host}`.toLowerCase()]);
  const configured = originOf(settings.publicUrl);
  if (configured) own.add(configured.toLowerCase());
  if (own.has(origin.toLowerCase()) || settings.trusted.some((t) => t.toLowerCase() === origin.toLowerCase())) return 'credentials';
  const method = ctx.method === 'OPTIONS' ? (ctx.get('Access-Control-Request-Method') || '').toUpperCase() : ctx.method;
  if (under(ctx.path, settings.graphqlPath) && (READ_METHODS.has(method) || method === 'POST')) return 'public';
  if (under(ctx.path, settings.restPrefix) && READ_METHODS.has(method)) return 'public';
  return 'none';
}

/** `strapi::cors` options: `origin` and `credentials` as functions of the request. */
export function corsOptions(settings: CorsSettings) {
  const decide = (ctx: any): CorsDecision => (ctx.state.corsDecision ??= corsDecision(ctx, settings));
  return {
    // strapi::cors answers `*` itself when there is no Origin header; `['*']` reflects the origin.
    origin: (ctx: any) => {
      const decision = decide(ctx);
      return decision === 'credentials' ? [ctx.get('Origin')] : decision === 'public' ? ['*'] : [];
    },
    credentials: (ctx: any) => decide(ctx) === 'credentials',
  };
}
