/**
 * Who may do what. One table, checked in the commands (not only in the views):
 * a role in a network grants the permissions listed for it; secretariat admins have all.
 *
 * The roles, from least to most:
 * - public: nobody signed in, on a network that publishes its approved minutes openly
 * - reader: anyone signed in (approved minutes and network facts of every network)
 * - member, chair: a current membership of the network (also drafts, agendas, own actions)
 * - coordinator: coordinates the network or a parent of it (everything in it)
 * - admin (not a network role): the secretariat, everything everywhere
 */
export const PERMISSIONS = {
  "network.read": ["coordinator", "member", "reader", "public"],
  "network.manage": ["coordinator"],
  /** a meeting that is not approved yet: its agenda, notice or draft minutes */
  "meeting.read": ["coordinator", "member"],
  /** approved minutes */
  "minutes.read": ["coordinator", "member", "reader", "public"],
  "minutes.readDraft": ["coordinator", "member"],
  "contacts.read": ["coordinator", "member"],
  "meeting.edit": ["coordinator"],
  "minutes.approve": ["coordinator", "chair"],
  "item.submit": ["coordinator", "member"],
  "poll.answer": ["coordinator", "member"],
  /** propose dates, remind, pick dates (which creates meetings) */
  "poll.manage": ["coordinator"],
  "apology.send": ["coordinator", "member"],
  "action.closeOwn": ["coordinator", "member"],
  "action.manage": ["coordinator"],
  "import.run": ["coordinator"],
  // Top-level networks and the contact list across all networks belong to the secretariat (admins).
  "network.create": [],
  "contacts.readAll": [],
  /** people's pages: names, memberships, attendance (only where the meeting is readable) */
  "person.read": ["coordinator", "member", "reader"],
  /** the history tab (audit entries) of a network's meetings and of the network itself */
  "history.read": ["coordinator"],
  /** one's own account: password, sessions */
  "account.manage": ["coordinator", "member", "reader"],
  /** accounts, the whole audit log, GDPR export and anonymization: secretariat only */
  admin: [],
} as const satisfies Record<string, readonly NetworkRole[]>;

/** Something a person may be allowed to do. */
export type Permission = keyof typeof PERMISSIONS;

/** What a person is in one network, for permissions. "chair" is a member who chairs. */
export type NetworkRole = "coordinator" | "chair" | "member" | "reader" | "public";

/** The signed-in person (or nobody) on whose behalf a command runs. */
export type Actor = {
  userId: number | null;
  personId: number | null;
  isAdmin: boolean;
  /** for the audit log: an e-mail address, "system" or "anonymous" */
  label: string;
};

/** Nobody signed in. */
export const ANONYMOUS: Actor = { userId: null, personId: null, isAdmin: false, label: "anonymous" };

/** The system itself: imports from the CLI, the demo loader, workers. */
export const SYSTEM: Actor = { userId: null, personId: null, isAdmin: true, label: "system" };

/** Whether any of the roles grants the permission (admins always pass). */
export function allows(actor: Actor, roles: readonly NetworkRole[], permission: Permission): boolean {
  if (actor.isAdmin) return true;
  const granted: readonly NetworkRole[] = PERMISSIONS[permission];
  return roles.some((r) => granted.includes(r));
}

/** The permission needed to read a meeting in a given state: approved minutes, or anything earlier. */
export function meetingReadPermission(state: string): Permission {
  return state === "approved" ? "minutes.read" : "meeting.read";
}
