// Which owning units a set of memberships covers: a unit itself, and its whole sub-tree when the
// membership includes sub-departments (a leader in charge of several bureaus, a township office
// covering its villages' units). Pure: the tree comes in as a parent map.

export interface Membership {
  department: string;
  includeSubDepartments: boolean;
}

/** Child → parent, by department documentId (roots map to null). */
export type ParentMap = Map<string, string | null>;

/** The unit and its ancestors, nearest first; stops at a cycle. */
export function lineage(department: string, parents: ParentMap): string[] {
  const seen: string[] = [];
  for (let current: string | null | undefined = department; current && !seen.includes(current); current = parents.get(current)) seen.push(current);
  return seen;
}

export function covers(memberships: Membership[], department: string, parents: ParentMap): boolean {
  const [self, ...ancestors] = lineage(department, parents);
  return memberships.some((m) => m.department === self || (m.includeSubDepartments && ancestors.includes(m.department)));
}

/** Every unit the memberships cover. */
export function coveredDepartments(memberships: Membership[], parents: ParentMap): string[] {
  return [...parents.keys()].filter((department) => covers(memberships, department, parents));
}
