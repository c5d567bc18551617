-- Samråd's data model: networks, people over time, meetings from notice to approved minutes,
-- decisions and actions, yearly plans, imported documents, accounts and the audit trail.
-- PostgreSQL 15 features only: PGlite runs 18, the servers run 15.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE municipalities (
  id          serial PRIMARY KEY,
  name        text NOT NULL UNIQUE CHECK (length(btrim(name)) > 0),
  -- 'municipality' for member municipalities, 'organisation' for outside bodies (Region, Medelpunkten)
  kind        text NOT NULL DEFAULT 'municipality' CHECK (kind IN ('municipality', 'organisation')),
  is_member   boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now()
);

INSERT INTO municipalities (name, is_member) VALUES
  ('Bjuv', true), ('Båstad', true), ('Helsingborg', true), ('Höganäs', true), ('Klippan', true),
  ('Landskrona', true), ('Perstorp', true), ('Svalöv', true), ('Åstorp', true), ('Ängelholm', true),
  ('Örkelljunga', true);

CREATE TABLE people (
  id               serial PRIMARY KEY,
  name             text NOT NULL CHECK (length(btrim(name)) > 0),
  email            text,
  phone            text,
  title            text,
  municipality_id  integer REFERENCES municipalities(id),
  anonymized_at    timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX people_email_key ON people (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX people_name_trgm ON people USING gin (lower(name) gin_trgm_ops);

-- Other spellings of a person's name seen in documents ("Filippa Kurve" for "Filippa Kurdve").
CREATE TABLE person_aliases (
  id         serial PRIMARY KEY,
  person_id  integer NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  alias      text NOT NULL CHECK (length(btrim(alias)) > 0),
  UNIQUE (person_id, alias)
);
CREATE INDEX person_aliases_alias ON person_aliases (lower(alias));

CREATE TABLE networks (
  id              serial PRIMARY KEY,
  name            text NOT NULL CHECK (length(btrim(name)) > 0),
  slug            text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  parent_id       integer REFERENCES networks(id),
  kind            text NOT NULL DEFAULT 'network' CHECK (kind IN ('network', 'subnetwork', 'working_group')),
  status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dormant', 'closed')),
  purpose         text NOT NULL DEFAULT '',
  -- approved minutes readable by anyone signed in (off by default)
  publish_minutes boolean NOT NULL DEFAULT false,
  -- days before an action's due date that a reminder goes out
  reminder_days   integer NOT NULL DEFAULT 3 CHECK (reminder_days BETWEEN 0 AND 60),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX networks_name_key ON networks (lower(name));
CREATE INDEX networks_parent ON networks (parent_id);

-- Items that open every agenda of a network ("Föregående anteckningar", "Läget i kommunerna", "Övrigt").
CREATE TABLE standing_items (
  id          serial PRIMARY KEY,
  network_id  integer NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  position    integer NOT NULL,
  title       text NOT NULL CHECK (length(btrim(title)) > 0),
  kind        text NOT NULL DEFAULT 'standing' CHECK (kind IN ('standing', 'round', 'information')),
  -- set when a decision made this a standing item ("en kort rapport på varje möte")
  decision_id integer,
  active      boolean NOT NULL DEFAULT true
);
CREATE INDEX standing_items_network ON standing_items (network_id, position);

CREATE TABLE memberships (
  id               serial PRIMARY KEY,
  person_id        integer NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  network_id       integer NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  role             text NOT NULL CHECK (role IN ('member', 'chair', 'coordinator', 'secretary', 'substitute')),
  municipality_id  integer REFERENCES municipalities(id),
  from_date        date,
  to_date          date,
  -- who this membership took over from ("X ersätter Y")
  replaces_id      integer REFERENCES memberships(id),
  note             text NOT NULL DEFAULT '',
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (to_date IS NULL OR from_date IS NULL OR to_date >= from_date)
);
CREATE INDEX memberships_network ON memberships (network_id);
CREATE INDEX memberships_person ON memberships (person_id);

-- Representatives in outside bodies (NSK-S, KFSK socialchefsråd).
CREATE TABLE representations (
  id               serial PRIMARY KEY,
  person_id        integer NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  network_id       integer REFERENCES networks(id) ON DELETE SET NULL,
  body             text NOT NULL CHECK (length(btrim(body)) > 0),
  municipality_id  integer REFERENCES municipalities(id),
  from_date        date,
  to_date          date,
  note             text NOT NULL DEFAULT '',
  CHECK (to_date IS NULL OR from_date IS NULL OR to_date >= from_date)
);
CREATE INDEX representations_person ON representations (person_id);

CREATE TABLE source_documents (
  id            serial PRIMARY KEY,
  filename      text NOT NULL,
  content_type  text NOT NULL,
  size          integer NOT NULL,
  sha256        text NOT NULL UNIQUE,
  bytes         bytea NOT NULL,
  text          text,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE meetings (
  id                  serial PRIMARY KEY,
  network_id          integer NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  state               text NOT NULL DEFAULT 'planned'
                      CHECK (state IN ('planned', 'notice_sent', 'held', 'minutes_draft', 'approved', 'cancelled')),
  date                date NOT NULL,
  start_time          time,
  end_time            time,
  location            text NOT NULL DEFAULT '',
  online_url          text,
  title               text NOT NULL DEFAULT '',
  note_taker_id       integer REFERENCES people(id),
  -- the note-taker as written, kept when no person could be matched
  note_taker_name     text,
  source_document_id  integer REFERENCES source_documents(id),
  -- true once someone changed the meeting in Samråd (a re-import then leaves it alone)
  edited_in_app       boolean NOT NULL DEFAULT false,
  minutes_version     integer NOT NULL DEFAULT 1,
  approved_at         timestamptz,
  approved_by         integer REFERENCES people(id),
  notice_sent_at      timestamptz,
  cancelled_reason    text,
  -- bumped on every change; calendar SEQUENCE and optimistic locking
  revision            integer NOT NULL DEFAULT 0,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (end_time IS NULL OR start_time IS NULL OR end_time >= start_time)
);
CREATE INDEX meetings_network_date ON meetings (network_id, date);
CREATE INDEX meetings_date ON meetings (date);

-- Earlier versions of approved minutes: a correction never changes them in place.
CREATE TABLE minutes_versions (
  id          serial PRIMARY KEY,
  meeting_id  integer NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  version     integer NOT NULL,
  snapshot    jsonb NOT NULL,
  reason      text NOT NULL DEFAULT '',
  created_by  integer REFERENCES people(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (meeting_id, version)
);

CREATE TABLE attendance (
  id               serial PRIMARY KEY,
  meeting_id       integer NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  person_id        integer NOT NULL REFERENCES people(id),
  status           text NOT NULL CHECK (status IN ('present', 'absent', 'excused', 'guest')),
  municipality_id  integer REFERENCES municipalities(id),
  role_text        text,
  is_chair         boolean NOT NULL DEFAULT false,
  position         integer NOT NULL DEFAULT 0,
  UNIQUE (meeting_id, person_id)
);
CREATE INDEX attendance_person ON attendance (person_id);

CREATE TABLE plans (
  id            serial PRIMARY KEY,
  network_id    integer NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  year          integer NOT NULL CHECK (year BETWEEN 1990 AND 2200),
  purpose       text NOT NULL DEFAULT '',
  goals         text NOT NULL DEFAULT '',
  organisation  text NOT NULL DEFAULT '',
  version       integer NOT NULL DEFAULT 1,
  created_by    integer REFERENCES people(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (network_id, year, version)
);

CREATE TABLE themes (
  id                  serial PRIMARY KEY,
  plan_id             integer NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  position            integer NOT NULL DEFAULT 0,
  title               text NOT NULL CHECK (length(btrim(title)) > 0),
  description         text NOT NULL DEFAULT '',
  planned_meeting_id  integer REFERENCES meetings(id) ON DELETE SET NULL
);

CREATE TABLE theme_owners (
  theme_id   integer NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
  person_id  integer NOT NULL REFERENCES people(id),
  PRIMARY KEY (theme_id, person_id)
);

CREATE TABLE agenda_items (
  id                    serial PRIMARY KEY,
  meeting_id            integer NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  position              integer NOT NULL,
  kind                  text NOT NULL DEFAULT 'item'
                        CHECK (kind IN ('standing', 'item', 'theme', 'information', 'round')),
  title                 text NOT NULL CHECK (length(btrim(title)) > 0),
  notes                 text NOT NULL DEFAULT '',
  presenter_id          integer REFERENCES people(id),
  duration_minutes      integer CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 0 AND 600),
  postponed             boolean NOT NULL DEFAULT false,
  carried_from_item_id  integer REFERENCES agenda_items(id) ON DELETE SET NULL,
  theme_id              integer REFERENCES themes(id) ON DELETE SET NULL,
  standing_item_id      integer REFERENCES standing_items(id) ON DELETE SET NULL,
  -- bumped on every save of the notes, so a second editor sees a conflict instead of overwriting
  revision              integer NOT NULL DEFAULT 0,
  updated_at            timestamptz NOT NULL DEFAULT now(),
  search                tsvector GENERATED ALWAYS AS (
                          setweight(to_tsvector('swedish', coalesce(title, '')), 'A') ||
                          setweight(to_tsvector('swedish', coalesce(notes, '')), 'B')) STORED
);
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);
CREATE INDEX agenda_items_search ON agenda_items USING gin (search);

-- "Ärende från X": who brought the item (a person, or the name as written when unknown).
CREATE TABLE item_raisers (
  id         serial PRIMARY KEY,
  item_id    integer NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
  person_id  integer REFERENCES people(id),
  name       text NOT NULL
);
CREATE INDEX item_raisers_item ON item_raisers (item_id);

-- Notes per municipality in a round item ("Läget i kommunerna").
CREATE TABLE round_notes (
  item_id          integer NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
  municipality_id  integer NOT NULL REFERENCES municipalities(id),
  notes            text NOT NULL DEFAULT '',
  PRIMARY KEY (item_id, municipality_id)
);

CREATE TABLE decisions (
  id          serial PRIMARY KEY,
  network_id  integer NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  meeting_id  integer NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  item_id     integer REFERENCES agenda_items(id) ON DELETE CASCADE,
  year        integer NOT NULL,
  number      integer NOT NULL,
  text        text NOT NULL CHECK (length(btrim(text)) > 0),
  created_at  timestamptz NOT NULL DEFAULT now(),
  search      tsvector GENERATED ALWAYS AS (to_tsvector('swedish', coalesce(text, ''))) STORED,
  UNIQUE (network_id, year, number)
);
CREATE INDEX decisions_meeting ON decisions (meeting_id);
CREATE INDEX decisions_search ON decisions USING gin (search);

ALTER TABLE standing_items ADD FOREIGN KEY (decision_id) REFERENCES decisions(id) ON DELETE SET NULL;

CREATE TABLE actions (
  id                 serial PRIMARY KEY,
  network_id         integer NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  item_id            integer REFERENCES agenda_items(id) ON DELETE CASCADE,
  opened_meeting_id  integer REFERENCES meetings(id) ON DELETE CASCADE,
  closed_meeting_id  integer REFERENCES meetings(id) ON DELETE SET NULL,
  text               text NOT NULL CHECK (length(btrim(text)) > 0),
  due_date           date,
  status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  closed_at          timestamptz,
  closed_by          integer REFERENCES people(id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  search             tsvector GENERATED ALWAYS AS (to_tsvector('swedish', coalesce(text, ''))) STORED
);
CREATE INDEX actions_network_status ON actions (network_id, status);
CREATE INDEX actions_search ON actions USING gin (search);

CREATE TABLE action_assignees (
  id         serial PRIMARY KEY,
  action_id  integer NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  person_id  integer REFERENCES people(id),
  -- the assignee as written, kept when no person could be matched
  name       text NOT NULL
);
CREATE INDEX action_assignees_action ON action_assignees (action_id);
CREATE INDEX action_assignees_person ON action_assignees (person_id);

CREATE TABLE attachments (
  id            serial PRIMARY KEY,
  meeting_id    integer NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  item_id       integer REFERENCES agenda_items(id) ON DELETE CASCADE,
  document_id   integer NOT NULL REFERENCES source_documents(id),
  title         text NOT NULL,
  created_by    integer REFERENCES people(id),
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Items members send in before a meeting.
CREATE TABLE submitted_items (
  id            serial PRIMARY KEY,
  network_id    integer NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  meeting_id    integer REFERENCES meetings(id) ON DELETE SET NULL,
  person_id     integer NOT NULL REFERENCES people(id),
  title         text NOT NULL CHECK (length(btrim(title)) > 0),
  body          text NOT NULL DEFAULT '',
  presenter_id  integer REFERENCES people(id),
  status        text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'scheduled', 'deferred')),
  item_id       integer REFERENCES agenda_items(id) ON DELETE SET NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE date_polls (
  id           serial PRIMARY KEY,
  network_id   integer NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  title        text NOT NULL CHECK (length(btrim(title)) > 0),
  closes_at    timestamptz,
  status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by   integer REFERENCES people(id),
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE date_poll_options (
  id          serial PRIMARY KEY,
  poll_id     integer NOT NULL REFERENCES date_polls(id) ON DELETE CASCADE,
  date        date NOT NULL,
  start_time  time,
  end_time    time,
  chosen      boolean NOT NULL DEFAULT false,
  meeting_id  integer REFERENCES meetings(id) ON DELETE SET NULL
);

CREATE TABLE date_poll_answers (
  option_id   integer NOT NULL REFERENCES date_poll_options(id) ON DELETE CASCADE,
  person_id   integer NOT NULL REFERENCES people(id),
  answer      text NOT NULL CHECK (answer IN ('yes', 'maybe', 'no')),
  answered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (option_id, person_id)
);

CREATE TABLE users (
  id             serial PRIMARY KEY,
  person_id      integer REFERENCES people(id),
  email          text NOT NULL CHECK (position('@' IN email) > 1),
  password_hash  text,
  oidc_subject   text UNIQUE,
  is_admin       boolean NOT NULL DEFAULT false,
  disabled_at    timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE sessions (
  -- sha256 of the cookie value; the value itself is never stored
  id             text PRIMARY KEY,
  user_id        integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token     text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  last_seen_at   timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- One-time tokens: password reset links, first sign-in, calendar feeds.
CREATE TABLE tokens (
  id          text PRIMARY KEY,
  user_id     integer REFERENCES users(id) ON DELETE CASCADE,
  person_id   integer REFERENCES people(id) ON DELETE CASCADE,
  purpose     text NOT NULL CHECK (purpose IN ('reset', 'first_signin', 'calendar')),
  expires_at  timestamptz,
  used_at     timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Append-only trail of every change: who, when, what, before and after.
CREATE TABLE audit_log (
  id           bigserial PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  user_id      integer REFERENCES users(id),
  actor        text NOT NULL DEFAULT 'system',
  action       text NOT NULL,
  object_type  text NOT NULL,
  object_id    text,
  before       jsonb,
  after        jsonb
);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

-- Mail queued in the same transaction as the change that causes it; a worker sends it.
CREATE TABLE outbox (
  id               bigserial PRIMARY KEY,
  recipient        text NOT NULL,
  subject          text NOT NULL,
  body_text        text NOT NULL,
  attachments      jsonb NOT NULL DEFAULT '[]',
  status           text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  last_error       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  sent_at          timestamptz
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
