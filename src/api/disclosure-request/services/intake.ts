// Receiving a request from the public: stored with its clock started, answered with a query code.
import { createHash, randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { localDate } from '../../../domain/local-date';
import { checkIntake, type IntakeProblem } from '../../../domain/request-intake';

const REQUEST = 'api::disclosure-request.disclosure-request';
const ATTEMPTS = 'disclosure_intake_attempts';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 16 random base32 characters (80 bits): not guessable, easy to read out on the phone. */
export function newQueryCode(): string {
  const bytes = randomBytes(16);
  const chars = Array.from(bytes, (b) => BASE32[b % 32]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** The answer to a submission: the query code to keep, the date, the stage; `repeated` for a key sent again. */
export interface Received {
  queryCode: string;
  submittedAt: string;
  state: string;
  repeated?: boolean;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function store(fields: Record<string, unknown>): Promise<Received> {
    // Online requests are received on the day the office confirms them (条例§31(3)); until then
    // the case waits, dated the day it came in (the site's time zone).
    const submittedAt = localDate(new Date(), strapi.config.get('disclosure.timeZone'));
    const started = await strapi.service('api::disclosure-request.case').start({ channel: 'online', date: submittedAt });
    const queryCode = newQueryCode();
    await strapi.db.query(REQUEST).create({
      data: { ...fields, ...started, queryCode, channel: 'online' },
    });
    strapi.log.info('[disclosure] request submitted online, awaiting confirmation of receipt');
    return { queryCode, submittedAt, state: started.state };
  }

  return {
    /** Per-client rate limit, kept in the database so every instance counts the same submissions. */
    async allow(ip: string): Promise<boolean> {
      const { max, windowMs } = strapi.config.get('disclosure.intake.rateLimit') as { max: number; windowMs: number };
      const client = createHash('sha256')
        .update(`${process.env.AUDIT_SECRET ?? ''}:${ip}`)
        .digest('hex')
        .slice(0, 32);
      const since = Date.now() - windowMs;
      const knex = strapi.db.connection;
      await knex(ATTEMPTS)
        .where('at', '<', since - windowMs)
        .delete();
      const [{ count }] = await knex(ATTEMPTS).where({ client }).andWhere('at', '>=', since).count({ count: '*' });
      if (Number(count) >= max) return false;
      await knex(ATTEMPTS).insert({ client, at: Date.now() });
      return true;
    },

    /**
     * A submission from the public (the API's apply and the portal's form): the client's rate limit,
     * the field checks, then `receive`.
     */
    async submit(ip: string, body: unknown): Promise<{ limited: true } | { problems: IntakeProblem[] } | { received: Received }> {
      if (!(await this.allow(ip))) return { limited: true };
      const { value, problems } = checkIntake(body);
      if (problems) return { problems };
      return { received: await this.receive(value!) };
    },

    /** Stores a request once per submission key (README → 依申请公开 online): a repeat gets the first answer. */
    async receive(fields: Record<string, unknown>): Promise<Received> {
      const key = typeof fields.submissionKey === 'string' && fields.submissionKey ? fields.submissionKey : null;
      const earlier = async () => {
        const row = key
          ? await strapi.db.query(REQUEST).findOne({
              where: { submissionKey: key },
              select: ['queryCode', 'submittedAt', 'state'],
            })
          : null;
        return (
          row && {
            queryCode: row.queryCode as string,
            submittedAt: row.submittedAt as string,
            state: row.state as string,
            repeated: true,
          }
        );
      };
      const found = await earlier();
      if (found) return found;
      try {
        return await store({ ...fields, submissionKey: key });
      } catch (error) {
        // Another instance stored the same key a moment ago (the unique index): answer with that one.
        const raced = await earlier();
        if (raced) return raced;
        throw error;
      }
    },

    async status(queryCode: string) {
      const row = await strapi.db.query(REQUEST).findOne({
        where: { queryCode },
        select: ['state', 'submittedAt', 'receivedAt', 'dueAt', 'dueProvisional', 'closedAt', 'disposition'],
      });
      if (!row) return null;
      const closed = row.state === 'closed' || row.state === 'replied';
      return {
        state: row.state,
        submittedAt: row.submittedAt,
        /** The confirmed date of receipt (§31): null until the office confirms it. */
        receivedAt: row.receivedAt,
        dueAt: row.dueAt,
        dueProvisional: Boolean(row.dueProvisional),
        ...(closed ? { closedAt: row.closedAt, disposition: row.disposition } : {}),
      };
    },
  };
};
