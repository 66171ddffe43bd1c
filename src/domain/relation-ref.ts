// Strapi accepts a relation in many shapes (id, documentId, {connect}, {set}, arrays…).
// This reduces any of them to what a write does to a to-one relation.
export type RelationRef =
  | { kind: 'unchanged' }
  | { kind: 'cleared' }
  | { kind: 'set'; ref: { id: number } | { documentId: string } };

function toRef(value: unknown): { id: number } | { documentId: string } | null {
  if (typeof value === 'number' && Number.isInteger(value)) return { id: value };
  if (typeof value === 'string' && value.length > 0) return /^\d+$/.test(value) ? { id: Number(value) } : { documentId: value };
  if (value && typeof value === 'object') {
    const { id, documentId } = value as { id?: unknown; documentId?: unknown };
    if (typeof documentId === 'string' && documentId) return { documentId };
    if (id !== undefined) return toRef(id);
  }
  return null;
}

export function toOneRelation(value: unknown): RelationRef | { kind: 'invalid' } {
  if (value === undefined) return { kind: 'unchanged' };
  if (value === null) return { kind: 'cleared' };
  if (Array.isArray(value)) return value.length === 0 ? { kind: 'cleared' } : toOneRelation(value[value.length - 1]);
  if (typeof value === 'object' && ('connect' in value || 'disconnect' in value || 'set' in value)) {
    const { connect, disconnect, set } = value as { connect?: unknown[]; disconnect?: unknown[]; set?: unknown[] };
    if (Array.isArray(set)) return toOneRelation(set);
    if (Array.isArray(connect) && connect.length) return toOneRelation(connect[connect.length - 1]);
    if (Array.isArray(disconnect) && disconnect.length) return { kind: 'cleared' };
    return { kind: 'unchanged' };
  }
  const ref = toRef(value);
  return ref ? { kind: 'set', ref } : { kind: 'invalid' };
}
