-- Schema 5: each field has its own Jilin farming region (central plains, eastern hills and
-- mountains, western semi-arid plains), which sets its rainfed weather spread in the risk model.
-- Existing fields take the workspace's region: it was the only region a workspace had.

ALTER TABLE field ADD COLUMN region TEXT NOT NULL DEFAULT 'central' CHECK (region IN ('central', 'east', 'west'));
UPDATE field SET region = COALESCE((SELECT region FROM workspace WHERE id = 1), 'central');
