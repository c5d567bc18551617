/**
 * Who may do what. One table, checked in the commands (not only in the views):
 * a role in a network grants the permissions listed for it; secretariat admins have all.
 */
export const PERMISSIONS = {
  "network.read": ["coordinator", "member", "reader"],
  "network.manage": ["coordinator"],
  "meeting.read": ["coordinator", "member", "reader"],
  "minutes.read": ["coordinator", "member", "reader"],
  "minutes.readDraft": ["coordinator", "member"],
  "contacts.read": ["coordinator", "member"],
  "meeting.edit": ["coordinator"],
  "minutes.approve": ["coordinator", "chair"],
  "item.submit": ["coordinator", "member"],
  "poll.answer": ["coordinator", "member"],
  "apology.send": ["coordinator", "member"],
  "action.closeOwn": ["coordinator", "member"],
  "action.manage": ["coordinator"],
  "import.run": ["coordinator"],
  // Top-level networks and the contact list across all networks belong to the secretariat (admins).
  "network.create": [],
  "contacts.readAll": [],
  admin: [],
} as const satisfies Record<string, readonly NetworkRole[]>;

/** Something a person may be allowed to do. */
export type Permission = keyof typeof PERMISSIONS;

/** What a person is in one network, for permissions. "chair" is a member who chairs. */
export type NetworkRole = "coordinator" | "chair" | "member" | "reader";

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
