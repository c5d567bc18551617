import type {
  ActionStatus,
  AttendanceStatus,
  ItemKind,
  MembershipRole,
  NetworkKind,
  NetworkStatus,
} from "../db/schema.js";

/** Swedish words for the roles a member can hold. */
export const ROLE_LABELS: Record<MembershipRole, string> = {
  member: "Medlem",
  chair: "Ordförande",
  coordinator: "Samordnare",
  secretary: "Sekreterare",
  substitute: "Ersättare",
};

/** Swedish words for attendance. */
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: "Närvarande",
  absent: "Frånvarande",
  excused: "Förhinder",
  guest: "Övriga",
};

/** Swedish words for the kinds of agenda items. */
export const ITEM_KIND_LABELS: Record<ItemKind, string> = {
  standing: "Stående punkt",
  item: "Punkt",
  theme: "Temaområde",
  information: "Information",
  round: "Runda",
};

/** Swedish words for the kinds of networks. */
export const NETWORK_KIND_LABELS: Record<NetworkKind, string> = {
  network: "Nätverk",
  subnetwork: "Undernätverk",
  working_group: "Arbetsgrupp",
};

/** Swedish words for network status. */
export const NETWORK_STATUS_LABELS: Record<NetworkStatus, string> = {
  active: "Aktivt",
  dormant: "Vilande",
  closed: "Avslutat",
};

/** Swedish words for action status. */
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: "Pågår",
  done: "Klart",
  cancelled: "Avbrutet",
};
