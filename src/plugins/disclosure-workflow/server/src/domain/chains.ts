// Chain templates: which steps a document goes through, chosen by content type and department,
// with conditional steps (e.g. important = true adds 主要负责人).
/** Who of a role may act: members of the document's department (the default, 谁公开谁审查) or anyone. */
export type Scope = 'department' | 'any';
export const SCOPES: readonly Scope[] = ['department', 'any'];

export interface StepTemplate {
  name: string;
  roles: string[];
  scope?: Scope;
  /** The step applies only when every listed attribute of the document equals the value. */
  when?: Record<string, unknown>;
}

export interface ChainTemplate {
  id?: number;
  name: string;
  contentTypes: string[];
  departments?: string[] | null;
  submitRoles: string[];
  steps: StepTemplate[];
  signOffRoles: string[];
  signOffScope?: Scope;
  priority?: number;
  enabled?: boolean;
}

export const DEFAULT_CHAIN: ChainTemplate = {
  name: '三审一签（默认） Default: three reviews and sign-off',
  contentTypes: ['*'],
  departments: null,
  submitRoles: ['gov-author', 'gov-office'],
  steps: [
    { name: '一审：科室负责人审稿 Section head review', roles: ['gov-section-head'] },
    { name: '二审：分管领导审核 Leader review', roles: ['gov-leader'] },
    { name: '三审：主要负责人签发 Principal sign', roles: ['gov-principal'], when: { important: true } },
  ],
  signOffRoles: ['gov-secrecy-reviewer'],
  priority: 0,
  enabled: true,
};

/** The most specific enabled template for this document: department match beats content type alone. */
export function pickChain(templates: ChainTemplate[], uid: string, departmentKeys: string[]): ChainTemplate | null {
  const score = (t: ChainTemplate) => {
    if (t.enabled === false) return -1;
    const typeMatch = t.contentTypes.includes(uid) ? 2 : t.contentTypes.includes('*') ? 1 : 0;
    if (!typeMatch) return -1;
    const depts = t.departments ?? [];
    if (depts.length && !depts.some((d) => departmentKeys.includes(d))) return -1;
    return typeMatch * 10 + (depts.length ? 100 : 0) + (t.priority ?? 0);
  };
  const ranked = templates.map((t) => ({ t, s: score(t) })).filter((x) => x.s >= 0).sort((a, b) => b.s - a.s);
  return ranked[0]?.t ?? null;
}

export function resolveSteps(template: ChainTemplate, doc: Record<string, unknown>) {
  return template.steps
    .filter((step) => !step.when || Object.entries(step.when).every(([field, value]) => doc[field] === value))
    .map(({ name, roles, scope }) => ({ name, roles, ...(scope ? { scope } : {}) }));
}

const isStringList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length > 0);

/** Field-level problems of a template an administrator submitted. */
export function checkChain(input: any): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  if (typeof input?.name !== 'string' || !input.name.trim()) problems.push({ path: 'name', message: '名称不能为空 / name is required' });
  if (!isStringList(input?.contentTypes) || !input.contentTypes.length) problems.push({ path: 'contentTypes', message: '须指定适用的内容类型 / contentTypes must list content-type uids or *' });
  if (input?.departments != null && !isStringList(input.departments)) problems.push({ path: 'departments', message: 'departments must be a list of department codes or documentIds' });
  if (!isStringList(input?.submitRoles) || !input.submitRoles.length) problems.push({ path: 'submitRoles', message: '须指定送审岗位 / submitRoles must list role codes' });
  if (!isStringList(input?.signOffRoles) || !input.signOffRoles.length) problems.push({ path: 'signOffRoles', message: '须指定保密审查岗位 / signOffRoles must list role codes' });
  if (!Array.isArray(input?.steps)) problems.push({ path: 'steps', message: 'steps must be a list' });
  else
    input.steps.forEach((s: any, i: number) => {
      if (typeof s?.name !== 'string' || !s.name.trim()) problems.push({ path: `steps.${i}.name`, message: '环节名称不能为空 / step name is required' });
      if (!isStringList(s?.roles) || !s.roles.length) problems.push({ path: `steps.${i}.roles`, message: '须指定审核岗位 / step roles must list role codes' });
      if (s?.when != null && (typeof s.when !== 'object' || Array.isArray(s.when))) problems.push({ path: `steps.${i}.when`, message: 'when must be an object of attribute: value' });
      if (s?.scope != null && !SCOPES.includes(s.scope)) problems.push({ path: `steps.${i}.scope`, message: '范围须为 department 或 any / scope must be department or any' });
    });
  if (input?.signOffScope != null && !SCOPES.includes(input.signOffScope)) problems.push({ path: 'signOffScope', message: '范围须为 department 或 any / signOffScope must be department or any' });
  return problems;
}
