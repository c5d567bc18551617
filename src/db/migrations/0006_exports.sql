-- Mail and calendars that leave Samråd: who claimed an outbox mail and when (a crashed worker's
-- claim expires after a lease), what the mail is about, how it was delivered; reminders already
-- queued; calendar tokens looked up by person.

ALTER TABLE outbox
  ADD COLUMN recipient_name text,
  ADD COLUMN kind        text NOT NULL DEFAULT 'other'
                         CHECK (kind IN ('notice', 'minutes', 'reminder', 'poll', 'other')),
  ADD COLUMN network_id  integer REFERENCES networks(id) ON DELETE SET NULL,
  ADD COLUMN meeting_id  integer REFERENCES meetings(id) ON DELETE SET NULL,
  -- fixed when queued, so a retried send carries the same Message-ID and receivers can spot a repeat
  ADD COLUMN message_id  text,
  ADD COLUMN claimed_at  timestamptz,
  ADD COLUMN claimed_by  text,
  -- 'smtp' when an SMTP server took it, 'local' when it went to the local mailbox (no SMTP_URL)
  ADD COLUMN transport   text CHECK (transport IN ('smtp', 'local'));
CREATE INDEX outbox_network ON outbox (network_id, created_at);
CREATE INDEX outbox_claimed ON outbox (status, claimed_at);

-- One reminder per action, assignee and due date: a changed due date gets a new reminder.
CREATE TABLE action_reminders (
  action_id  integer NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  person_id  integer NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  due_date   date NOT NULL,
  outbox_id  bigint REFERENCES outbox(id) ON DELETE SET NULL,
  queued_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (action_id, person_id, due_date)
);

CREATE INDEX tokens_person_purpose ON tokens (person_id, purpose);
