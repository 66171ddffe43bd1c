import chain from './chain/schema.json';
import round from './round/schema.json';
import auditEvent from './audit-event/schema.json';
import schedule from './schedule/schema.json';
import calendarOverride from './calendar-override/schema.json';
import membership from './membership/schema.json';
import sensitiveTerm from './sensitive-term/schema.json';
import contentSnapshot from './content-snapshot/schema.json';
import inspection from './inspection/schema.json';

export default {
  chain: { schema: chain },
  round: { schema: round },
  'audit-event': { schema: auditEvent },
  schedule: { schema: schedule },
  'calendar-override': { schema: calendarOverride },
  membership: { schema: membership },
  'sensitive-term': { schema: sensitiveTerm },
  'content-snapshot': { schema: contentSnapshot },
  inspection: { schema: inspection },
};
