export const PLUGIN_ID = 'disclosure-workflow';
export const API = `/${PLUGIN_ID}`;
