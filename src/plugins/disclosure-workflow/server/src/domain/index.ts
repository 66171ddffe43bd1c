// The plugin's pure domain modules (no Strapi): its `disclosure-workflow/domain` package entry, for
// unit tests and for code that wants the rules without a running Strapi.
export * from './attachment-types';
export * from './audit-chain';
export * from './audit-labels';
export * from './calendar';
export * from './canonical';
export * from './changes';
export * from './chains';
export * from './content-hash';
export * from './refusal';
export * from './relation-input';
export * from './schedule';
export * from './slip';
export * as stateMachine from './state-machine';
export * from './inspection';
