// Admin texts of one feature, written without their prefix, as `config.translations` wants them:
// `{ en: { 'prefix.key': text }, 'zh-Hans': { … } }`.
export type Texts = Record<string, string>;
export type Translations = { en: Texts; 'zh-Hans': Texts };

export function prefixedTranslations(prefix: string, messages: Translations): Translations {
  const prefixed = (texts: Texts) => Object.fromEntries(Object.entries(texts).map(([key, value]) => [`${prefix}.${key}`, value]));
  return { en: prefixed(messages.en), 'zh-Hans': prefixed(messages['zh-Hans']) };
}
