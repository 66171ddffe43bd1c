import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::handling-procedure.handling-procedure');
