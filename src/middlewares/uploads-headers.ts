// Responses under /uploads can never run script in the admin's origin: the bytes are served as
// what their extension says and never sniffed (nosniff), any document rendered from them is
// sandboxed with no sources (CSP), and everything but raster images is a download (attachment).
// Embedding an image (<img src="/uploads/…">) is unaffected: a CSP on an image response applies
// only when the image is opened as a document. Production should still serve uploads from a
// separate domain (README → Security → Uploads and attachments).
import path from 'path';

export default (_config, { strapi }) => async (ctx, next) => {
  if (!ctx.path.startsWith('/uploads/')) return next();
  const { imageExtensions } = strapi.plugin('disclosure-workflow').service('attachments');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Security-Policy', "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
  ctx.set('Content-Disposition', imageExtensions.has(path.extname(ctx.path).toLowerCase()) ? 'inline' : 'attachment');
  await next();
};
