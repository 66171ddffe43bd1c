// Attachments of governed documents (media library files).
//
// - Every upload and replacement passes `check()`: the type is decided by the bytes against the
//   allow-list `uploads.allowedTypes` of the plugin configuration (domain/attachment-types.ts); active content is a 400.
// - Every file Strapi writes gets the SHA-256 of the bytes it wrote, in the private column
//   `plugin::upload.file.sha256` (set while the provider writes, persisted with the row, recomputed on
//   replace). The content hash binds attachments by it.
// - A file that a governed document in review / awaiting sign-off / approved / escalated, or a
//   published governed document, refers to is locked: no replace, no rename, no delete, for anyone.
//
// `install()` (plugin register) wires this into Strapi's upload plugin: its `upload`, `replace`,
// `updateFileInfo` and `remove` services — the paths of POST /upload, /upload?id=, /upload/files/:id,
// the bulk and folder deletes, the Content Manager and REST POST /api/upload.
import { createHash } from 'crypto';
import { createReadStream, promises as fs } from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createError from 'http-errors';
// file-type 16: the last CommonJS release (newer ones are ESM-only, which the app compiled to
// CommonJS and Jest cannot load); it reads magic bytes and the first ZIP entries (OOXML).
import { fromBuffer as detectType } from 'file-type';
import { classify, assertKnownTypes, DEFAULT_ALLOWED_TYPES, IMAGE_EXTENSIONS } from '../domain/attachment-types';
import { REFUSALS } from '../domain/refusal';
import { FILE, ROUND } from '../constants';

/** Round states in which the document's files are what is being (or was) reviewed. */
export const LOCKING_STATES = new Set(['in_review', 'awaiting_signoff', 'approved', 'escalated']);
/** File metadata the public sees with an attachment: not changeable while locked. */
const LOCKED_INFO = ['name', 'alternativeText', 'caption'] as const;

const HEAD = 64 * 1024;

export interface LockingDocument {
  uid: string;
  documentId: string;
  locale: string | null;
  reason: 'published' | string;
}

async function sha256OfStream(stream: NodeJS.ReadableStream): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream as any) hash.update(chunk);
  return hash.digest('hex');
}

/** Reads the whole file when small, else its first and last 64 KiB (enough for magic bytes and ZIP names). */
async function readForSniffing(filepath: string, size: number, whole: boolean): Promise<Buffer> {
  if (whole || size <= 2 * HEAD) return fs.readFile(filepath);
  const handle = await fs.open(filepath, 'r');
  try {
    const head = Buffer.alloc(HEAD);
    const tail = Buffer.alloc(HEAD);
    await handle.read(head, 0, HEAD, 0);
    await handle.read(tail, 0, HEAD, size - HEAD);
    return Buffer.concat([head, tail]);
  } finally {
    await handle.close();
  }
}

function httpError(status: number, code: keyof typeof REFUSALS, details: Record<string, unknown> = {}) {
  const [, zh, en] = REFUSALS[code];
  const message = `${zh} / ${en}`;
  if (status === 400) return new errors.ValidationError(message, { code, zh, en, ...details });
  return Object.assign(createError(status, message), { name: status === 403 ? 'PolicyError' : 'WorkflowRefusal', details: { code, zh, en, ...details } });
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin('disclosure-workflow');
  const content = () => plugin().service('content');
  const allowedTypes = () => assertKnownTypes(strapi.config.get('plugin::disclosure-workflow.uploads.allowedTypes', DEFAULT_ALLOWED_TYPES));

  /** The admin user (and ability) of the current request, if any. */
  function requestUser() {
    const ctx: any = strapi.requestContext.get();
    const isAdmin = ctx?.state?.auth?.strategy?.name === 'admin';
    const user = isAdmin ? ctx.state.user : null;
    return {
      user,
      ability: isAdmin ? ctx.state.userAbility : null,
      roles: ((user?.roles ?? []) as any[]).map((r) => r.code) as string[],
      ip: ctx?.request?.ip as string | undefined,
      via: ctx ? `${ctx.method} ${ctx.path}` : 'server',
    };
  }

  const service = {
    /**
     * Checks one uploaded file (formidable shape: `filepath`, `originalFilename`, `size`) against the
     * allow-list, stored under `ext` (its own extension, or the replaced file's). Sets the MIME type
     * Strapi stores to the one the content proved. Throws a 400 naming the file.
     */
    async check(file: any, ext?: string) {
      const name = String(file?.originalFilename ?? file?.name ?? 'unnamed');
      const storedExt = (ext ?? path.extname(name)).toLowerCase();
      const filepath = file?.filepath ?? file?.path ?? file?.tempFilePath;
      let bytes: Buffer;
      if (filepath) {
        const size = file.size ?? (await fs.stat(filepath)).size;
        const whole = ['.csv', '.txt'].includes(storedExt);
        bytes = await readForSniffing(filepath, size, whole);
      } else if (Buffer.isBuffer(file?.buffer)) {
        bytes = file.buffer;
      } else {
        throw httpError(400, 'FILE_TYPE_NOT_ALLOWED', { file: name, reason: 'no bytes to check' });
      }
      const detected = (await detectType(bytes.subarray(0, Math.min(bytes.length, HEAD))))?.mime;
      const verdict = classify({ name, ext: storedExt, detected, bytes }, allowedTypes());
      if (!verdict.ok) {
        const { zh, en } = verdict as { zh: string; en: string };
        throw new errors.ValidationError(`${zh} / ${en}`, { code: 'FILE_TYPE_NOT_ALLOWED', file: name, detected: detected ?? null, zh, en, allowedTypes: allowedTypes() });
      }
      file.detectedMimeType = (verdict as { mime: string }).mime;
      return verdict;
    },

    /** SHA-256 of a file already stored by the local provider (under public/), or null. */
    async digestStored(file: { url?: string; provider?: string }): Promise<string | null> {
      if (!file?.url || !file.url.startsWith('/')) return null;
      const root = path.resolve(strapi.dirs.static.public);
      const full = path.resolve(root, '.' + decodeURIComponent(file.url.split('?')[0]));
      if (!full.startsWith(root + path.sep)) return null;
      try {
        return await sha256OfStream(createReadStream(full));
      } catch {
        return null;
      }
    },

    /** Computes the byte hash of local files stored before this column existed (once per file). */
    async backfill(): Promise<number> {
      const rows = await strapi.db.query(FILE).findMany({ where: { sha256: { $null: true } }, select: ['id', 'url', 'provider'] });
      let done = 0;
      for (const row of rows) {
        const sha256 = await this.digestStored(row);
        if (!sha256) continue;
        await strapi.db.query(FILE).update({ where: { id: row.id }, data: { sha256 } });
        done += 1;
      }
      if (done) strapi.log.info(`[disclosure-workflow] stored the SHA-256 of ${done} existing upload(s)`);
      return done;
    },

    /** Governed documents whose review or publication holds this file. */
    async lockingDocuments(fileId: number | string): Promise<LockingDocument[]> {
      const file = await strapi.db.query(FILE).findOne({ where: { id: fileId }, select: ['id'], populate: { related: true } });
      const locks: LockingDocument[] = [];
      for (const entry of (file?.related ?? []) as any[]) {
        const uid = entry.__type;
        if (!uid || !content().governed(uid) || !entry.documentId) continue;
        const locale = content().isLocalized(uid) ? entry.locale ?? null : null;
        if (entry.publishedAt) {
          locks.push({ uid, documentId: entry.documentId, locale, reason: 'published' });
          continue;
        }
        const round = await strapi.db.query(ROUND).findOne({
          where: { targetUid: uid, targetDocumentId: entry.documentId, targetLocale: locale ?? '' },
          orderBy: [{ number: 'desc' }],
          select: ['state'],
        });
        if (round && LOCKING_STATES.has(round.state)) locks.push({ uid, documentId: entry.documentId, locale, reason: round.state });
      }
      return locks;
    },

    /** Refuses (409, recorded in the audit trail) a change to a locked file. */
    async assertUnlocked(fileId: number | string, action: 'replace' | 'rename' | 'delete') {
      const locks = await this.lockingDocuments(fileId);
      if (!locks.length) return;
      const who = requestUser();
      const audit = plugin().service('audit');
      for (const lock of locks) {
        await audit.append({
          event: 'attachment.refused', targetUid: lock.uid, targetDocumentId: lock.documentId, targetLocale: lock.locale,
          actor: who.user?.id ?? null, actorRole: who.roles[0] ?? null, ip: who.ip ?? null,
          data: { code: 'FILE_LOCKED', action, fileId: Number(fileId), reason: lock.reason, via: who.via },
        });
      }
      throw httpError(409, 'FILE_LOCKED', { action, fileId: Number(fileId), documents: locks });
    },

    /**
     * Per-file RBAC for deletes: Strapi's bulk and folder deletes check only that the user holds
     * `plugin::upload.assets.update`, not its conditions (`admin::is-creator` for the gov-* roles).
     */
    async assertMayManage(file: any) {
      const { ability } = requestUser();
      if (!ability) return; // server code, or the content API (its own permissions)
      const pm = strapi.service('admin::permission').createPermissionsManager({ ability, action: 'plugin::upload.assets.update', model: FILE });
      const row = await strapi.db.query(FILE).findOne({ where: { id: file.id }, populate: { createdBy: { select: ['id'] }, folder: true } });
      const creatorId = row?.createdBy?.id;
      const creator = creatorId ? await strapi.service('admin::user').findOne(creatorId, ['roles']) : null;
      if (pm.ability.cannot(pm.action, pm.toSubject({ ...row, createdBy: creator }))) throw httpError(403, 'NOT_FILE_OWNER', { fileId: file.id });
    },

    /** Wires the checks into Strapi's upload plugin (called from the plugin's register). */
    /** Extensions of raster images: the only uploads a browser may be let show inline. */
    imageExtensions: IMAGE_EXTENSIONS,

    install() {
      allowedTypes(); // a misspelt type name fails at start-up, not at the first upload
      const registry: any = strapi.get('services');

      // The byte hash travels with the file data Strapi persists (create, or update on replace).
      registry.extend('plugin::upload.provider', (provider: any) => {
        const digest = async (file: any) => {
          if (typeof file?.getStream === 'function') file.sha256 = await sha256OfStream(file.getStream());
          else if (Buffer.isBuffer(file?.buffer)) file.sha256 = createHash('sha256').update(file.buffer).digest('hex');
        };
        const extended = {
          ...provider,
          async upload(file: any) {
            await digest(file);
            return provider.upload.call(extended, file);
          },
          async replace(newFile: any, oldFile: any) {
            await digest(newFile);
            return provider.replace.call(extended, newFile, oldFile);
          },
        };
        return extended;
      });

      registry.extend('plugin::upload.upload', (upload: any) => ({
        ...upload,
        async upload(input: { data?: any; files: any }, opts?: any) {
          const ref = input?.data?.ref;
          if (ref && content().governed(ref)) throw httpError(403, 'ATTACH_THROUGH_DRAFT', { ref });
          const files = Array.isArray(input.files) ? input.files : [input.files];
          for (const file of files) await service.check(file);
          return upload.upload(input, opts);
        },
        async replace(id: any, input: { data?: any; file: any }, opts?: any) {
          const current = await strapi.db.query(FILE).findOne({ where: { id }, select: ['id', 'ext'] });
          if (current) {
            await service.assertUnlocked(id, 'replace');
            await service.check(input.file, current.ext ?? undefined);
          }
          return upload.replace(id, input, opts);
        },
        async updateFileInfo(id: any, info: any, opts?: any) {
          const current = await strapi.db.query(FILE).findOne({ where: { id }, select: ['id', ...LOCKED_INFO] });
          if (current && LOCKED_INFO.some((f) => info?.[f] != null && info[f] !== current[f])) await service.assertUnlocked(id, 'rename');
          return upload.updateFileInfo(id, info, opts);
        },
        async remove(file: any) {
          if (file?.id) {
            await service.assertMayManage(file);
            await service.assertUnlocked(file.id, 'delete');
          }
          return upload.remove(file);
        },
      }));
    },
  };
  return service;
};
