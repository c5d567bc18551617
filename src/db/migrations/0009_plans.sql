-- Yearly plans, themes, apologies (issue 9).
-- One plan per network and year, edited in place; earlier years' plans stay as they were and the
-- audit log keeps every change. The version column of 0001 stays 1.
CREATE UNIQUE INDEX plans_network_year ON plans (network_id, year);
ALTER TABLE plans ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE plans ADD COLUMN updated_by integer REFERENCES people(id) ON DELETE SET NULL;
CREATE INDEX themes_plan ON themes (plan_id, position);
CREATE INDEX themes_planned_meeting ON themes (planned_meeting_id) WHERE planned_meeting_id IS NOT NULL;

-- A member's own apology ("förhinder") before the meeting: when and with what message.
ALTER TABLE attendance ADD COLUMN apology_at timestamptz;
ALTER TABLE attendance ADD COLUMN apology_note text;
