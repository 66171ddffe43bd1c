// 答复书: the reply's table 三 row (`disposition`) is derived from its type on every write, never
// typed; a reply is published (issued) only with the fields its type requires (条例§36–§39).
import type { Core } from '@strapi/strapi';
import { REPLY } from '../constants';
import { replyDisposition, REPLY_TYPE_FIELDS as TYPE_FIELDS, type ReplyFields } from '../domain/reply-types';
import { checkReply } from '../domain/reply-rules';
import { fieldValidationError } from './validation-error';

type Ctx = { uid: string; action: string; params: any };

export function replyRules(strapi: Core.Strapi) {
  const draft = (documentId: string) =>
    strapi.db.query(REPLY).findOne({ where: { documentId, publishedAt: null }, select: [...TYPE_FIELDS] }) as Promise<ReplyFields | null>;

  async function derive(ctx: Ctx) {
    const data = ctx.params.data;
    if (!data) return;
    const current = ctx.action === 'update' ? ((await draft(ctx.params.documentId)) ?? {}) : {};
    const merged: ReplyFields = { ...current };
    for (const field of TYPE_FIELDS) if (field in data) (merged as any)[field] = data[field];
    data.disposition = replyDisposition(merged);
  }

  async function checkComplete(ctx: Ctx) {
    const found = await draft(ctx.params.documentId);
    const problems = found ? checkReply(found) : [];
    if (problems.length) throw fieldValidationError(problems);
  }

  return async (ctx: Ctx, next: () => Promise<any>) => {
    if (ctx.uid !== REPLY) return next();
    if (ctx.action === 'create' || ctx.action === 'update') await derive(ctx);
    if (ctx.action === 'publish') await checkComplete(ctx);
    return next();
  };
}
