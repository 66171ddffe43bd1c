// Plugin configuration (the app's config/plugins.ts → 'disclosure-workflow'.config). Everything the
// plugin knows about the app's content comes from here; `checkModels` verifies it against the
// loaded content types at start-up.
import { DEFAULT_ALLOWED_TYPES } from './domain/attachment-types';
import type { ChainTemplate } from './domain/chains';
import type { ItemMetadata } from './domain/inspection';

/** What one governed content type's attributes mean to the workflow. Every key is optional. */
export interface GovernedType {
  /** Text attribute people know a document by (待办, e-mails, the slip). */
  title?: string;
  /** Relation to the owning unit (`departments.uid`): picks the chain, shown in 待办. */
  department?: string;
  /** Boolean attribute: true = classified, never publishable (refused with CLASSIFIED). */
  classified?: string;
  /** Enumeration value meaning "withheld" (never publishable); a withhold sign-off sets it and the reason. */
  withheld?: { attribute: string; value: string; reasonAttribute?: string };
  /** What the pre-publication checks read (services/inspection.ts); none: not checked. */
  inspect?: InspectedFields;
  /** The document lapses on a date (废止/失效): see `Expiry`. */
  expiry?: Expiry;
  /**
   * Relation attribute whose related documents (e.g. a policy's interpretations) may be reviewed and
   * published together with this one (`submit`/`schedule` with `withCompanions`; README "Companions").
   * Its target must be a governed type.
   */
  companions?: string;
}

/**
 * On the day in date attribute `at` of the published version (the draft's while there is none;
 * 00:00 in the site's time zone) the scheduler sets `attribute` to the value of `valueFrom` (or
 * `value`) and `changedAt` to that day, on every version of the document, without a new round:
 * the reviewers signed the date, so the approval moves to the lapsed content.
 */
export interface Expiry {
  at: string;
  attribute: string;
  value?: string;
  valueFrom?: string;
  changedAt?: string;
}

export interface InspectedFields {
  /** Plain text attributes: personal data and 错敏词. */
  text?: string[];
  /** Rich text: as text, plus its links to this site's documents. */
  body?: string[];
  /** Media attributes: each file's type and readability, and its text. */
  attachments?: string[];
  /** The document's metadata for the metadata rules (文号, dates, summary, 解读), from its draft row. */
  metadata?: (entity: any, context: { strapi: any }) => ItemMetadata | Promise<ItemMetadata>;
}

export interface DepartmentsSetting {
  uid: string;
  name: string;
  keys: string[];
  parent?: string;
  /**
   * Admin role codes whose users see and change only documents of the units their memberships cover
   * (Content Manager, admin API, relation pickers, counts, the plugin's pages). Users holding none of
   * them (the super admin, API tokens, the server itself) are not limited.
   */
  scopedRoles?: string[];
  /** Content types owned by a unit but not under the chain: uid → their to-one relation to the unit. */
  owned?: Record<string, string>;
}

export interface Labelled {
  code: string;
  zh: string;
  en: string;
}

export interface WorkflowConfig {
  /** Content types under the approval chain and publish gate, by uid. */
  contentTypes: Record<string, GovernedType>;
  /**
   * The owning-unit content type: `keys` are matched against a chain's `departments` (and accepted
   * wherever a department is named), `name` is shown, `parent` (optional to-one relation) makes the tree.
   */
  departments: DepartmentsSetting | null;
  /** The reasons a withhold sign-off may give (one must be named), with their labels. */
  exemptionReasons: Labelled[];
  /** Labels of audit events the app writes itself (`{ 'request.assign': { zh, en } }`), for the audit page. */
  eventLabels: Record<string, { zh: string; en: string }>;
  /** Created once in an empty chain table; edited on the settings page afterwards. */
  defaultChain: ChainTemplate | null;
  /** Plugin RBAC actions (short names, e.g. `submit`) given once per installation to these role codes. */
  defaultGrants: Record<string, string[]>;
  /** Attributes that do not count as content: set by the system at publication. */
  hashExcludedFields: string[];
  /** Roles told (with the submitter) when nobody may act on the step a document waits at (NO_REVIEWER). */
  noReviewerRoles: string[];
  /** Roles that may unpublish and schedule. */
  unpublishRoles: string[];
  /** Admin URL used in notification e-mails. */
  adminUrl: string;
  /** The site's time zone: times in the audit page, its CSV export, the slip and 待办 are shown in it. */
  timeZone: string;
  /** Attachment types allowed in the media library, each checked by its content (domain/attachment-types.ts). */
  uploads: { allowedTypes: string[] };
  /** The pre-publication checks: attachment size limit, this site's hosts and the paths of its documents (`(?<documentId>…)`). */
  inspection: {
    maxAttachmentBytes: number;
    siteHosts: string[];
    linkPatterns: Array<{ uid: string; pattern: string }>;
    notifyRoles: string[];
    /** External links: checked every `intervalMs` on each instance (`enabled`); internal-network addresses only when `allowInternal`. */
    linkCheck: { enabled: boolean; intervalMs: number; allowInternal: boolean };
  };
  scheduler: {
    /** Poll the schedule table on this instance (every instance may; claims are exclusive). */
    enabled: boolean;
    pollIntervalMs: number;
    /** A claimed row whose instance died becomes claimable again after this. */
    leaseMs: number;
    batchSize: number;
    /** Times without an offset are read, and shown, in this zone. */
    timeZone: string;
  };
}

// Lists default to empty: Strapi merges the app's configuration into these defaults item by item.
export default {
  default: ({ env }): WorkflowConfig => ({
    contentTypes: {},
    departments: null,
    exemptionReasons: [],
    eventLabels: {},
    defaultChain: null,
    defaultGrants: {},
    hashExcludedFields: [],
    unpublishRoles: [],
    noReviewerRoles: [],
    adminUrl: env('PUBLIC_URL', 'http://localhost:1337') + '/admin',
    timeZone: env('SITE_TIME_ZONE', 'Asia/Shanghai'),
    uploads: { allowedTypes: null as unknown as string[] },
    inspection: {
      maxAttachmentBytes: env.int('INSPECTION_MAX_ATTACHMENT_BYTES', 50 * 1024 * 1024),
      siteHosts: [],
      linkPatterns: [],
      notifyRoles: [],
      linkCheck: { enabled: env.bool('LINK_CHECK_ENABLED', env('NODE_ENV') !== 'test'), intervalMs: env.int('LINK_CHECK_INTERVAL_MS', 60_000), allowInternal: false },
    },
    scheduler: {
      enabled: env.bool('SCHEDULER_ENABLED', env('NODE_ENV') !== 'test'),
      pollIntervalMs: env.int('SCHEDULER_POLL_MS', 5000),
      leaseMs: env.int('SCHEDULER_LEASE_MS', 60000),
      batchSize: env.int('SCHEDULER_BATCH', 50),
      timeZone: env('SITE_TIME_ZONE', 'Asia/Shanghai'),
    },
  }),
  validator(config: WorkflowConfig) {
    const problems = checkShape(config);
    if (problems.length) throw new Error(`disclosure-workflow configuration:\n  - ${problems.join('\n  - ')}`);
    config.uploads.allowedTypes ??= DEFAULT_ALLOWED_TYPES;
  },
};

const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringList = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The configuration's own shape, before any content type is loaded. */
export function checkShape(config: WorkflowConfig): string[] {
  const problems: string[] = [];
  if (!isObject(config.contentTypes)) problems.push('contentTypes must be an object: { "api::x.x": { title, department, classified, withheld } }');
  else {
    for (const [uid, spec] of Object.entries(config.contentTypes)) {
      if (!isObject(spec)) problems.push(`contentTypes["${uid}"] must be an object`);
      else if (spec.withheld && !(typeof spec.withheld.attribute === 'string' && typeof spec.withheld.value === 'string')) {
        problems.push(`contentTypes["${uid}"].withheld must be { attribute, value, reasonAttribute? }`);
      }
      if (isObject(spec) && spec.expiry && !(typeof spec.expiry.at === 'string' && typeof spec.expiry.attribute === 'string' && (typeof spec.expiry.value === 'string' || typeof spec.expiry.valueFrom === 'string'))) {
        problems.push(`contentTypes["${uid}"].expiry must be { at, attribute, value | valueFrom, changedAt? }`);
      }
      if (isObject(spec) && spec.companions !== undefined && !(typeof spec.companions === 'string' && spec.companions.trim())) {
        problems.push(`contentTypes["${uid}"].companions must be the name of a relation attribute`);
      }
    }
  }
  const units = config.departments;
  if (units !== null && !(isObject(units) && typeof units.uid === 'string' && typeof units.name === 'string' && isStringList(units.keys) && (units.parent === undefined || typeof units.parent === 'string'))) {
    problems.push('departments must be null or { uid, name, keys: [attribute, …], parent?, scopedRoles?, owned? }');
  } else if (units) {
    if (units.scopedRoles !== undefined && !isStringList(units.scopedRoles)) problems.push('departments.scopedRoles must be a list of role codes');
    if (units.owned !== undefined && !(isObject(units.owned) && Object.values(units.owned).every((a) => typeof a === 'string'))) problems.push('departments.owned must be { "api::x.x": relationAttribute }');
  }
  if (!Array.isArray(config.exemptionReasons) || !config.exemptionReasons.every((r) => isObject(r) && ['code', 'zh', 'en'].every((k) => typeof r[k] === 'string'))) {
    problems.push('exemptionReasons must be a list of { code, zh, en }');
  }
  if (!isObject(config.eventLabels) || !Object.values(config.eventLabels).every((l) => isObject(l) && typeof l.zh === 'string' && typeof l.en === 'string')) {
    problems.push('eventLabels must be { eventCode: { zh, en } }');
  }
  if (!isObject(config.defaultGrants) || !Object.values(config.defaultGrants).every(isStringList)) problems.push('defaultGrants must be { roleCode: [action, …] }');
  for (const key of ['unpublishRoles', 'noReviewerRoles', 'hashExcludedFields'] as const) if (!isStringList(config[key])) problems.push(`${key} must be a list of strings`);
  if (config.uploads?.allowedTypes != null && !isStringList(config.uploads.allowedTypes)) problems.push('uploads.allowedTypes must be a list of type names');
  return problems;
}

type Model = { attributes: Record<string, any> } | undefined;

const isToOneUnit = (a: any, departmentUid: string | undefined) => a?.type === 'relation' && (!departmentUid || a.target === departmentUid) && !/Many$/.test(a.relation);

/** The configuration against the loaded content types: every named type and attribute exists and fits. */
export function checkModels(config: WorkflowConfig, getModel: (uid: string) => Model): string[] {
  const problems: string[] = [];
  const departmentUid = config.departments?.uid;
  if (departmentUid) {
    const model = getModel(departmentUid);
    if (!model) problems.push(`departments.uid: no content type ${departmentUid}`);
    else {
      for (const key of [config.departments!.name, ...config.departments!.keys]) {
        if (key !== 'documentId' && !model.attributes[key]) problems.push(`departments: ${departmentUid} has no attribute "${key}"`);
      }
      const parent = config.departments!.parent;
      const relation = parent ? model.attributes[parent] : null;
      if (parent && !(relation?.type === 'relation' && relation.target === departmentUid && !/Many$/.test(relation.relation))) {
        problems.push(`departments.parent: "${parent}" must be a to-one relation of ${departmentUid} to itself`);
      }
      for (const [uid, name] of Object.entries(config.departments!.owned ?? {})) {
        const owner = getModel(uid)?.attributes[name];
        if (!getModel(uid)) problems.push(`departments.owned: no content type ${uid}`);
        else if (!isToOneUnit(owner, departmentUid)) problems.push(`departments.owned["${uid}"]: "${name}" must be a to-one relation to ${departmentUid}`);
      }
    }
  }
  for (const [uid, spec] of Object.entries(config.contentTypes)) {
    const model = getModel(uid);
    if (!model) {
      problems.push(`contentTypes: no content type ${uid}`);
      continue;
    }
    const attr = (name: string) => model.attributes[name];
    const expect = (key: string, name: string | undefined, ok: (a: any) => boolean, what: string) => {
      if (name === undefined) return;
      if (!attr(name)) problems.push(`contentTypes["${uid}"].${key}: no attribute "${name}"`);
      else if (!ok(attr(name))) problems.push(`contentTypes["${uid}"].${key}: "${name}" must be ${what}`);
    };
    expect('title', spec.title, (a) => ['string', 'text', 'uid'].includes(a.type), 'a text attribute');
    expect('classified', spec.classified, (a) => a.type === 'boolean', 'a boolean attribute');
    expect('department', spec.department, (a) => isToOneUnit(a, departmentUid), `a to-one relation to ${departmentUid ?? 'the departments type'}`);
    if (spec.department && !departmentUid) problems.push(`contentTypes["${uid}"].department needs the departments setting`);
    expect(
      'companions', spec.companions,
      (a) => a.type === 'relation' && typeof a.target === 'string' && !a.relation?.startsWith('morph') && Object.prototype.hasOwnProperty.call(config.contentTypes, a.target),
      'a relation to a governed content type',
    );
    if (spec.withheld) {
      expect('withheld.attribute', spec.withheld.attribute, (a) => a.type === 'enumeration' && a.enum.includes(spec.withheld!.value), `an enumeration with the value "${spec.withheld.value}"`);
      expect('withheld.reasonAttribute', spec.withheld.reasonAttribute, (a) => ['string', 'text', 'enumeration'].includes(a.type), 'a text or enumeration attribute');
    }
    if (spec.expiry) {
      const { at, attribute, value, valueFrom, changedAt } = spec.expiry;
      expect('expiry.at', at, (a) => a.type === 'date', 'a date attribute');
      expect('expiry.attribute', attribute, (a) => a.type === 'enumeration' && (!value || a.enum.includes(value)), `an enumeration${value ? ` with the value "${value}"` : ''}`);
      expect('expiry.valueFrom', valueFrom, (a) => a.type === 'enumeration' && a.enum.every((v: string) => attr(attribute)?.enum?.includes(v)), `an enumeration whose values are values of "${attribute}"`);
      expect('expiry.changedAt', changedAt, (a) => a.type === 'date', 'a date attribute');
    }
  }
  return problems;
}
