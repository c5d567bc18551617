import { sql } from "kysely";

/**
 * Whose minutes an actor may read across networks: everything (admins), or approved minutes
 * plus the drafts of the listed networks.
 */
export type ReadScope = { all: true } | { all: false; draftNetworkIds: number[] };

/** SQL that is true when a row's meeting state and network (column references) are readable in the scope. */
export function readableSql(scope: ReadScope, stateColumn: string, networkColumn: string) {
  if (scope.all) return sql<boolean>`true`;
  return sql<boolean>`(${sql.ref(stateColumn)} = 'approved' OR ${sql.ref(networkColumn)} = ANY(${sql.val(
    scope.draftNetworkIds,
  )}::int[]))`;
}
