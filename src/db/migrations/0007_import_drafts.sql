-- Old minutes imported through the web: each uploaded document becomes a draft that a coordinator
-- (or the secretariat) reviews beside its text, corrects and then stores through the same command
-- the CLI uses. A file that cannot be read is reported and never stored here.
CREATE TABLE import_drafts (
  id          serial PRIMARY KEY,
  created_by  integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  person_id   integer REFERENCES people(id) ON DELETE SET NULL,
  -- the existing network chosen for the meeting; null while the document's own name is used
  network_id  integer REFERENCES networks(id) ON DELETE SET NULL,
  filename    text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
  bytes       bytea NOT NULL,
  sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  -- the extracted text, shown beside the draft with line numbers
  source      text NOT NULL DEFAULT '',
  -- the ImportedMeeting, as corrected by the reviewer
  draft       jsonb NOT NULL,
  warnings    jsonb NOT NULL DEFAULT '[]',
  -- why the last attempt to store the draft failed, shown in the list
  error       text,
  status      text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'saved', 'discarded')),
  meeting_id  integer REFERENCES meetings(id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_drafts_creator ON import_drafts (created_by, created_at DESC);
