import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::handling-procedure.handling-procedure');
