import { factories } from '@strapi/strapi';

// Read-only over REST: reports are written in the admin, through the approval chain.
export default factories.createCoreRouter('api::annual-report.annual-report' as any, { only: ['find', 'findOne'] });
