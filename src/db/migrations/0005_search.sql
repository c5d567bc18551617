-- Search: one table of search documents (agenda items, decisions, actions) kept up to date by
-- triggers, so one GIN index answers a query over all kinds, and filters (network, date, person,
-- municipality, who may read it) live beside the text.
--
-- Every document also carries two date tokens, '§y2024' and '§m2024-05' (no query word can contain
-- '§'). A word found in half the archive would make PostgreSQL fetch and rank half the table;
-- instead the search asks for "word AND one of the newest months/years" and widens the window
-- until enough hits are found. GIN's fast scan intersects inside the index, so only the hits in
-- the window are read from the table: the cost stays small however common the word.
-- Plus name search for people and networks, and indexes the reports group by.
-- PostgreSQL 15 features only.

CREATE TABLE search_documents (
  id                bigserial PRIMARY KEY,
  kind              text NOT NULL CHECK (kind IN ('item', 'decision', 'action')),
  -- agenda_items.id, decisions.id or actions.id
  source_id         integer NOT NULL,
  network_id        integer NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  meeting_id        integer REFERENCES meetings(id) ON DELETE CASCADE,
  item_id           integer,
  -- the meeting's date (an action without a meeting: the day it was created)
  date              date,
  -- the meeting's state: readers see approved minutes only
  state             text,
  -- people who raised, presented or were assigned it, and their municipalities (+ round notes')
  person_ids        integer[] NOT NULL DEFAULT '{}',
  municipality_ids  integer[] NOT NULL DEFAULT '{}',
  document          tsvector NOT NULL,
  UNIQUE (kind, source_id)
);
CREATE INDEX search_documents_document ON search_documents USING gin (document);
CREATE INDEX search_documents_date ON search_documents (date DESC, id DESC);
CREATE INDEX search_documents_network_date ON search_documents (network_id, date DESC);
CREATE INDEX search_documents_meeting ON search_documents (meeting_id);
CREATE INDEX search_documents_people ON search_documents USING gin (person_ids);
CREATE INDEX search_documents_municipalities ON search_documents USING gin (municipality_ids);

-- The date tokens of a document dated d (none without a date).
CREATE FUNCTION search_date_tokens(d date) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN d IS NULL THEN ''::tsvector ELSE array_to_tsvector(ARRAY[
    '§y' || extract(year FROM d)::int::text,
    '§m' || extract(year FROM d)::int::text || '-' || lpad(extract(month FROM d)::int::text, 2, '0')]) END
$$;

-- Documents are refreshed set-wise: an importer's multi-row INSERT fires one statement trigger
-- that rebuilds all its documents in one go; an edit of one row fires a row trigger.

-- Agenda items: title (A) and notes (B) as in agenda_items.search, round notes with their
-- municipality (C), the names of who raised or presented it (D), and the date tokens.
CREATE FUNCTION search_refresh_items(p_ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_documents
    (kind, source_id, network_id, meeting_id, item_id, date, state, person_ids, municipality_ids, document)
  SELECT 'item', i.id, m.network_id, m.id, i.id, m.date, m.state,
    coalesce(ppl.ids, '{}'),
    (SELECT coalesce(array_agg(DISTINCT k), '{}')
       FROM unnest(coalesce(ppl.municipalities, '{}') || coalesce(rn.municipalities, '{}')) k WHERE k IS NOT NULL),
    i.search
      || CASE WHEN rn.text IS NULL THEN ''::tsvector ELSE setweight(to_tsvector('swedish', rn.text), 'C') END
      || CASE WHEN ppl.names IS NULL THEN ''::tsvector ELSE setweight(to_tsvector('swedish', ppl.names), 'D') END
      || search_date_tokens(m.date)
  FROM agenda_items i
  JOIN meetings m ON m.id = i.meeting_id
  LEFT JOIN LATERAL (
    SELECT array_agg(DISTINCT x.person_id) FILTER (WHERE x.person_id IS NOT NULL) AS ids,
      array_agg(DISTINCT p.municipality_id) FILTER (WHERE p.municipality_id IS NOT NULL) AS municipalities,
      string_agg(x.name, ' ') AS names
    FROM (SELECT r.person_id, r.name FROM item_raisers r WHERE r.item_id = i.id
          UNION ALL SELECT pp.id, pp.name FROM people pp WHERE pp.id = i.presenter_id) x
    LEFT JOIN people p ON p.id = x.person_id
  ) ppl ON true
  LEFT JOIN LATERAL (
    SELECT string_agg(k.name || ': ' || r.notes, E'\n' ORDER BY k.name) AS text,
      array_agg(r.municipality_id) AS municipalities
    FROM round_notes r JOIN municipalities k ON k.id = r.municipality_id WHERE r.item_id = i.id
  ) rn ON true
  WHERE i.id = ANY(p_ids)
  ON CONFLICT (kind, source_id) DO UPDATE SET
    network_id = excluded.network_id, meeting_id = excluded.meeting_id, item_id = excluded.item_id,
    date = excluded.date, state = excluded.state, person_ids = excluded.person_ids,
    municipality_ids = excluded.municipality_ids, document = excluded.document;
  DELETE FROM search_documents s WHERE s.kind = 'item' AND s.source_id = ANY(p_ids)
    AND NOT EXISTS (SELECT 1 FROM agenda_items i WHERE i.id = s.source_id);
END $$;

-- Decisions read like the minutes write them: the item's title (C, its A-weighted words in
-- agenda_items.search), then "Beslut: att ..." (A),
-- so "beslut medelpunkten" finds the decisions about Medelpunkten, the words close together.
CREATE FUNCTION search_refresh_decisions(p_ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_documents
    (kind, source_id, network_id, meeting_id, item_id, date, state, person_ids, municipality_ids, document)
  SELECT 'decision', d.id, d.network_id, m.id, d.item_id, m.date, m.state, '{}', '{}',
    setweight(ts_filter(coalesce(i.search, ''::tsvector), '{a}'), 'C')
      || 'beslut:1A'::tsvector || setweight(d.search, 'A')
      || search_date_tokens(m.date)
  FROM decisions d
  JOIN meetings m ON m.id = d.meeting_id
  LEFT JOIN agenda_items i ON i.id = d.item_id
  WHERE d.id = ANY(p_ids)
  ON CONFLICT (kind, source_id) DO UPDATE SET
    network_id = excluded.network_id, meeting_id = excluded.meeting_id, item_id = excluded.item_id,
    date = excluded.date, state = excluded.state, document = excluded.document;
  DELETE FROM search_documents s WHERE s.kind = 'decision' AND s.source_id = ANY(p_ids)
    AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.id = s.source_id);
END $$;

-- Actions: the item's title (C), "Uppdrag: ..." (A), the assignees' names (D), the date tokens.
CREATE FUNCTION search_refresh_actions(p_ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_documents
    (kind, source_id, network_id, meeting_id, item_id, date, state, person_ids, municipality_ids, document)
  SELECT 'action', a.id, a.network_id, m.id, a.item_id, coalesce(m.date, a.created_at::date), m.state,
    coalesce(asg.ids, '{}'), coalesce(asg.municipalities, '{}'),
    setweight(ts_filter(coalesce(i.search, ''::tsvector), '{a}'), 'C')
      || 'uppdrag:1A'::tsvector || setweight(a.search, 'A')
      || CASE WHEN asg.names IS NULL THEN ''::tsvector ELSE setweight(to_tsvector('swedish', asg.names), 'D') END
      || search_date_tokens(coalesce(m.date, a.created_at::date))
  FROM actions a
  LEFT JOIN meetings m ON m.id = a.opened_meeting_id
  LEFT JOIN agenda_items i ON i.id = a.item_id
  LEFT JOIN LATERAL (
    SELECT array_agg(DISTINCT x.person_id) FILTER (WHERE x.person_id IS NOT NULL) AS ids,
      array_agg(DISTINCT p.municipality_id) FILTER (WHERE p.municipality_id IS NOT NULL) AS municipalities,
      string_agg(x.name, ' ') AS names
    FROM action_assignees x LEFT JOIN people p ON p.id = x.person_id WHERE x.action_id = a.id
  ) asg ON true
  WHERE a.id = ANY(p_ids)
  ON CONFLICT (kind, source_id) DO UPDATE SET
    network_id = excluded.network_id, meeting_id = excluded.meeting_id, item_id = excluded.item_id,
    date = excluded.date, state = excluded.state, person_ids = excluded.person_ids,
    municipality_ids = excluded.municipality_ids, document = excluded.document;
  DELETE FROM search_documents s WHERE s.kind = 'action' AND s.source_id = ANY(p_ids)
    AND NOT EXISTS (SELECT 1 FROM actions a WHERE a.id = s.source_id);
END $$;

-- Inserted rows, one statement at a time (transition tables).
CREATE FUNCTION search_on_items_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_refresh_items(ARRAY(SELECT id FROM new_rows));
  RETURN NULL;
END $$;
CREATE TRIGGER search_items_inserted AFTER INSERT ON agenda_items
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_items_inserted();

CREATE FUNCTION search_on_decisions_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_refresh_decisions(ARRAY(SELECT id FROM new_rows));
  RETURN NULL;
END $$;
CREATE TRIGGER search_decisions_inserted AFTER INSERT ON decisions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_decisions_inserted();

CREATE FUNCTION search_on_actions_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_refresh_actions(ARRAY(SELECT id FROM new_rows));
  RETURN NULL;
END $$;
CREATE TRIGGER search_actions_inserted AFTER INSERT ON actions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_actions_inserted();

-- Raisers and round notes belong to their item's document, assignees to their action's.
CREATE FUNCTION search_on_item_parts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_refresh_items(ARRAY(SELECT DISTINCT item_id FROM new_rows));
  RETURN NULL;
END $$;
CREATE TRIGGER search_raisers_inserted AFTER INSERT ON item_raisers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_item_parts_inserted();
CREATE TRIGGER search_round_notes_inserted AFTER INSERT ON round_notes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_item_parts_inserted();

CREATE FUNCTION search_on_assignees_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_refresh_actions(ARRAY(SELECT DISTINCT action_id FROM new_rows));
  RETURN NULL;
END $$;
CREATE TRIGGER search_assignees_inserted AFTER INSERT ON action_assignees
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_assignees_inserted();

-- Edits and deletions, row by row.
CREATE FUNCTION search_on_item() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE kind = 'item' AND source_id = OLD.id;
    RETURN NULL;
  END IF;
  PERFORM search_refresh_items(ARRAY[NEW.id]);
  -- decisions and actions carry their item's title
  IF NEW.title IS DISTINCT FROM OLD.title THEN
    PERFORM search_refresh_decisions(ARRAY(SELECT id FROM decisions WHERE item_id = NEW.id));
    PERFORM search_refresh_actions(ARRAY(SELECT id FROM actions WHERE item_id = NEW.id));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER search_item AFTER DELETE OR UPDATE OF title, notes, meeting_id, presenter_id
  ON agenda_items FOR EACH ROW EXECUTE FUNCTION search_on_item();

CREATE FUNCTION search_on_decision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE kind = 'decision' AND source_id = OLD.id;
  ELSE
    PERFORM search_refresh_decisions(ARRAY[NEW.id]);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER search_decision AFTER UPDATE OR DELETE ON decisions
  FOR EACH ROW EXECUTE FUNCTION search_on_decision();

CREATE FUNCTION search_on_action() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE kind = 'action' AND source_id = OLD.id;
  ELSE
    PERFORM search_refresh_actions(ARRAY[NEW.id]);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER search_action AFTER DELETE OR UPDATE OF text, network_id, item_id, opened_meeting_id
  ON actions FOR EACH ROW EXECUTE FUNCTION search_on_action();

CREATE FUNCTION search_on_item_part() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM search_refresh_items(ARRAY[OLD.item_id]);
  ELSE
    PERFORM search_refresh_items(ARRAY[OLD.item_id, NEW.item_id]);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER search_item_raiser AFTER UPDATE OR DELETE ON item_raisers
  FOR EACH ROW EXECUTE FUNCTION search_on_item_part();
CREATE TRIGGER search_round_note AFTER UPDATE OR DELETE ON round_notes
  FOR EACH ROW EXECUTE FUNCTION search_on_item_part();

CREATE FUNCTION search_on_assignee() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM search_refresh_actions(ARRAY[OLD.action_id]);
  ELSE
    PERFORM search_refresh_actions(ARRAY[OLD.action_id, NEW.action_id]);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER search_assignee AFTER UPDATE OR DELETE ON action_assignees
  FOR EACH ROW EXECUTE FUNCTION search_on_assignee();

-- A meeting's state or network shows on every document in it; a new date changes their date tokens.
CREATE FUNCTION search_on_meeting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.date IS DISTINCT FROM OLD.date THEN
    PERFORM search_refresh_items(ARRAY(SELECT source_id FROM search_documents WHERE meeting_id = NEW.id AND kind = 'item'));
    PERFORM search_refresh_decisions(ARRAY(SELECT source_id FROM search_documents WHERE meeting_id = NEW.id AND kind = 'decision'));
    PERFORM search_refresh_actions(ARRAY(SELECT source_id FROM search_documents WHERE meeting_id = NEW.id AND kind = 'action'));
  END IF;
  UPDATE search_documents
  SET date = NEW.date, state = NEW.state,
      network_id = CASE WHEN kind = 'item' THEN NEW.network_id ELSE network_id END
  WHERE meeting_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER search_meeting AFTER UPDATE OF date, state, network_id ON meetings
  FOR EACH ROW WHEN (NEW.date IS DISTINCT FROM OLD.date OR NEW.state IS DISTINCT FROM OLD.state
                     OR NEW.network_id IS DISTINCT FROM OLD.network_id)
  EXECUTE FUNCTION search_on_meeting();

-- A person's name or municipality shows on the documents that name them.
CREATE FUNCTION search_on_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_refresh_items(ARRAY(SELECT source_id FROM search_documents WHERE person_ids @> ARRAY[NEW.id] AND kind = 'item'));
  PERFORM search_refresh_actions(ARRAY(SELECT source_id FROM search_documents WHERE person_ids @> ARRAY[NEW.id] AND kind = 'action'));
  RETURN NULL;
END $$;
CREATE TRIGGER search_person AFTER UPDATE OF name, municipality_id ON people
  FOR EACH ROW EXECUTE FUNCTION search_on_person();

-- Rebuilds every search document from the source tables, set-based: for a bulk load that ran
-- with the triggers disabled, or after changing how documents are built.
CREATE FUNCTION search_documents_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
  DELETE FROM search_documents;
  INSERT INTO search_documents (kind, source_id, network_id, meeting_id, item_id, date, state, person_ids, municipality_ids, document)
  SELECT 'item', i.id, m.network_id, m.id, i.id, m.date, m.state, '{}', '{}', i.search || search_date_tokens(m.date)
  FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id;
  INSERT INTO search_documents (kind, source_id, network_id, meeting_id, item_id, date, state, person_ids, municipality_ids, document)
  SELECT 'decision', d.id, d.network_id, m.id, d.item_id, m.date, m.state, '{}', '{}',
    setweight(ts_filter(coalesce(i.search, ''::tsvector), '{a}'), 'C')
      || 'beslut:1A'::tsvector || setweight(d.search, 'A')
      || search_date_tokens(m.date)
  FROM decisions d JOIN meetings m ON m.id = d.meeting_id LEFT JOIN agenda_items i ON i.id = d.item_id;
  INSERT INTO search_documents (kind, source_id, network_id, meeting_id, item_id, date, state, person_ids, municipality_ids, document)
  SELECT 'action', a.id, a.network_id, m.id, a.item_id, coalesce(m.date, a.created_at::date), m.state, '{}', '{}',
    setweight(ts_filter(coalesce(i.search, ''::tsvector), '{a}'), 'C')
      || 'uppdrag:1A'::tsvector || setweight(a.search, 'A')
      || search_date_tokens(coalesce(m.date, a.created_at::date))
  FROM actions a LEFT JOIN meetings m ON m.id = a.opened_meeting_id LEFT JOIN agenda_items i ON i.id = a.item_id;
  -- the documents with people or round notes get their full form
  PERFORM search_refresh_items(ARRAY(
    SELECT item_id FROM item_raisers UNION SELECT item_id FROM round_notes
    UNION SELECT id FROM agenda_items WHERE presenter_id IS NOT NULL));
  PERFORM search_refresh_actions(ARRAY(SELECT DISTINCT action_id FROM action_assignees));
  SELECT count(*) INTO n FROM search_documents;
  RETURN n;
END $$;

SELECT search_documents_rebuild();
ANALYZE search_documents;

-- Names: people and their other spellings (not stemmed), networks (stemmed, with their purpose).
CREATE INDEX people_name_search ON people USING gin (to_tsvector('simple', name));
CREATE INDEX person_aliases_alias_search ON person_aliases USING gin (to_tsvector('simple', alias));
CREATE INDEX networks_search ON networks USING gin (to_tsvector('swedish', name || ' ' || purpose));

-- Filters and reports.
CREATE INDEX item_raisers_person ON item_raisers (person_id);
CREATE INDEX attendance_meeting_status ON attendance (meeting_id, status);
CREATE INDEX memberships_role ON memberships (role, network_id);
CREATE INDEX decisions_network_year ON decisions (network_id, year);
-- actions_due_open (open actions by due date) is created in 0004_meetings.
