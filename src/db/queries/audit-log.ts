import type { Tx } from "../client.js";

/** One audit entry as the log and history pages show it. */
export type AuditEntry = {
  id: number;
  at: Date;
  actor: string;
  userId: number | null;
  action: string;
  objectType: string;
  objectId: string | null;
  before: unknown;
  after: unknown;
};

/** Filters of the admins' audit log; all optional, combined with AND. */
export type AuditFilter = {
  actor?: string | undefined;
  action?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** only entries older than this id (the next page) */
  before?: number | undefined;
};

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Audit entries matching the filter, newest first; one more than the limit tells there is a next page. */
export async function listAuditEntries(tx: Tx, filter: AuditFilter, limit = 100): Promise<AuditEntry[]> {
  let q = tx
    .selectFrom("audit_log")
    .select([
      "id",
      "at",
      "actor",
      "user_id as userId",
      "action",
      "object_type as objectType",
      "object_id as objectId",
      "before",
      "after",
    ]);
  if (filter.actor) q = q.where("actor", "ilike", `%${likeEscape(filter.actor)}%`);
  if (filter.action) q = q.where("action", "like", `${likeEscape(filter.action)}%`);
  if (filter.objectType) q = q.where("object_type", "=", filter.objectType);
  if (filter.objectId) q = q.where("object_id", "=", filter.objectId);
  if (filter.from) q = q.where("at", ">=", new Date(`${filter.from}T00:00:00Z`));
  if (filter.to) q = q.where("at", "<", new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000));
  if (filter.before !== undefined) q = q.where("id", "<", String(filter.before));
  const rows = await q.orderBy("id", "desc").limit(limit).execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** The object types and action names present in the log, for the filter's choices. */
export async function listAuditVocabulary(tx: Tx): Promise<{ objectTypes: string[]; actions: string[] }> {
  const [types, actions] = await Promise.all([
    tx.selectFrom("audit_log").select("object_type").distinct().orderBy("object_type").execute(),
    tx.selectFrom("audit_log").select("action").distinct().orderBy("action").execute(),
  ]);
  return { objectTypes: types.map((t) => t.object_type), actions: actions.map((a) => a.action) };
}
