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
}

export default {
  default: ({ env }): WorkflowConfig => ({
    contentTypes: ['api::disclosure-item.disclosure-item', 'api::handling-procedure.handling-procedure'],
    hashExcludedFields: ['publishedDate'],
    unpublishRoles: ['gov-publisher', 'gov-office', 'gov-principal', 'strapi-super-admin'],
    adminUrl: env('PUBLIC_URL', 'http://localhost:1337') + '/admin',
    enabled: true,
  }),
  validator(config: WorkflowConfig) {
    if (!Array.isArray(config.contentTypes)) throw new Error('disclosure-workflow: contentTypes must be a list of content-type uids');
    if (!Array.isArray(config.unpublishRoles)) throw new Error('disclosure-workflow: unpublishRoles must be a list of role codes');
  },
};
