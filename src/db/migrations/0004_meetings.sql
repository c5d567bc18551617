-- Running meetings in Samråd: follow-up of actions on the agenda, a lock per municipality note,
-- closing comments on actions, the reason of a pending correction, and the indexes the meeting
-- pages and the agenda builder read through. PostgreSQL 15 features only.

-- An agenda item that follows up an open action ("Uppföljning: ...").
ALTER TABLE agenda_items ADD COLUMN follow_up_action_id integer REFERENCES actions(id) ON DELETE SET NULL;
CREATE INDEX agenda_items_follow_up_action ON agenda_items (follow_up_action_id)
  WHERE follow_up_action_id IS NOT NULL;
-- The agenda builder asks "has this postponed item been carried already?".
CREATE INDEX agenda_items_carried_from ON agenda_items (carried_from_item_id)
  WHERE carried_from_item_id IS NOT NULL;
CREATE INDEX agenda_items_theme ON agenda_items (theme_id) WHERE theme_id IS NOT NULL;

-- Bumped on every save, so two people writing one municipality's note see a conflict.
ALTER TABLE round_notes ADD COLUMN revision integer NOT NULL DEFAULT 0;

-- What the person who closed an action wrote about it.
ALTER TABLE actions ADD COLUMN closed_comment text NOT NULL DEFAULT '';

-- Why approved minutes were reopened; stored with the next version when it is approved.
ALTER TABLE meetings ADD COLUMN correction_reason text;

CREATE INDEX decisions_item_id ON decisions (item_id);
CREATE INDEX actions_item_id ON actions (item_id);
CREATE INDEX actions_due_open ON actions (network_id, due_date) WHERE status = 'open';
CREATE INDEX attachments_meeting_id ON attachments (meeting_id);
CREATE INDEX themes_planned_meeting_id ON themes (planned_meeting_id) WHERE planned_meeting_id IS NOT NULL;
CREATE INDEX submitted_items_network_status ON submitted_items (network_id, status);
