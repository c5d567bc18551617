import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

// Row types of the tables in migrations/. Dates are 'YYYY-MM-DD' strings and times 'HH:MM:SS'
// (see client.ts); timestamps are Date objects.

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type GeneratedAlways<T> = ColumnType<T, never, never>;

export type MeetingState = "planned" | "notice_sent" | "held" | "minutes_draft" | "approved" | "cancelled";
export type MembershipRole = "member" | "chair" | "coordinator" | "secretary" | "substitute";
export type AttendanceStatus = "present" | "absent" | "excused" | "guest";
export type ItemKind = "standing" | "item" | "theme" | "information" | "round";
export type NetworkKind = "network" | "subnetwork" | "working_group";
export type NetworkStatus = "active" | "dormant" | "closed";
export type ActionStatus = "open" | "done" | "cancelled";
export type MailKind = "notice" | "minutes" | "reminder" | "poll" | "other";
export type OutboxStatus = "queued" | "sending" | "sent" | "failed";

export interface MunicipalitiesTable {
  id: Generated<number>;
  name: string;
  kind: Generated<"municipality" | "organisation">;
  is_member: Generated<boolean>;
  created_at: DefaultTimestamp;
}

export interface PeopleTable {
  id: Generated<number>;
  name: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  municipality_id: number | null;
  anonymized_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface PersonAliasesTable {
  id: Generated<number>;
  person_id: number;
  alias: string;
}

export interface NetworksTable {
  id: Generated<number>;
  name: string;
  slug: string;
  parent_id: number | null;
  kind: Generated<NetworkKind>;
  status: Generated<NetworkStatus>;
  purpose: Generated<string>;
  publish_minutes: Generated<boolean>;
  reminder_days: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  /** 0008: items are sent in at the latest this many days before a meeting */
  submission_days: Generated<number>;
}

export interface StandingItemsTable {
  id: Generated<number>;
  network_id: number;
  position: number;
  title: string;
  kind: Generated<"standing" | "round" | "information">;
  decision_id: number | null;
  active: Generated<boolean>;
}

export interface MembershipsTable {
  id: Generated<number>;
  person_id: number;
  network_id: number;
  role: MembershipRole;
  municipality_id: number | null;
  from_date: string | null;
  to_date: string | null;
  /** set for memberships the importer inferred from rosters (0002) */
  inferred: Generated<boolean>;
  last_seen_date: string | null;
  replaces_id: number | null;
  note: Generated<string>;
  created_at: DefaultTimestamp;
}

export interface RepresentationsTable {
  id: Generated<number>;
  person_id: number;
  network_id: number | null;
  body: string;
  municipality_id: number | null;
  from_date: string | null;
  to_date: string | null;
  note: Generated<string>;
}

export interface SourceDocumentsTable {
  id: Generated<number>;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
  text: string | null;
  created_at: DefaultTimestamp;
}

export interface MeetingsTable {
  id: Generated<number>;
  network_id: number;
  state: Generated<MeetingState>;
  date: string;
  start_time: string | null;
  end_time: string | null;
  location: Generated<string>;
  online_url: string | null;
  title: Generated<string>;
  note_taker_id: number | null;
  note_taker_name: string | null;
  source_document_id: number | null;
  edited_in_app: Generated<boolean>;
  minutes_version: Generated<number>;
  approved_at: Timestamp | null;
  approved_by: number | null;
  notice_sent_at: Timestamp | null;
  cancelled_reason: string | null;
  revision: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  /** 0004: why approved minutes were reopened, until the new version is approved */
  correction_reason: Generated<string | null>;
}

export interface MinutesVersionsTable {
  id: Generated<number>;
  meeting_id: number;
  version: number;
  snapshot: unknown;
  reason: Generated<string>;
  created_by: number | null;
  created_at: DefaultTimestamp;
}

export interface AttendanceTable {
  id: Generated<number>;
  meeting_id: number;
  person_id: number;
  status: AttendanceStatus;
  municipality_id: number | null;
  role_text: string | null;
  is_chair: Generated<boolean>;
  position: Generated<number>;
  /** set when the member reported förhinder themselves, before the meeting */
  apology_at: Generated<Date | null>;
  apology_note: Generated<string | null>;
}

export interface PlansTable {
  id: Generated<number>;
  network_id: number;
  year: number;
  purpose: Generated<string>;
  goals: Generated<string>;
  organisation: Generated<string>;
  version: Generated<number>;
  created_by: number | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  updated_by: Generated<number | null>;
}

export interface ThemesTable {
  id: Generated<number>;
  plan_id: number;
  position: Generated<number>;
  title: string;
  description: Generated<string>;
  planned_meeting_id: number | null;
}

export interface ThemeOwnersTable {
  theme_id: number;
  person_id: number;
}

export interface AgendaItemsTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  kind: Generated<ItemKind>;
  title: string;
  notes: Generated<string>;
  presenter_id: number | null;
  duration_minutes: number | null;
  postponed: Generated<boolean>;
  carried_from_item_id: number | null;
  theme_id: number | null;
  standing_item_id: number | null;
  revision: Generated<number>;
  updated_at: DefaultTimestamp;
  search: GeneratedAlways<string>;
  /** 0004: the open action this item follows up */
  follow_up_action_id: Generated<number | null>;
}

export interface ItemRaisersTable {
  id: Generated<number>;
  item_id: number;
  person_id: number | null;
  name: string;
}

export interface RoundNotesTable {
  item_id: number;
  municipality_id: number;
  notes: Generated<string>;
  /** 0004: bumped on every save, for optimistic locking */
  revision: Generated<number>;
}

export interface DecisionsTable {
  id: Generated<number>;
  network_id: number;
  meeting_id: number;
  item_id: number | null;
  year: number;
  number: number;
  text: string;
  created_at: DefaultTimestamp;
  search: GeneratedAlways<string>;
}

export interface ActionsTable {
  id: Generated<number>;
  network_id: number;
  item_id: number | null;
  opened_meeting_id: number | null;
  closed_meeting_id: number | null;
  text: string;
  due_date: string | null;
  status: Generated<ActionStatus>;
  closed_at: Timestamp | null;
  closed_by: number | null;
  created_at: DefaultTimestamp;
  search: GeneratedAlways<string>;
  /** 0004: what the closer wrote */
  closed_comment: Generated<string>;
}

export interface ActionAssigneesTable {
  id: Generated<number>;
  action_id: number;
  person_id: number | null;
  name: string;
}

export interface AttachmentsTable {
  id: Generated<number>;
  meeting_id: number;
  item_id: number | null;
  document_id: number;
  title: string;
  created_by: number | null;
  created_at: DefaultTimestamp;
}

export interface SubmittedItemsTable {
  id: Generated<number>;
  network_id: number;
  meeting_id: number | null;
  person_id: number;
  title: string;
  body: Generated<string>;
  presenter_id: number | null;
  status: Generated<"submitted" | "scheduled" | "deferred">;
  item_id: number | null;
  created_at: DefaultTimestamp;
  /** 0008: the coordinator's decision */
  deferred_reason: Generated<string>;
  deferred_to_meeting_id: number | null;
  decided_at: Timestamp | null;
  decided_by: number | null;
}

/** 0008: files sent in with an item. */
export interface SubmittedItemAttachmentsTable {
  id: Generated<number>;
  submitted_item_id: number;
  document_id: number;
  title: string;
  created_at: DefaultTimestamp;
}

export interface DatePollsTable {
  id: Generated<number>;
  network_id: number;
  title: string;
  closes_at: Timestamp | null;
  status: Generated<"open" | "closed">;
  created_by: number | null;
  created_at: DefaultTimestamp;
  /** 0008: what the meetings it creates look like, and who closed it */
  description: Generated<string>;
  location: Generated<string>;
  default_start_time: string | null;
  default_end_time: string | null;
  closed_at: Timestamp | null;
  closed_by: number | null;
}

export interface DatePollOptionsTable {
  id: Generated<number>;
  poll_id: number;
  date: string;
  start_time: string | null;
  end_time: string | null;
  chosen: Generated<boolean>;
  meeting_id: number | null;
}

export interface DatePollAnswersTable {
  option_id: number;
  person_id: number;
  answer: "yes" | "maybe" | "no";
  answered_at: DefaultTimestamp;
}

/** 0008: reminders sent about a date poll. */
export interface DatePollRemindersTable {
  id: Generated<number>;
  poll_id: number;
  person_id: number;
  outbox_id: number | null;
  sent_by: number | null;
  sent_at: DefaultTimestamp;
}

export interface UsersTable {
  id: Generated<number>;
  person_id: number | null;
  email: string;
  password_hash: string | null;
  oidc_subject: string | null;
  is_admin: Generated<boolean>;
  disabled_at: Timestamp | null;
  created_at: DefaultTimestamp;
  /** added by 0003_auth */
  last_signin_at: Timestamp | null;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: Timestamp;
}

export interface TokensTable {
  id: string;
  user_id: number | null;
  person_id: number | null;
  purpose: "reset" | "first_signin" | "calendar";
  expires_at: Timestamp | null;
  used_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

/** Single sign-ons between the redirect to the provider and its callback (0003_auth). */
export interface SigninStatesTable {
  id: string;
  code_verifier: string;
  nonce: string;
  next_path: Generated<string>;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: DefaultTimestamp;
  user_id: number | null;
  actor: Generated<string>;
  action: string;
  object_type: string;
  object_id: string | null;
  before: unknown;
  after: unknown;
}

export interface OutboxTable {
  // bigserial, read as a number (client.ts parses int8)
  id: Generated<number>;
  recipient: string;
  subject: string;
  body_text: string;
  attachments: Generated<unknown>;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: DefaultTimestamp;
  last_error: string | null;
  created_at: DefaultTimestamp;
  sent_at: Timestamp | null;
  recipient_name: string | null;
  kind: Generated<MailKind>;
  network_id: number | null;
  meeting_id: number | null;
  message_id: string | null;
  claimed_at: Timestamp | null;
  claimed_by: string | null;
  transport: "smtp" | "local" | null;
}

export interface ActionRemindersTable {
  action_id: number;
  person_id: number;
  due_date: string;
  outbox_id: number | null;
  queued_at: DefaultTimestamp;
}

/** One searchable thing (agenda item, decision, action), kept by triggers (migration 0005). */
export interface SearchDocumentsTable {
  id: Generated<number>;
  kind: "item" | "decision" | "action";
  source_id: number;
  network_id: number;
  meeting_id: number | null;
  item_id: number | null;
  date: string | null;
  state: MeetingState | null;
  person_ids: Generated<number[]>;
  municipality_ids: Generated<number[]>;
  document: string;
}

/** An uploaded minutes document awaiting review before it is stored (migration 0007). */
export interface ImportDraftsTable {
  id: Generated<number>;
  created_by: number;
  person_id: number | null;
  network_id: number | null;
  filename: string;
  bytes: Uint8Array;
  sha256: string;
  source: Generated<string>;
  draft: unknown;
  warnings: Generated<unknown>;
  error: string | null;
  status: Generated<"draft" | "saved" | "discarded">;
  meeting_id: number | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: DefaultTimestamp;
}

/** Every table Kysely knows about. */
export interface DB {
  municipalities: MunicipalitiesTable;
  people: PeopleTable;
  person_aliases: PersonAliasesTable;
  networks: NetworksTable;
  standing_items: StandingItemsTable;
  memberships: MembershipsTable;
  representations: RepresentationsTable;
  source_documents: SourceDocumentsTable;
  meetings: MeetingsTable;
  minutes_versions: MinutesVersionsTable;
  attendance: AttendanceTable;
  plans: PlansTable;
  themes: ThemesTable;
  theme_owners: ThemeOwnersTable;
  agenda_items: AgendaItemsTable;
  item_raisers: ItemRaisersTable;
  round_notes: RoundNotesTable;
  decisions: DecisionsTable;
  actions: ActionsTable;
  action_assignees: ActionAssigneesTable;
  attachments: AttachmentsTable;
  submitted_items: SubmittedItemsTable;
  date_polls: DatePollsTable;
  date_poll_options: DatePollOptionsTable;
  date_poll_answers: DatePollAnswersTable;
  date_poll_reminders: DatePollRemindersTable;
  submitted_item_attachments: SubmittedItemAttachmentsTable;
  users: UsersTable;
  sessions: SessionsTable;
  tokens: TokensTable;
  signin_states: SigninStatesTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  action_reminders: ActionRemindersTable;
  search_documents: SearchDocumentsTable;
  import_drafts: ImportDraftsTable;
  schema_migrations: SchemaMigrationsTable;
}

export type Network = Selectable<NetworksTable>;
export type Meeting = Selectable<MeetingsTable>;
export type Person = Selectable<PeopleTable>;
export type NewMeeting = Insertable<MeetingsTable>;
export type MeetingUpdate = Updateable<MeetingsTable>;
