-- Schema 4: loans a scenario carries. Drawn in full at the start, paid back in equal yearly
-- instalments (annuity) or interest-only with the principal at the end; a share of the interest
-- may be paid by government (贴息). Money in yuan, rates as ratios per year.

CREATE TABLE loan (
  id INTEGER PRIMARY KEY,
  scenario_id INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
  name TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 60),
  amount_yuan REAL NOT NULL CHECK (amount_yuan > 0 AND amount_yuan <= 1000000000),
  annual_rate REAL NOT NULL CHECK (annual_rate BETWEEN 0 AND 0.36),
  term_years INTEGER NOT NULL CHECK (term_years BETWEEN 1 AND 30),
  repayment TEXT NOT NULL CHECK (repayment IN ('annuity', 'interest_only')),
  interest_subsidy_share REAL NOT NULL DEFAULT 0 CHECK (interest_subsidy_share BETWEEN 0 AND 1),
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX loan_by_scenario ON loan (scenario_id);
