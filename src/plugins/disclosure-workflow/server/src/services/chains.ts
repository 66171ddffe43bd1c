// Chain templates live in the database and are edited on the plugin's settings page.
import type { Core } from '@strapi/strapi';
import { CHAIN } from '../constants';
import { DEFAULT_CHAIN, checkChain, pickChain, type ChainTemplate } from '../domain/chains';
import { WorkflowRefusal } from '../domain/refusal';

const FIELDS = ['name', 'contentTypes', 'departments', 'submitRoles', 'steps', 'signOffRoles', 'signOffScope', 'priority', 'enabled'] as const;

export class ChainValidationError extends Error {
  constructor(readonly problems: Array<{ path: string; message: string }>) {
    super(problems.map((p) => p.message).join('; '));
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const audit = () => strapi.plugin('disclosure-workflow').service('audit');
  const pick = (input: any) => Object.fromEntries(FIELDS.filter((f) => input[f] !== undefined).map((f) => [f, input[f]]));

  return {
    async list(): Promise<ChainTemplate[]> {
      return strapi.db.query(CHAIN).findMany({ orderBy: [{ priority: 'desc' }, { id: 'asc' }] });
    },

    /** Creates the default template (configured, or the built-in 三审一签) once, so a fresh installation has a working chain. */
    async ensureDefault() {
      if ((await strapi.db.query(CHAIN).count({})) > 0) return;
      const chain: ChainTemplate = strapi.config.get('plugin::disclosure-workflow.defaultChain') ?? DEFAULT_CHAIN;
      await strapi.db.query(CHAIN).create({ data: { ...DEFAULT_CHAIN, ...chain } });
      const steps = [...chain.steps.map((s) => s.name.split(/\s/)[0]), '保密审查 sign-off'].join(' → ');
      strapi.log.info(`[disclosure-workflow] created the default approval chain: ${steps}`);
    },

    async forDocument(uid: string, departmentKeys: string[]): Promise<ChainTemplate> {
      return pickChain(await this.list(), uid, departmentKeys) ?? (() => { throw new WorkflowRefusal('NO_CHAIN', uid); })();
    },

    async create(input: any, { actor, ip }: { actor: number; ip?: string }) {
      const data = { ...DEFAULT_CHAIN, ...pick(input) };
      const problems = checkChain(data);
      if (problems.length) throw new ChainValidationError(problems);
      return strapi.db.transaction(async () => {
        const chain = await strapi.db.query(CHAIN).create({ data });
        await audit().append({ event: 'chain.create', actor, ip, data: chain });
        return chain;
      });
    },

    async update(id: number, input: any, { actor, ip }: { actor: number; ip?: string }) {
      const existing = await strapi.db.query(CHAIN).findOne({ where: { id } });
      if (!existing) throw new WorkflowRefusal('NOT_FOUND', `chain ${id}`);
      const data = { ...existing, ...pick(input) };
      const problems = checkChain(data);
      if (problems.length) throw new ChainValidationError(problems);
      return strapi.db.transaction(async () => {
        const chain = await strapi.db.query(CHAIN).update({ where: { id }, data: pick(data) });
        await audit().append({ event: 'chain.update', actor, ip, data: { before: existing, after: chain } });
        return chain;
      });
    },

    async remove(id: number, { actor, ip }: { actor: number; ip?: string }) {
      const existing = await strapi.db.query(CHAIN).findOne({ where: { id } });
      if (!existing) throw new WorkflowRefusal('NOT_FOUND', `chain ${id}`);
      return strapi.db.transaction(async () => {
        await strapi.db.query(CHAIN).delete({ where: { id } });
        await audit().append({ event: 'chain.delete', actor, ip, data: existing });
        return existing;
      });
    },
  };
};
