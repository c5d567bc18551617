-- What importing old minutes needs beyond the foundation.
--
-- Memberships inferred from the rosters of imported minutes are marked, so that a later import can
-- recompute them from attendance without touching memberships someone entered by hand. They keep
-- the last meeting the person was seen at: the archive ending is not the membership ending, so
-- to_date stays empty until someone sets it.
ALTER TABLE memberships ADD COLUMN inferred boolean NOT NULL DEFAULT false;
ALTER TABLE memberships ADD COLUMN last_seen_date date;
ALTER TABLE memberships ADD CONSTRAINT memberships_last_seen_after_from
  CHECK (last_seen_date IS NULL OR from_date IS NULL OR last_seen_date >= from_date);
CREATE INDEX memberships_inferred ON memberships (network_id, person_id) WHERE inferred;

-- An import finds the meeting a document produced, and people by first name.
CREATE INDEX meetings_source_document ON meetings (source_document_id) WHERE source_document_id IS NOT NULL;
CREATE INDEX people_first_name ON people (lower(split_part(name, ' ', 1)));
CREATE INDEX person_aliases_first_name ON person_aliases (lower(split_part(alias, ' ', 1)));
