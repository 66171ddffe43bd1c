import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // Chinese (Simplified) beside English; each user picks theirs in their profile.
    locales: ['zh-Hans'],
    translations: {
      'zh-Hans': {
        'Auth.form.welcome.title': '欢迎使用政府信息公开管理平台',
        'Auth.form.welcome.subtitle': '登录您的账号',
        'app.components.LeftMenu.navbrand.title': '政府信息公开',
        'app.components.LeftMenu.navbrand.workplace': '管理后台',
      },
      en: {
        'Auth.form.welcome.title': 'Government information disclosure',
        'Auth.form.welcome.subtitle': 'Log in to your account',
        'app.components.LeftMenu.navbrand.title': 'Information disclosure',
        'app.components.LeftMenu.navbrand.workplace': 'Administration',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
