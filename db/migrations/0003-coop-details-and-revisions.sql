-- Schema 3: the co-op's own details (county and farming region, which give the defaults an import
-- fills in), and a revision on every record a user edits. A save carries the revision its form was
-- loaded with; a save from a stale form (another window saved first) is refused, never written over.

ALTER TABLE workspace ADD COLUMN county TEXT NOT NULL DEFAULT '' CHECK (length(county) <= 60);
-- Jilin's farming regions: central plains, eastern hills and mountains, western semi-arid plains.
ALTER TABLE workspace ADD COLUMN region TEXT NOT NULL DEFAULT 'central' CHECK (region IN ('central', 'east', 'west'));
ALTER TABLE workspace ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);

ALTER TABLE field ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE variety ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE scenario ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE assumption ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
