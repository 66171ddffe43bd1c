// The reviewers' diff: what changed in a document since a reviewer last acted on it. The canonical
// content (content-hash.ts) is kept by content hash when a round is submitted and at each decision
// (`record`, called by the workflow inside its transaction; one row per distinct content), with the
// display names of its relations and files. `changes` compares the draft with, in this order: the
// content at the latest decision (approve, return, reject, sign-off) taken on content other than the
// draft's — what the reviewer last saw and acted on; else the published version; else nothing (a
// first submission: everything is new).
import type { Core } from '@strapi/strapi';
import { SNAPSHOT, PLUGIN, AUDIT, ROUND } from '../constants';
import { currentCanonical, hashPopulate, publicContent, type SchemaLookup } from '../domain/content-hash';
import { canonicalJson, sha256 } from '../domain/canonical';
import { diffContent, type ChangesView, type DiffOptions } from '../domain/changes';
import { refuse } from '../domain/refusal';
import type { WorkflowConfig } from '../config';

type Target = { uid: string; documentId: string; locale?: string | null };
type Snapshot = { content: Record<string, unknown>; labels: Record<string, string>; contentHash: string };

/** Audit events that are a reviewer's decision on the content they saw. */
const DECISIONS = ['decision.approve', 'decision.return', 'decision.reject', 'sign-off.public', 'sign-off.redacted', 'sign-off.withhold', 'sign-off.escalate'];
const TEXT_TYPES = new Set(['string', 'text', 'email', 'uid']);
const RICH_TYPES = new Set(['richtext', 'blocks']);
const LABEL_CANDIDATES = ['title', 'name', 'code', 'username', 'email'];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const schemas: SchemaLookup = (uid) => strapi.getModel(uid as any) as any;
  const config = () => strapi.config.get(`plugin::${PLUGIN}`) as WorkflowConfig;
  const content = () => strapi.plugin(PLUGIN).service('content');
  const localeKey = (locale?: string | null) => locale ?? '';

  /** The attribute a linked document is known by: the configured title, else a usual name attribute. */
  function labelField(uid: string): string | null {
    const configured = content().titleField(uid);
    if (configured) return configured;
    const attributes = (strapi.getModel(uid as any) as any)?.attributes ?? {};
    return LABEL_CANDIDATES.find((name) => attributes[name] && !attributes[name].private) ?? null;
  }

  /** The content hash's populate, plus the names of linked documents and files (top level). */
  function displayPopulate(uid: string): Record<string, unknown> {
    const populate = hashPopulate(uid, schemas);
    for (const [name, attribute] of Object.entries<any>(schemas(uid).attributes)) {
      if (!(name in populate)) continue;
      if (attribute.type === 'relation') {
        const label = labelField(attribute.target);
        populate[name] = { select: ['documentId', ...(label ? [label] : [])] };
      }
      if (attribute.type === 'media') populate[name] = { select: ['sha256', 'hash', 'size', 'mime', 'name'] };
    }
    return populate;
  }

  function labelsOf(uid: string, entity: any): Record<string, string> {
    const labels: Record<string, string> = {};
    for (const [name, attribute] of Object.entries<any>(schemas(uid).attributes)) {
      const value = entity?.[name];
      if (value == null) continue;
      const items = Array.isArray(value) ? value : [value];
      if (attribute.type === 'relation' && !attribute.relation?.startsWith('morph')) {
        const label = labelField(attribute.target);
        for (const item of items) if (item?.documentId && label && item[label] != null) labels[item.documentId] = String(item[label]);
      }
      if (attribute.type === 'media') for (const item of items) if (item?.hash && item.name) labels[item.hash] = String(item.name);
    }
    return labels;
  }

  /** The draft (or the published version) of one locale as a snapshot, or null. */
  async function load(target: Target, { published = false } = {}): Promise<Snapshot | null> {
    const model: any = strapi.getModel(target.uid as any);
    const where: Record<string, unknown> = { documentId: target.documentId };
    if (model.options?.draftAndPublish) where.publishedAt = published ? { $notNull: true } : null;
    else if (published) return null;
    if (content().isLocalized(target.uid) && target.locale) where.locale = target.locale;
    const entity = await strapi.db.query(target.uid).findOne({ where, populate: displayPopulate(target.uid) });
    if (!entity) return null;
    const canonical = publicContent(target.uid, entity, schemas, config().hashExcludedFields ?? []);
    return { content: canonical, labels: labelsOf(target.uid, entity), contentHash: sha256(canonicalJson(canonical)) };
  }

  /** The Content Manager's labels of the type's fields, where an administrator set them. */
  async function fieldLabels(uid: string): Promise<Record<string, string>> {
    try {
      const stored: any = await strapi.store.get({ type: 'plugin', name: 'content_manager_configuration', key: `content_types::${uid}` });
      const metadatas = stored?.metadatas ?? {};
      return Object.fromEntries(Object.entries<any>(metadatas).map(([field, m]) => [field, m?.edit?.label]).filter(([field, label]) => label && label !== field));
    } catch {
      return {};
    }
  }

  function diffOptions(uid: string): DiffOptions {
    const options = { textFields: [] as string[], richTextFields: [] as string[], relationFields: [] as string[], mediaFields: [] as string[] };
    for (const [name, attribute] of Object.entries<any>(schemas(uid).attributes)) {
      if (TEXT_TYPES.has(attribute.type)) options.textFields.push(name);
      else if (RICH_TYPES.has(attribute.type)) options.richTextFields.push(name);
      else if (attribute.type === 'relation') options.relationFields.push(name);
      else if (attribute.type === 'media') options.mediaFields.push(name);
    }
    return options;
  }

  return {
    /**
     * Keeps the draft's canonical content under its hash (idempotent: one row per uid, document,
     * locale and hash). Called inside the workflow's transaction, after each submit and decision.
     */
    async record(target: Target): Promise<string | null> {
      const snapshot = await load(target);
      if (!snapshot) return null;
      const where = { targetUid: target.uid, targetDocumentId: target.documentId, targetLocale: localeKey(target.locale), contentHash: snapshot.contentHash };
      const found = await strapi.db.query(SNAPSHOT).findOne({ where, select: ['id'] });
      if (!found) await strapi.db.query(SNAPSHOT).create({ data: { ...where, content: snapshot.content, labels: snapshot.labels } });
      return snapshot.contentHash;
    },

    /**
     * Once per database: rounds opened before empty attributes left
     * the content hash keep their approvals. Each hash a round holds is recomputed from the
     * snapshot stored under it — the content the reviewers saw — never from the current draft; a
     * round without such a snapshot keeps its hash, so its document needs a new round.
     */
    async carryOverHashes() {
      const store = strapi.store({ type: 'plugin', name: PLUGIN, key: 'migration.hash-without-empty' });
      if (await store.get({})) return;
      let carried = 0;
      let missing = 0;
      for (let lastId = 0; ; ) {
        const rounds = await strapi.db.query(ROUND).findMany({ where: { id: { $gt: lastId } }, orderBy: { id: 'asc' }, limit: 200 });
        if (!rounds.length) break;
        lastId = rounds[rounds.length - 1].id;
        for (const row of rounds) {
          const text = JSON.stringify(row.data ?? {});
          const hashes = [...new Set(text.match(/"contentHash":"([0-9a-f]{64})"/g)?.map((m) => m.slice(-65, -1)) ?? [])];
          const replaced: Record<string, string> = {};
          for (const old of hashes) {
            const where = { targetUid: row.targetUid, targetDocumentId: row.targetDocumentId, targetLocale: row.targetLocale ?? '' };
            const snapshot = await strapi.db.query(SNAPSHOT).findOne({ where: { ...where, contentHash: old } });
            if (!snapshot) {
              missing += 1;
              continue;
            }
            const canonical = currentCanonical(snapshot.content, config().hashExcludedFields ?? []);
            const hash = sha256(canonicalJson(canonical));
            if (hash === old) continue;
            replaced[old] = hash;
            if (!(await strapi.db.query(SNAPSHOT).findOne({ where: { ...where, contentHash: hash }, select: ['id'] }))) {
              await strapi.db.query(SNAPSHOT).create({ data: { ...where, contentHash: hash, content: canonical, labels: snapshot.labels } });
            }
          }
          if (!Object.keys(replaced).length) continue;
          const data = JSON.parse(text.replace(/"contentHash":"([0-9a-f]{64})"/g, (match, hash) => (replaced[hash] ? `"contentHash":"${replaced[hash]}"` : match)));
          await strapi.db.query(ROUND).update({ where: { id: row.id }, data: { data, version: row.version + 1 } });
          carried += 1;
        }
      }
      if (carried || missing) strapi.log.info(`[disclosure-workflow] content hashes: ${carried} round(s) carried over to the current rule${missing ? `, ${missing} hash(es) without a stored snapshot left as they were (those documents need a new round)` : ''}`);
      await store.set({ value: { at: new Date().toISOString(), carried, missing } });
    },

    /** What changed in the draft since the last review (or since publication): the changed fields only. */
    async changes(input: Target): Promise<ChangesView> {
      content().assertGoverned(input.uid);
      const target = { ...input, locale: await content().resolveLocale(input.uid, input.locale) };
      const draft = await load(target);
      if (!draft) refuse('NOT_FOUND', `${target.uid} ${target.documentId}`);
      const current = draft!;
      const events = await strapi.db.query(AUDIT).findMany({
        where: {
          targetUid: target.uid, targetDocumentId: target.documentId, targetLocale: target.locale ?? null,
          event: { $in: DECISIONS }, contentHash: { $notNull: true, $ne: current.contentHash },
        },
        select: ['event', 'at', 'contentHash', 'round'],
        orderBy: [{ seq: 'desc' }],
        limit: 50,
      });
      const hashes = [...new Set(events.map((e: any) => e.contentHash))];
      const rows = hashes.length
        ? await strapi.db.query(SNAPSHOT).findMany({ where: { targetUid: target.uid, targetDocumentId: target.documentId, targetLocale: localeKey(target.locale), contentHash: { $in: hashes } } })
        : [];
      const event = events.find((e: any) => rows.some((r: any) => r.contentHash === e.contentHash));
      let base: ChangesView['base'] = 'none';
      let before: Snapshot | null = null;
      let baseAt: string | null = null;
      if (event) {
        const row = rows.find((r: any) => r.contentHash === event.contentHash);
        before = { content: row.content, labels: row.labels ?? {}, contentHash: row.contentHash };
        base = 'approved';
        baseAt = event.at;
      } else {
        const published = await load(target, { published: true });
        if (published) {
          before = published;
          base = 'published';
          const live = await strapi.db.query(target.uid).findOne({ where: { documentId: target.documentId, publishedAt: { $notNull: true }, ...(content().isLocalized(target.uid) && target.locale ? { locale: target.locale } : {}) }, select: ['publishedAt'] });
          baseAt = live?.publishedAt ? new Date(live.publishedAt).toISOString() : null;
        }
      }
      if (!before) return { base: 'none', baseHash: null, baseAt: null, baseEvent: null, contentHash: current.contentHash, fields: [] };
      const labels = await fieldLabels(target.uid);
      const fields = diffContent(before.content, current.content, { ...diffOptions(target.uid), labels: { ...before.labels, ...current.labels } })
        .map((f) => (labels[f.field] ? { ...f, label: labels[f.field] } : f));
      return { base, baseHash: before.contentHash, baseAt, baseEvent: event?.event ?? null, contentHash: current.contentHash, fields };
    },
  };
};
