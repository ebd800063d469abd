-- Schema 6: plan versions for board review (理事会审议). A version is the plan frozen with its
-- results; its review (submission, comments) and its decision (决议) are only ever added to.
-- The triggers make that a property of the file, not only of the app: no UPDATE or DELETE of a
-- version, a submission, a comment or a decision succeeds, whoever issues it.

CREATE TABLE plan_version (
  id INTEGER PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE CHECK (number >= 1),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 80),
  note TEXT NOT NULL CHECK (length(note) <= 2000),
  author TEXT NOT NULL CHECK (length(author) BETWEEN 1 AND 40),
  created_at TEXT NOT NULL,
  -- the plan and its results as JSON (VersionContent); the hash covers the header and this text
  content TEXT NOT NULL CHECK (json_valid(content)),
  hash TEXT NOT NULL CHECK (hash GLOB 'sha256:*' AND length(hash) = 71),
  field_count INTEGER NOT NULL CHECK (field_count >= 0),
  scenario_count INTEGER NOT NULL CHECK (scenario_count >= 0)
) STRICT;

CREATE TABLE version_submission (
  version_id INTEGER PRIMARY KEY REFERENCES plan_version (id),
  submitted_at TEXT NOT NULL,
  submitted_by TEXT NOT NULL CHECK (length(submitted_by) BETWEEN 1 AND 40)
) STRICT;

CREATE TABLE version_comment (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES plan_version (id),
  reply_to INTEGER REFERENCES version_comment (id),
  scenario_id INTEGER,
  field_id INTEGER,
  author TEXT NOT NULL CHECK (length(author) BETWEEN 1 AND 40),
  role TEXT NOT NULL CHECK (role IN ('board', 'supervisor', 'member', 'manager')),
  body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  created_at TEXT NOT NULL
) STRICT;

CREATE INDEX version_comment_by_version ON version_comment (version_id, id);

CREATE TABLE version_decision (
  version_id INTEGER PRIMARY KEY REFERENCES plan_version (id),
  meeting_date TEXT NOT NULL CHECK (meeting_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  kind TEXT NOT NULL CHECK (kind IN ('board', 'members')),
  members INTEGER NOT NULL CHECK (members >= 1),
  attending INTEGER NOT NULL CHECK (attending BETWEEN 0 AND members),
  votes_for INTEGER NOT NULL CHECK (votes_for >= 0),
  votes_against INTEGER NOT NULL CHECK (votes_against >= 0),
  abstaining INTEGER NOT NULL CHECK (abstaining >= 0),
  extra_votes_total INTEGER NOT NULL CHECK (extra_votes_total >= 0),
  extra_votes_for INTEGER NOT NULL CHECK (extra_votes_for BETWEEN 0 AND extra_votes_total),
  rules_json TEXT NOT NULL CHECK (json_valid(rules_json)),
  valid INTEGER NOT NULL CHECK (valid IN (0, 1)),
  outcome TEXT NOT NULL CHECK (outcome IN ('approved', 'rejected')),
  scenario_id INTEGER,
  scenario_name TEXT,
  resolution TEXT NOT NULL CHECK (length(resolution) BETWEEN 1 AND 4000),
  recorded_by TEXT NOT NULL CHECK (length(recorded_by) BETWEEN 1 AND 40),
  recorded_at TEXT NOT NULL,
  CHECK (votes_for + votes_against + abstaining <= attending),
  -- an invalid vote is never an approval, and an approval names its scenario
  CHECK (outcome <> 'approved' OR (valid = 1 AND scenario_id IS NOT NULL))
) STRICT;

-- The co-op's charter (章程) rules for its meetings, where stricter than the law's.
CREATE TABLE charter (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  rules_json TEXT NOT NULL CHECK (json_valid(rules_json)),
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  updated_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER plan_version_never_updated BEFORE UPDATE ON plan_version
BEGIN SELECT RAISE(ABORT, 'plan versions are never changed'); END;
CREATE TRIGGER plan_version_never_deleted BEFORE DELETE ON plan_version
BEGIN SELECT RAISE(ABORT, 'plan versions are never deleted'); END;
CREATE TRIGGER version_submission_never_updated BEFORE UPDATE ON version_submission
BEGIN SELECT RAISE(ABORT, 'submissions are never changed'); END;
CREATE TRIGGER version_submission_never_deleted BEFORE DELETE ON version_submission
BEGIN SELECT RAISE(ABORT, 'submissions are never deleted'); END;
CREATE TRIGGER version_comment_never_updated BEFORE UPDATE ON version_comment
BEGIN SELECT RAISE(ABORT, 'comments are never changed'); END;
CREATE TRIGGER version_comment_never_deleted BEFORE DELETE ON version_comment
BEGIN SELECT RAISE(ABORT, 'comments are never deleted'); END;
CREATE TRIGGER version_decision_never_updated BEFORE UPDATE ON version_decision
BEGIN SELECT RAISE(ABORT, 'decisions are never changed'); END;
CREATE TRIGGER version_decision_never_deleted BEFORE DELETE ON version_decision
BEGIN SELECT RAISE(ABORT, 'decisions are never deleted'); END;
-- Nothing is added to a decided version: no comment, no submission, no second decision.
CREATE TRIGGER version_comment_not_after_decision BEFORE INSERT ON version_comment
WHEN EXISTS (SELECT 1 FROM version_decision WHERE version_id = NEW.version_id)
BEGIN SELECT RAISE(ABORT, 'the version is decided'); END;
CREATE TRIGGER version_submission_not_after_decision BEFORE INSERT ON version_submission
WHEN EXISTS (SELECT 1 FROM version_decision WHERE version_id = NEW.version_id)
BEGIN SELECT RAISE(ABORT, 'the version is decided'); END;
