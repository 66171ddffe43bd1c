import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::handling-procedure.handling-procedure');
