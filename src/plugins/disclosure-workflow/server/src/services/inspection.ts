// 发布前检查: machine findings on exactly the content under review — personal data and 错敏词 in the
// text fields, the body and every attachment's text, links to documents that are not public, and
// the metadata rules. Results are kept per document against its content hash and the dictionary
// version (a new hash or dictionary re-runs them); an attachment's extracted text is kept by the
// file's SHA-256, so the same file is read once. `error` findings block submit and sign-off until
// a secrecy reviewer of the document's chain overrides them with a written reason.
import fs from 'fs/promises';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { FILE, INSPECTION, PLUGIN } from '../constants';
import { ATTACHMENT_TYPES } from '../domain/attachment-types';
import { checkMetadata, checkText, compileDictionary, extractAttachment, extractLinks, isInternalAddress, type BodyLink, type Finding, type Matcher, type TextSource } from '../domain/inspection';
import { lookup } from 'dns/promises';
import { WorkflowRefusal } from '../domain/refusal';
import type { InspectedFields, WorkflowConfig } from '../config';

type Target = { uid: string; documentId: string; locale?: string | null };
export type Override = { key: string; rule: string; field: string; location: string | null; excerpt: string; reason: string; actor: number; at: string };
const TEXTS = 'dw_attachment_texts';
/** External links: the last answer of each URL (a background job asks; a check only reads). */
const LINKS = 'dw_link_checks';
const LINK_FRESH_MS = 24 * 3600 * 1000;
const keyOf = (f: Finding) => `${f.rule}|${f.field}|${f.location ?? ''}|${f.excerpt}`;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin(PLUGIN);
  const config = () => strapi.config.get(`plugin::${PLUGIN}`) as WorkflowConfig;
  const fieldsOf = (uid: string): InspectedFields => config().contentTypes[uid]?.inspect ?? {};
  // The external-link check's trigger on this instance (its state is in the database).
  let linkTimer: NodeJS.Timeout | null = null;
  // A cache only: the dictionary's version is read from the database on every check.
  let compiled: { version: string; matcher: Matcher } | null = null;

  async function dictionary() {
    const version = await plugin().service('dictionary').version();
    if (compiled?.version !== version) compiled = { version, matcher: compileDictionary(await plugin().service('dictionary').list()) };
    return compiled;
  }

  /** A stored file's bytes (the local upload provider; other providers by URL). */
  async function bytesOf(file: any): Promise<Buffer> {
    if (String(file.url).startsWith('/')) return fs.readFile(path.join(strapi.dirs.static.public, file.url));
    const res = await fetch(file.url, { signal: AbortSignal.timeout(10_000) });
    return Buffer.from(await res.arrayBuffer());
  }

  /** What an attachment says and what is wrong with the file itself, read once per file content. */
  /** The cache table, inside the caller's transaction when there is one (SQLite has one connection). */
  const texts = <T>(run: (table: any) => Promise<T>) => strapi.db.transaction(({ trx }) => run(strapi.db.connection(TEXTS).transacting(trx)));

  async function attachment(field: string, file: any) {
    const cached = file.sha256 ? await texts<{ result: string } | undefined>((t) => t.where({ sha256: file.sha256 }).first()) : undefined;
    if (cached) return JSON.parse(cached.result) as { sources: TextSource[]; findings: Finding[] };
    const allowed = config().uploads.allowedTypes.flatMap((t) => [ATTACHMENT_TYPES[t]?.mime, ...(Array.isArray(ATTACHMENT_TYPES[t]?.content) ? (ATTACHMENT_TYPES[t].content as string[]) : [])]).filter(Boolean) as string[];
    let result: { sources: TextSource[]; findings: Finding[] };
    try {
      const extracted = await extractAttachment({ field, name: file.name, data: await bytesOf(file) }, { allowedMimes: allowed, maxBytes: config().inspection.maxAttachmentBytes });
      result = { sources: extracted.sources, findings: extracted.findings };
    } catch (error) {
      result = { sources: [], findings: [{ rule: 'attachment.unreadable', severity: 'error', field, location: file.name, excerpt: String((error as Error).message).slice(0, 80) }] };
    }
    if (file.sha256) await texts((t) => t.insert({ sha256: file.sha256, result: JSON.stringify(result), created_at: Date.now() }).onConflict('sha256').ignore());
    // Sources are by file: say which field they belong to in this document.
    return { sources: result.sources.map((s) => ({ ...s, field })), findings: result.findings.map((f) => ({ ...f, field })) };
  }

  /** A link to a document of this site that the public cannot see is an error (draft, withheld, classified, unpublished). */
  async function linkFindings(field: string, body: string): Promise<Finding[]> {
    const { siteHosts, linkPatterns } = config().inspection;
    const findings: Finding[] = [];
    for (const link of extractLinks(field, body, siteHosts).filter((l) => l.internal)) {
      for (const { uid, pattern } of linkPatterns) {
        const documentId = new RegExp(pattern).exec(link.href)?.groups?.documentId;
        if (!documentId) continue;
        if (!(await isPublic(uid, documentId))) findings.push({ rule: 'link.notPublic', severity: 'error', field, location: link.location, excerpt: `${link.text} → ${link.href}`.slice(0, 80) });
      }
    }
    return findings;
  }

  async function isPublic(uid: string, documentId: string): Promise<boolean> {
    const spec = config().contentTypes[uid] ?? {};
    const model: any = strapi.getModel(uid as any);
    const where: Record<string, unknown> = { documentId, ...(model?.options?.draftAndPublish ? { publishedAt: { $notNull: true } } : {}) };
    const row = model ? await strapi.db.query(uid).findOne({ where }) : null;
    if (!row) return false;
    if (spec.classified && row[spec.classified] === true) return false;
    return !(spec.withheld && row[spec.withheld.attribute] === spec.withheld.value);
  }

  async function run(uid: string, entity: any, matcher: Matcher): Promise<{ findings: Finding[]; external: BodyLink[] }> {
    const spec = fieldsOf(uid);
    const text = (field: string) => (entity[field] == null ? '' : String(entity[field]));
    const sources: TextSource[] = [...(spec.text ?? []), ...(spec.body ?? [])].map((field) => ({ field, text: text(field) }));
    const findings: Finding[] = [];
    for (const field of spec.attachments ?? []) {
      // The draft is loaded for its hash: its files by their stored names (`hash`).
      const hashes = [entity[field]].flat().filter(Boolean).map((f: any) => f.hash);
      const files = hashes.length ? await strapi.db.query(FILE).findMany({ where: { hash: { $in: hashes } }, select: ['id', 'name', 'url', 'mime', 'size', 'sha256'] }) : [];
      for (const file of files) {
        const { sources: own, findings: fileFindings } = await attachment(field, file);
        sources.push(...own);
        findings.push(...fileFindings);
      }
    }
    findings.push(...checkText(sources, matcher));
    const external: BodyLink[] = [];
    for (const field of spec.body ?? []) {
      findings.push(...(await linkFindings(field, text(field))));
      external.push(...extractLinks(field, text(field), config().inspection.siteHosts).filter((l) => !l.internal && /^https?:\/\//i.test(l.href)));
    }
    if (spec.metadata) findings.push(...checkMetadata(await spec.metadata(entity, { strapi })));
    // Queued for the background check; never checked (or waited for) here.
    for (const link of external) await links((t) => t.insert({ url: link.href.slice(0, 2000), checked_at: 0 }).onConflict('url').ignore());
    return { findings, external };
  }

  const links = <T>(run: (table: any) => Promise<T>) => strapi.db.transaction(({ trx }) => run(strapi.db.connection(LINKS).transacting(trx)));

  /** Warnings for the document's external links that did not answer when last checked (never blocking). */
  async function externalWarnings(external: BodyLink[] = []): Promise<Finding[]> {
    if (!external.length) return [];
    const rows = await links<any[]>((t) => t.whereIn('url', external.map((l) => l.href.slice(0, 2000))).andWhere('checked_at', '>', 0));
    const bad = new Map(rows.filter((r) => !r.ok).map((r) => [r.url, r.result]));
    return external.filter((l) => bad.has(l.href.slice(0, 2000))).map((l) => ({ rule: 'link.external', severity: 'warning' as const, field: l.field, location: l.location, excerpt: `${l.text} → ${l.href}（${bad.get(l.href.slice(0, 2000))}）`.slice(0, 120) }));
  }

  const where = (t: Target) => ({ targetUid: t.uid, targetDocumentId: t.documentId, targetLocale: t.locale ?? '' });

  async function view(row: any) {
    const overrides: Override[] = row.overrides ?? [];
    const overridden = new Set(overrides.map((o) => o.key));
    const findings = [...(row.findings as Finding[]), ...(await externalWarnings(row.externalLinks))].map((f) => ({ ...f, overridden: overridden.has(keyOf(f)) }));
    return {
      inspected: true,
      contentHash: row.contentHash,
      checkedAt: row.checkedAt,
      findings,
      overridden: overrides,
      counts: { errors: row.errors, warnings: findings.filter((f) => f.severity === 'warning').length, blocking: findings.filter((f) => f.severity === 'error' && !f.overridden).length },
    };
  }

  return {
    /**
     * The text of one stored file (`plugin::upload.file` row with at least url, name and sha256):
     * PDF pages, DOCX, XLSX rows … joined by new lines, from the SHA-256 text cache, extracted and
     * cached if missing; '' for a file without text. Inside the caller's transaction if there is one.
     */
    async attachmentText(file: { url: string; name: string; sha256?: string | null }): Promise<string> {
      const { sources } = await attachment('attachment', file);
      return sources.map((s) => s.text).join('\n');
    },

    /** The content types the checks read (those with `inspect` fields). */
    inspectedTypes(): string[] {
      return Object.keys(config().contentTypes).filter((uid) => Object.keys(fieldsOf(uid)).length > 0);
    },

    /**
     * The findings on the document's draft as it is now (re-run when its content or the dictionary
     * changed). `loaded`: the draft the caller already read (the workflow, inside its transaction).
     */
    async check(input: Target, loaded?: { entity: any; contentHash: string }) {
      plugin().service('content').assertGoverned(input.uid);
      if (!Object.keys(fieldsOf(input.uid)).length) return { inspected: false, contentHash: null, checkedAt: null, findings: [], overridden: [], counts: { errors: 0, warnings: 0, blocking: 0 } };
      const target = { ...input, locale: loaded ? (input.locale ?? null) : await plugin().service('content').resolveLocale(input.uid, input.locale) };
      const draft = loaded ?? (await plugin().service('content').loadDraft(target.uid, target.documentId, target.locale));
      if (!draft) throw new WorkflowRefusal('NOT_FOUND');
      const { version, matcher } = await dictionary();
      const row = await strapi.db.query(INSPECTION).findOne({ where: where(target), orderBy: { id: 'desc' } });
      if (row && row.contentHash === draft.contentHash && row.dictionaryVersion === version) return view(row);
      const { findings, external } = await run(target.uid, draft.entity, matcher);
      // An override stays while its finding does; one whose finding is gone no longer applies.
      const present = new Set(findings.map(keyOf));
      const data = {
        ...where(target),
        contentHash: draft.contentHash,
        dictionaryVersion: version,
        findings,
        overrides: ((row?.overrides ?? []) as Override[]).filter((o) => present.has(o.key)),
        errors: findings.filter((f) => f.severity === 'error').length,
        warnings: findings.filter((f) => f.severity === 'warning').length,
        externalLinks: external,
        checkedAt: new Date(),
      };
      // Nothing found, nothing linked outside and nothing stored before: nothing to keep (the usual clean document).
      if (!row && !findings.length && !external.length) return view(data);
      const saved = row ? await strapi.db.query(INSPECTION).update({ where: { id: row.id }, data }) : await strapi.db.query(INSPECTION).create({ data });
      return view(saved);
    },

    /**
     * A secrecy reviewer of the document's chain (only that role) accepts the findings of `rule` at
     * `location` (and field) with a written reason; recorded in the audit trail with the findings.
     */
    async override({ uid, documentId, locale, actor, rule, field, location, reason, ip }: Target & { actor: number; rule: string; field?: string; location?: string | null; reason: string; ip?: string }) {
      if (!reason?.trim()) throw new WorkflowRefusal('OVERRIDE_REASON_REQUIRED');
      const target = { uid, documentId, locale: await plugin().service('content').resolveLocale(uid, locale) };
      const draft = await plugin().service('content').loadDraft(uid, documentId, target.locale);
      if (!draft) throw new WorkflowRefusal('NOT_FOUND');
      const chain = await plugin().service('chains').forDocument(uid, draft.departmentKeys);
      const user = await strapi.db.query('admin::user').findOne({ where: { id: actor }, populate: { roles: { select: ['code'] } } });
      if (!(user?.roles ?? []).some((r: any) => chain.signOffRoles.includes(r.code))) throw new WorkflowRefusal('NOT_ALLOWED', 'only the chain\'s secrecy reviewers may override a finding');
      const result = await this.check(target);
      const matched = result.findings.filter((f) => f.rule === rule && (field === undefined || f.field === field) && (location === undefined || (f.location ?? null) === (location ?? null)));
      if (!matched.length) throw new WorkflowRefusal('INVALID_INPUT', `no finding ${rule}${location ? ` at ${location}` : ''}`);
      const at = new Date().toISOString();
      const added: Override[] = matched.map((f) => ({ key: keyOf(f), rule: f.rule, field: f.field, location: f.location ?? null, excerpt: f.excerpt, reason: reason.trim(), actor, at }));
      const row = await strapi.db.query(INSPECTION).findOne({ where: where(target), orderBy: { id: 'desc' } });
      const kept = ((row.overrides ?? []) as Override[]).filter((o) => !added.some((a) => a.key === o.key));
      await strapi.db.query(INSPECTION).update({ where: { id: row.id }, data: { overrides: [...kept, ...added] } });
      await plugin().service('audit').append({
        event: 'inspection.override', targetUid: uid, targetDocumentId: documentId, targetLocale: target.locale ?? '', actor, ip, contentHash: draft.contentHash, comment: reason.trim(),
        data: { findings: matched.map(({ rule: r, field: f, location: l, excerpt, severity }) => ({ rule: r, field: f, location: l ?? null, excerpt, severity })) },
      });
      return this.check(target);
    },

    /** Refuses (INSPECTION_FAILED, 409, listing them) while an error finding stands un-overridden. */
    async assertClear(target: Target, loaded?: { entity: any; contentHash: string }) {
      const result = await this.check(target, loaded);
      const blocking = result.findings.filter((f) => f.severity === 'error' && !f.overridden);
      if (blocking.length) {
        throw new WorkflowRefusal('INSPECTION_FAILED', blocking.map((f) => `${f.rule} ${f.field}${f.location ? ` ${f.location}` : ''}: ${f.excerpt}`).join('; '), { findings: blocking });
      }
    },

    /**
     * The nightly job: when the dictionary changed since the last run, what is published is checked
     * again and the `notifyRoles` hear which documents now fail (nothing is taken down). Claimed
     * once per dictionary version in the database, so one instance does it.
     */
    async recheckPublished() {
      const { version, matcher } = await dictionary();
      try {
        await strapi.db.connection('dw_job_claims').insert({ claim: `recheck-published:${version}`, created_at: Date.now() });
      } catch {
        return { checked: 0, failing: [] }; // this version was re-checked already (here or on another instance)
      }
      const failing: Array<{ uid: string; documentId: string; locale: string | null; title: string | null; findings: Finding[] }> = [];
      let checked = 0;
      for (const uid of this.inspectedTypes()) {
        const model: any = strapi.getModel(uid as any);
        if (!model?.options?.draftAndPublish) continue;
        const populate = Object.fromEntries((fieldsOf(uid).attachments ?? []).map((f) => [f, { select: ['hash'] }]));
        const title = plugin().service('content').titleField(uid);
        for (let offset = 0; ; offset += 200) {
          const rows = await strapi.db.query(uid).findMany({ where: { publishedAt: { $notNull: true } }, populate, orderBy: { id: 'asc' }, offset, limit: 200 });
          for (const row of rows) {
            const errors = (await run(uid, row, matcher)).findings.filter((f) => f.severity === 'error');
            if (errors.length) failing.push({ uid, documentId: row.documentId, locale: row.locale ?? null, title: title ? row[title] ?? null : null, findings: errors });
          }
          checked += rows.length;
          if (rows.length < 200) break;
        }
      }
      await plugin().service('audit').append({ event: 'inspection.recheck', actor: null, data: { dictionaryVersion: version, checked, failing: failing.map(({ uid, documentId, findings }) => ({ uid, documentId, rules: [...new Set(findings.map((f) => f.rule))] })) } });
      const roles = config().inspection.notifyRoles;
      const users = failing.length && roles.length ? await strapi.db.query('admin::user').findMany({ where: { roles: { code: { $in: roles } }, isActive: true }, select: ['email'] }) : [];
      const to = [...new Set(users.map((u: any) => u.email).filter(Boolean))];
      if (to.length) {
        const lines = failing.map((d) => `${d.title ?? d.documentId}：${d.findings.map((f) => `${f.rule} ${f.field}${f.location ? ` ${f.location}` : ''} ${f.excerpt}`).join('；')}`);
        await strapi.plugin('email').service('email').send({
          to, subject: `【发布前检查 Checks】已发布内容中 ${failing.length} 件不再通过检查 ${failing.length} published documents now fail the checks`,
          text: `词库更新后复查已发布内容（未自动撤下）/ re-checked after a dictionary change (nothing was taken down):\n\n${lines.join('\n')}`,
        }).catch((error: Error) => strapi.log.warn(`[disclosure-workflow] recheck mail failed: ${error.message}`));
      }
      strapi.log.info(`[disclosure-workflow] re-checked ${checked} published documents against dictionary ${version}: ${failing.length} now fail`);
      return { checked, failing };
    },

    /**
     * The external links due a check (never checked, or not within a day): HEAD (GET when refused)
     * with a short timeout, the answer kept for the checks to read. Addresses on the internal network
     * are never contacted. Every instance may run it: answers are idempotent.
     */
    async checkLinks({ limit = 20, timeoutMs = 5000 } = {}) {
      const due = await links<any[]>((t) => t.where('checked_at', '<', Date.now() - LINK_FRESH_MS).orderBy('checked_at', 'asc').limit(limit));
      for (const { url } of due) {
        let ok = false;
        let result: string;
        try {
          const { hostname } = new URL(url);
          const addresses = await lookup(hostname, { all: true });
          if (!config().inspection.linkCheck.allowInternal && addresses.some((a) => isInternalAddress(a.address))) throw new Error('内网地址，不检查 internal address, not checked');
          let res = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
          if (res.status === 405 || res.status === 501) res = await fetch(url, { method: 'GET', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
          ok = res.status < 400;
          result = `HTTP ${res.status}`;
        } catch (error) {
          result = String((error as Error).message).slice(0, 200);
        }
        await links((t) => t.where({ url }).update({ ok, result, checked_at: Date.now() }));
      }
      return due.length;
    },

    start() {
      const tick = () => this.checkLinks().catch((error: Error) => strapi.log.warn(`[disclosure-workflow] link check failed: ${error.message}`));
      linkTimer = setInterval(tick, config().inspection.linkCheck.intervalMs);
      linkTimer.unref();
    },

    stop() {
      if (linkTimer) clearInterval(linkTimer);
      linkTimer = null;
    },

    /** Counts per document for 待办, from what was last checked (no new check). */
    async counts(targets: Target[]) {
      if (!targets.length) return new Map<string, { errors: number; warnings: number }>();
      const rows = await strapi.db.query(INSPECTION).findMany({ where: { targetDocumentId: { $in: targets.map((t) => t.documentId) } }, select: ['targetUid', 'targetDocumentId', 'targetLocale', 'errors', 'warnings'] });
      return new Map(rows.map((r: any) => [`${r.targetUid}/${r.targetDocumentId}/${r.targetLocale ?? ''}`, { errors: r.errors, warnings: r.warnings }]));
    },
  };
};
