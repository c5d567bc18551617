import type { AttendanceStatus, MeetingState } from "../db/schema.js";

/** One person on a meeting's roster, as the documents print it. */
export type DocAttendee = {
  name: string;
  status: AttendanceStatus;
  /** the municipality or organisation the person represents */
  municipality: string | null;
  /** guests' role or title ("Planeringsledare Socialchefs nätverket") */
  role: string | null;
  chair: boolean;
};

/** An assignment given under an item. */
export type DocAction = { assignees: string[]; text: string; due: string | null };

/** One agenda item with what was said, decided and assigned under it. */
export type DocItem = {
  title: string;
  /** Markdown as the note-taker wrote it */
  notes: string;
  raisedBy: string[];
  presenter: string | null;
  durationMinutes: number | null;
  postponed: boolean;
  /** "att ..." */
  decisions: string[];
  actions: DocAction[];
  /** "Läget i kommunerna": one note per municipality */
  roundNotes: { municipality: string; notes: string }[];
};

/** A meeting as every document format (minutes, notice, calendar) needs it: plain data, no I/O. */
export type MeetingDoc = {
  meetingId: number | null;
  network: string;
  title: string;
  /** YYYY-MM-DD; null only for drafts that never got a date */
  date: string | null;
  /** HH:MM */
  startTime: string | null;
  endTime: string | null;
  location: string;
  onlineUrl: string | null;
  state: MeetingState;
  cancelledReason: string | null;
  noteTaker: string | null;
  nextMeeting: string | null;
  attendees: DocAttendee[];
  items: DocItem[];
  /** calendar SEQUENCE: bumped on every change of the meeting */
  revision: number;
  updatedAt: Date | null;
};

/** One row of a network's contact list. */
export type ContactRow = {
  name: string;
  role: string;
  municipality: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
};

/** A network's current members and coordinators with how to reach them. */
export type ContactListDoc = { network: string; date: string; rows: ContactRow[] };

/** A finished file: its bytes, MIME type and a suggested name. */
export type ExportedFile = { filename: string; contentType: string; bytes: Buffer };
