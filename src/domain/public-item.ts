// The one rule for which 公开事项 the public sees: 主动公开 and not 涉密 (being published is checked
// by each caller). Every form the code needs is written here, next to the others.
export const PUBLIC_DISCLOSURE = 'proactive';

/** Document Service / query-engine filter. */
export const PUBLIC_ITEM_FILTER = {
  disclosure: PUBLIC_DISCLOSURE,
  $or: [{ classified: false }, { classified: { $null: true } }],
};

/** Whether a stored item row is one the public sees (when published). */
export const isPublicItem = (row: { disclosure?: string | null; classified?: boolean | null }) => row.disclosure === PUBLIC_DISCLOSURE && row.classified !== true;

/** GraphQL filter arguments (shadow CRUD syntax), ANDed with the caller's. */
export const PUBLIC_ITEM_GRAPHQL_FILTERS = [
  { disclosure: { eq: PUBLIC_DISCLOSURE } },
  { or: [{ classified: { eq: false } }, { classified: { null: true } }] },
];

/** SQL over disclosure_items rows: published and public (the catalogue's partial index). */
export const PUBLIC_ITEM_ROWS_SQL = `published_at IS NOT NULL AND disclosure = '${PUBLIC_DISCLOSURE}' AND (classified = false OR classified IS NULL)`;

/** The same condition on a knex query builder; `column` qualifies a column name for joins. */
export function wherePublicItem<Q extends { andWhere: (...args: any[]) => Q }>(query: Q, column: (name: string) => string = (name) => name): Q {
  return query.andWhere(column('disclosure'), PUBLIC_DISCLOSURE).andWhere((q: any) => q.where(column('classified'), false).orWhereNull(column('classified')));
}
