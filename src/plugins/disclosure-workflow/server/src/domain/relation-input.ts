// What a to-one relation input in Document Service data sets, in any of the shapes Strapi accepts:
// a documentId, a row id, { documentId } / { id }, a list of them, { set }, { connect, disconnect }
// (the Content Manager's form). Pure, so the department check cannot be fooled by a shape it missed.

export type RelationRef = { documentId: string } | { id: number };
/** `unchanged`: the input leaves the relation as it is; `null`: it clears it; `invalid`: not a relation input. */
export type RelationTarget = RelationRef | null | 'unchanged' | 'invalid';

function ref(value: unknown): RelationRef | 'invalid' {
  if (typeof value === 'string' && value) return /^\d+$/.test(value) ? { id: Number(value) } : { documentId: value };
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return { id: value };
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const { documentId, id } = value as Record<string, unknown>;
    if (typeof documentId === 'string' && documentId) return { documentId };
    if (id !== undefined) return ref(id);
  }
  return 'invalid';
}

/** The last element of a list names the target, as in Strapi's own to-one handling. */
const lastOf = (list: unknown[]): RelationTarget => (list.length ? ref(list[list.length - 1]) : null);

export function relationTarget(value: unknown): RelationTarget {
  if (value === undefined) return 'unchanged';
  if (value === null) return null;
  if (Array.isArray(value)) return lastOf(value);
  if (typeof value === 'object') {
    const input = value as Record<string, unknown>;
    if ('set' in input) return Array.isArray(input.set) ? lastOf(input.set) : input.set === null ? null : 'invalid';
    if ('connect' in input || 'disconnect' in input) {
      const connect = input.connect ?? [];
      const disconnect = input.disconnect ?? [];
      if (!Array.isArray(connect) || !Array.isArray(disconnect)) return 'invalid';
      if (connect.length) return lastOf(connect);
      return disconnect.length ? null : 'unchanged';
    }
  }
  return ref(value);
}

/** Every target a relation input connects (to-many as well): the ids to check before they are linked. */
export function connectedRefs(value: unknown): RelationRef[] | 'invalid' {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value)
    ? value
    : typeof value === 'object' && ('set' in (value as object) || 'connect' in (value as object) || 'disconnect' in (value as object))
      ? [].concat((value as any).set ?? [], (value as any).connect ?? [])
      : [value];
  const refs = list.map(ref);
  return refs.includes('invalid') ? 'invalid' : (refs as RelationRef[]);
}
