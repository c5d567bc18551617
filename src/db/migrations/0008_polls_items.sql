-- Date polls and items sent in (issue 9, parts 3 and 4).

-- A date poll says what the meetings it creates will look like, and when it was closed and by whom.
ALTER TABLE date_polls
  ADD COLUMN description         text NOT NULL DEFAULT '',
  ADD COLUMN location            text NOT NULL DEFAULT '',
  ADD COLUMN default_start_time  time,
  ADD COLUMN default_end_time    time,
  ADD COLUMN closed_at           timestamptz,
  ADD COLUMN closed_by           integer REFERENCES people(id);
CREATE INDEX date_polls_network ON date_polls (network_id, status);
CREATE INDEX date_poll_options_poll ON date_poll_options (poll_id, date);
-- One date and start time once per poll (an option without a time counts as midnight).
CREATE UNIQUE INDEX date_poll_options_unique ON date_poll_options (poll_id, date, coalesce(start_time, '00:00'::time));
CREATE INDEX date_poll_answers_person ON date_poll_answers (person_id);

-- Every reminder a coordinator sent about a poll, per person, with the mail that carried it.
CREATE TABLE date_poll_reminders (
  id         serial PRIMARY KEY,
  poll_id    integer NOT NULL REFERENCES date_polls(id) ON DELETE CASCADE,
  person_id  integer NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  outbox_id  bigint REFERENCES outbox(id) ON DELETE SET NULL,
  sent_by    integer REFERENCES people(id),
  sent_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX date_poll_reminders_poll ON date_poll_reminders (poll_id, person_id);

-- Items must be sent in this many days before the meeting (0: up to the day itself).
ALTER TABLE networks
  ADD COLUMN submission_days integer NOT NULL DEFAULT 7 CHECK (submission_days BETWEEN 0 AND 90);

-- What the coordinator decided about an item sent in, when and who; a deferred item may be moved
-- to another meeting, where the agenda builder proposes it again.
ALTER TABLE submitted_items
  ADD COLUMN deferred_reason         text NOT NULL DEFAULT '',
  ADD COLUMN deferred_to_meeting_id  integer REFERENCES meetings(id) ON DELETE SET NULL,
  ADD COLUMN decided_at              timestamptz,
  ADD COLUMN decided_by              integer REFERENCES people(id);
CREATE INDEX submitted_items_person ON submitted_items (person_id, created_at);
CREATE INDEX submitted_items_meeting ON submitted_items (meeting_id);

-- Files sent in with an item, stored once in source_documents like meeting attachments.
CREATE TABLE submitted_item_attachments (
  id                 serial PRIMARY KEY,
  submitted_item_id  integer NOT NULL REFERENCES submitted_items(id) ON DELETE CASCADE,
  document_id        integer NOT NULL REFERENCES source_documents(id),
  title              text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX submitted_item_attachments_item ON submitted_item_attachments (submitted_item_id);
