import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
const hhmm = z.string().regex(/^\d{2}:\d{2}$/, "HH:MM");

/** One person on a roster, as the document lists them. */
export const AttendeeSchema = z.object({
  name: z.string().min(1),
  status: z.enum(["present", "absent", "guest"]),
  municipality: z.string().nullable(),
  role: z.string().nullable(),
  chair: z.boolean(),
  /**
   * Set by whoever reviews a draft (the reader never sets it): the stored person this entry is,
   * or "new" for a new person even when the name matches someone stored.
   */
  person: z.union([z.number().int().positive().max(2_147_483_647), z.literal("new")]).optional(),
  /** Other spellings of this person in the same document, when a reviewer merged two entries. */
  alsoWrittenAs: z.array(z.string().min(1)).optional(),
});

/** An assignment: who, what (the sentence that states it) and by when. */
export const ImportedActionSchema = z.object({
  assignees: z.array(z.string().min(1)).min(1),
  text: z.string().min(1),
  due: isoDate.nullable(),
});

/** One agenda item as read from the minutes. */
export const ImportedItemSchema = z.object({
  title: z.string().min(1),
  raisedBy: z.array(z.string().min(1)),
  postponed: z.boolean(),
  decisions: z.array(z.string().min(1)),
  actions: z.array(ImportedActionSchema),
  notes: z.string(),
});

/** What the reader makes of one minutes document (the JSON of `samrad import --dry-run --json`). */
export const ImportedMeetingSchema = z.object({
  source: z.string(),
  network: z.string().min(1).nullable(),
  date: isoDate.nullable(),
  startTime: hhmm.nullable(),
  endTime: hhmm.nullable(),
  location: z.string().min(1).nullable(),
  /** An online meeting link from the header; not part of IMPORT-FORMAT.md, so optional. */
  onlineUrl: z.string().nullable().optional(),
  noteTaker: z.string().min(1).nullable(),
  nextMeeting: isoDate.nullable(),
  attendees: z.array(AttendeeSchema),
  items: z.array(ImportedItemSchema),
  warnings: z.array(z.string()),
});

export type Attendee = z.infer<typeof AttendeeSchema>;
export type ImportedAction = z.infer<typeof ImportedActionSchema>;
export type ImportedItem = z.infer<typeof ImportedItemSchema>;
export type ImportedMeeting = z.infer<typeof ImportedMeetingSchema>;

/** A person Samråd already knows, offered to the reader to resolve names the roster lacks. */
export type KnownPerson = {
  id: number;
  name: string;
  aliases: string[];
  municipality: string | null;
};
