-- Comment form tokens are single-use (issue 12, break 13): a token's signature is kept once it has been
-- used, for longer than a token lives (1 h), so a replayed form is refused on every node.

CREATE TABLE used_form_tokens (
  signature  text PRIMARY KEY,
  used_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX used_form_tokens_used_at_idx ON used_form_tokens (used_at);
