// 告知书模板 the office edits: a title, 文号 pattern, contacts or body that is not valid mustache is
// a 400 naming the field when saved, rather than a notice that cannot be rendered later.
import { NOTICE_TEMPLATE } from '../constants';
import { templateProblems } from '../domain/notices';
import { fieldValidationError } from './validation-error';

export function noticeTemplateRules() {
  return async (ctx: { uid: string; action: string; params: any }, next: () => Promise<any>) => {
    if (ctx.uid !== NOTICE_TEMPLATE || !['create', 'update'].includes(ctx.action)) return next();
    const problems = templateProblems(ctx.params?.data ?? {});
    if (problems.length) throw fieldValidationError(problems);
    return next();
  };
}
