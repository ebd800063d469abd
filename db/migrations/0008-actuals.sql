-- Schema 8: the season after (实收). What each field actually gave in a season, as the co-op
-- recorded it (by hand or from a CSV), and which scenario the co-op carried out that season.
-- Canonical units: kg/ha, yuan/kg, yuan/ha. A NULL price or cost is "not known", never 0.
-- (Schema 7 is another change's; the two land together.)

CREATE TABLE actual_yield (
  id INTEGER PRIMARY KEY,
  field_id INTEGER NOT NULL REFERENCES field (id) ON DELETE CASCADE,
  season_year INTEGER NOT NULL CHECK (season_year BETWEEN 1950 AND 2100),
  yield_kg_per_ha REAL NOT NULL CHECK (yield_kg_per_ha BETWEEN 0 AND 30000),
  price_yuan_per_kg REAL CHECK (price_yuan_per_kg IS NULL OR price_yuan_per_kg BETWEEN 0 AND 100),
  cost_yuan_per_ha REAL CHECK (cost_yuan_per_ha IS NULL OR cost_yuan_per_ha BETWEEN 0 AND 1000000),
  source TEXT NOT NULL CHECK (source IN ('hand', 'csv')),
  recorded_at TEXT NOT NULL,
  UNIQUE (field_id, season_year)
) STRICT;

CREATE INDEX actual_yield_by_season ON actual_yield (season_year);

CREATE TABLE season_record (
  season_year INTEGER PRIMARY KEY CHECK (season_year BETWEEN 1950 AND 2100),
  scenario_id INTEGER REFERENCES scenario (id) ON DELETE SET NULL,
  recorded_at TEXT NOT NULL
) STRICT;
