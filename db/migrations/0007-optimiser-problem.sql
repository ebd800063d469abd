-- The investment optimiser's roll-out problem as the co-op last stated it (issue 12): its years,
-- budgets, quotas, loan limit, actions and objective, one per workspace, so the form opens with
-- what was typed last time. Stored as the engine's problem (canonical units), validated on write.
CREATE TABLE optimiser_problem (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  problem_json TEXT NOT NULL CHECK (json_valid(problem_json)),
  saved_at TEXT NOT NULL
) STRICT;
