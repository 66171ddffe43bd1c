import { winston, formats } from '@strapi/logger';

// LOG_LEVEL=warn keeps test and benchmark output readable; the default logs every request.
export default ({ env }) => ({
  transports: [
    new winston.transports.Console({
      level: env('LOG_LEVEL', 'http'),
      format: winston.format.combine(formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' })),
    }),
  ],
});
