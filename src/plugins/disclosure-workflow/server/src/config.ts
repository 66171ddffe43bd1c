// Plugin configuration (config/plugins.ts → 'disclosure-workflow'.config).
export interface WorkflowConfig {
  /** Content types under the approval chain and publish gate. */
  contentTypes: string[];
  /** Attributes that do not count as content: set by the system at publication. */
  hashExcludedFields: string[];
  /** Roles that may unpublish ("gov-publisher and above"). */
  unpublishRoles: string[];
  /** Admin URL used in notification e-mails. */
  adminUrl: string;
  /** false turns the whole workflow (and its gate) off: used by bench:gate for the baseline. */
  enabled: boolean;
  /** The site's time zone: times in the audit page, its CSV export, the slip and 待办 are shown in it. */
  timeZone: string;
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

export default {
  default: ({ env }): WorkflowConfig => ({
    contentTypes: [
      'api::disclosure-item.disclosure-item',
      'api::handling-procedure.handling-procedure',
      'api::request-reply.request-reply',
      'api::annual-report.annual-report',
    ],
    hashExcludedFields: ['publishedDate'],
    unpublishRoles: ['gov-publisher', 'gov-office', 'gov-principal', 'strapi-super-admin'],
    adminUrl: env('PUBLIC_URL', 'http://localhost:1337') + '/admin',
    enabled: true,
    timeZone: env('SITE_TIME_ZONE', 'Asia/Shanghai'),
    scheduler: {
      enabled: env.bool('SCHEDULER_ENABLED', env('NODE_ENV') !== 'test'),
      pollIntervalMs: env.int('SCHEDULER_POLL_MS', 5000),
      leaseMs: env.int('SCHEDULER_LEASE_MS', 60000),
      batchSize: env.int('SCHEDULER_BATCH', 50),
      timeZone: env('SITE_TIME_ZONE', 'Asia/Shanghai'),
    },
  }),
  validator(config: WorkflowConfig) {
    if (!Array.isArray(config.contentTypes)) throw new Error('disclosure-workflow: contentTypes must be a list of content-type uids');
    if (!Array.isArray(config.unpublishRoles)) throw new Error('disclosure-workflow: unpublishRoles must be a list of role codes');
  },
};
