-- Schema 1: the co-op's workspace, its fields and yield history, the variety catalogue,
-- scenarios with per-field changes, the assumptions library and the audit log.
-- Canonical units only: ha, kg/ha, plants/ha, yuan, °C·d. Units convert at the edges.

CREATE TABLE workspace (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  locale TEXT NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en')),
  area_unit TEXT NOT NULL DEFAULT 'mu' CHECK (area_unit IN ('mu', 'ha')),
  mass_unit TEXT NOT NULL DEFAULT 'jin' CHECK (mass_unit IN ('jin', 'kg', 't')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE variety (
  id INTEGER PRIMARY KEY,
  crop TEXT NOT NULL CHECK (crop IN ('maize', 'soybean', 'rice')),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  maturity_days INTEGER CHECK (maturity_days IS NULL OR maturity_days BETWEEN 60 AND 200),
  heat_sum_needed_cd INTEGER CHECK (heat_sum_needed_cd IS NULL OR heat_sum_needed_cd BETWEEN 1500 AND 4000),
  -- yield potential relative to the check variety: 1.071 = 7.1 % above the check
  yield_potential_rel REAL NOT NULL DEFAULT 1 CHECK (yield_potential_rel > 0 AND yield_potential_rel <= 3),
  check_variety TEXT,
  density_tolerance TEXT CHECK (density_tolerance IS NULL OR density_tolerance IN ('low', 'medium', 'high')),
  lodging_risk TEXT CHECK (lodging_risk IS NULL OR lodging_risk IN ('low', 'medium', 'high')),
  salt_tolerance TEXT CHECK (salt_tolerance IS NULL OR salt_tolerance IN ('low', 'medium', 'high')),
  oil_pct REAL CHECK (oil_pct IS NULL OR oil_pct BETWEEN 0 AND 60),
  protein_pct REAL CHECK (protein_pct IS NULL OR protein_pct BETWEEN 0 AND 60),
  seed_price_yuan_per_kg REAL CHECK (seed_price_yuan_per_kg IS NULL OR seed_price_yuan_per_kg >= 0),
  source TEXT NOT NULL DEFAULT '',
  is_example INTEGER NOT NULL DEFAULT 0 CHECK (is_example IN (0, 1)),
  UNIQUE (crop, name)
) STRICT;

-- density range and optimum of a variety under one water regime
CREATE TABLE variety_density (
  variety_id INTEGER NOT NULL REFERENCES variety (id) ON DELETE CASCADE,
  water_regime TEXT NOT NULL CHECK (water_regime IN ('rainfed', 'furrow', 'sprinkler', 'drip', 'paddy')),
  min_plants_per_ha REAL NOT NULL CHECK (min_plants_per_ha > 0),
  optimum_plants_per_ha REAL NOT NULL,
  max_plants_per_ha REAL NOT NULL,
  PRIMARY KEY (variety_id, water_regime),
  CHECK (min_plants_per_ha <= optimum_plants_per_ha AND optimum_plants_per_ha <= max_plants_per_ha)
) STRICT, WITHOUT ROWID;

CREATE TABLE field (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 60),
  village TEXT NOT NULL DEFAULT '' CHECK (length(village) <= 60),
  township TEXT NOT NULL DEFAULT '' CHECK (length(township) <= 60),
  area_ha REAL NOT NULL CHECK (area_ha > 0 AND area_ha <= 10000),
  crop TEXT NOT NULL CHECK (crop IN ('maize', 'soybean', 'rice')),
  variety_id INTEGER REFERENCES variety (id) ON DELETE SET NULL,
  density_plants_per_ha REAL CHECK (density_plants_per_ha IS NULL OR density_plants_per_ha BETWEEN 1000 AND 1500000),
  water_regime TEXT NOT NULL CHECK (water_regime IN ('rainfed', 'furrow', 'sprinkler', 'drip', 'paddy')),
  has_hsf INTEGER NOT NULL DEFAULT 0 CHECK (has_hsf IN (0, 1)),
  hsf_year_built INTEGER CHECK (hsf_year_built IS NULL OR (has_hsf = 1 AND hsf_year_built BETWEEN 1950 AND 2100)),
  saline_class TEXT NOT NULL DEFAULT 'none' CHECK (saline_class IN ('none', 'light', 'moderate', 'severe')),
  heat_sum_cd INTEGER NOT NULL CHECK (heat_sum_cd BETWEEN 1500 AND 4000),
  quality_grade INTEGER NOT NULL CHECK (quality_grade BETWEEN 1 AND 10),
  note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((crop = 'rice') = (water_regime = 'paddy'))
) STRICT;

CREATE TABLE field_yield (
  field_id INTEGER NOT NULL REFERENCES field (id) ON DELETE CASCADE,
  year INTEGER NOT NULL CHECK (year BETWEEN 1950 AND 2100),
  yield_kg_per_ha REAL NOT NULL CHECK (yield_kg_per_ha BETWEEN 0 AND 30000),
  PRIMARY KEY (field_id, year)
) STRICT, WITHOUT ROWID;

CREATE TABLE scenario (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 60),
  season_year INTEGER NOT NULL CHECK (season_year BETWEEN 2000 AND 2100),
  is_baseline INTEGER NOT NULL DEFAULT 0 CHECK (is_baseline IN (0, 1)),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- what a scenario changes on one field; NULL means "as today"
CREATE TABLE scenario_change (
  scenario_id INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
  field_id INTEGER NOT NULL REFERENCES field (id) ON DELETE CASCADE,
  build_hsf INTEGER CHECK (build_hsf IS NULL OR build_hsf IN (0, 1)),
  variety_id INTEGER REFERENCES variety (id) ON DELETE SET NULL,
  density_plants_per_ha REAL CHECK (density_plants_per_ha IS NULL OR density_plants_per_ha BETWEEN 1000 AND 1500000),
  water_regime TEXT CHECK (water_regime IS NULL OR water_regime IN ('rainfed', 'furrow', 'sprinkler', 'drip', 'paddy')),
  PRIMARY KEY (scenario_id, field_id)
) STRICT, WITHOUT ROWID;

-- a coefficient of the model as the workspace holds it (defaults live in the engine)
CREATE TABLE assumption (
  key TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 80),
  value REAL NOT NULL,
  low REAL NOT NULL,
  high REAL NOT NULL,
  unit TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  changed_at TEXT NOT NULL,
  CHECK (low <= value AND value <= high)
) STRICT;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'import', 'settings')),
  entity TEXT NOT NULL,
  entity_id INTEGER,
  summary TEXT NOT NULL DEFAULT '',
  detail_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail_json))
) STRICT;

CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX field_variety ON field (variety_id);
