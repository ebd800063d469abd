-- Schema 2: fields can be grouped (a block, a machine team, a contract) so that scenario
-- changes and bulk edits can target a group at once.

CREATE TABLE field_group (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 60),
  color TEXT NOT NULL DEFAULT 'blue' CHECK (color IN ('blue', 'green', 'gold', 'red', 'purple', 'cyan', 'magenta'))
) STRICT;

ALTER TABLE field ADD COLUMN group_id INTEGER REFERENCES field_group (id) ON DELETE SET NULL;

CREATE INDEX field_group_id ON field (group_id);
