-- Comments in the workspace (issue 16 §1): follow-up replies after the official one, reusable reply templates.

ALTER TABLE feedback_replies DROP CONSTRAINT feedback_replies_feedback_id_key;
ALTER TABLE feedback_replies ADD COLUMN kind text NOT NULL DEFAULT 'reply' CHECK (kind IN ('reply', 'follow_up'));
-- Still one official reply per comment; follow-ups as many as needed.
CREATE UNIQUE INDEX feedback_replies_one_reply_uq ON feedback_replies (feedback_id) WHERE kind = 'reply';
CREATE INDEX feedback_replies_history_idx ON feedback_replies (feedback_id, created_at);

-- A department's own templates, or the planning office's shared ones (department_id NULL).
CREATE TABLE reply_templates (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  department_id  uuid REFERENCES departments(id) ON DELETE CASCADE,
  title          text NOT NULL,
  body           text NOT NULL,
  created_by     uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reply_templates_department_idx ON reply_templates (department_id);
-- The desk finds a visitor's other comments by client.
CREATE INDEX feedback_client_idx ON feedback (client_hash, created_at);
