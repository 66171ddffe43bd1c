// Content locales: Chinese (Simplified) is the default for localized content (办事指南 may add
// English versions). Set once; administrators may change it in Settings → Internationalization.
import type { Core } from '@strapi/strapi';

const STORE_KEY = { type: 'app', name: 'disclosure', key: 'default-content-locale-set' } as const;

export async function ensureChineseDefaultLocale(strapi: Core.Strapi) {
  if (await strapi.store.get(STORE_KEY)) return;
  const locales = strapi.plugin('i18n').service('locales');
  if (!(await locales.findByCode('zh-Hans'))) await locales.create({ code: 'zh-Hans', name: 'Chinese (Simplified) (zh-Hans)' });
  await locales.setDefaultLocale({ code: 'zh-Hans' });
  await strapi.store.set({ ...STORE_KEY, value: true });
  strapi.log.info('[disclosure] default content locale: zh-Hans');
}
