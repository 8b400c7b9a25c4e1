-- The distributed monitor's results (bulwark monitor --postgres). Managed by Flyway; never edit a
-- released migration, add the next one.

-- Where each feed follower stands. Advanced only after the versions it found are acknowledged
-- by the Kafka broker, so a crash replays and never skips.
CREATE TABLE cursors (
  feed      text        PRIMARY KEY,
  position  text        NOT NULL,
  origin    timestamptz NOT NULL,
  updated   timestamptz NOT NULL DEFAULT now()
);

-- Versions a follower has queued (npm's feed names a package, not a version).
CREATE TABLE versions (
  ecosystem text        NOT NULL,
  name      text        NOT NULL,
  version   text        NOT NULL,
  feed      text        NOT NULL,
  queued    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (ecosystem, name, version)
);

-- One row per version and artifact hash: a replayed message updates its row, never adds one.
-- writes counts the upserts of the row (more than 1: a redelivery was absorbed).
CREATE TABLE verdicts (
  ecosystem     text        NOT NULL,
  name          text        NOT NULL,
  version       text        NOT NULL,
  artifact_hash text        NOT NULL,
  verdict       text        NOT NULL,
  score         integer     NOT NULL,
  reason        text        NOT NULL,
  published     timestamptz NOT NULL,
  judged        timestamptz NOT NULL,
  record        text        NOT NULL,
  writes        integer     NOT NULL DEFAULT 1,
  PRIMARY KEY (ecosystem, name, version, artifact_hash)
);
CREATE INDEX verdicts_judged ON verdicts (judged);
CREATE INDEX verdicts_package ON verdicts (ecosystem, name, published);

-- The findings of each verdict, replaced with it.
CREATE TABLE findings (
  ecosystem     text    NOT NULL,
  name          text    NOT NULL,
  version       text    NOT NULL,
  artifact_hash text    NOT NULL,
  ordinal       integer NOT NULL,
  rule_id       text    NOT NULL,
  severity      text    NOT NULL,
  file          text    NOT NULL,
  line          integer NOT NULL,
  message       text    NOT NULL,
  PRIMARY KEY (ecosystem, name, version, artifact_hash, ordinal),
  FOREIGN KEY (ecosystem, name, version, artifact_hash)
    REFERENCES verdicts (ecosystem, name, version, artifact_hash) ON DELETE CASCADE
);
CREATE INDEX findings_rule ON findings (rule_id);
