-- The organisation watch's state in the distributed mode (bulwark monitor --postgres … --serve).
-- Managed by Flyway (history table bulwark_watch_schema_history); never edit a released
-- migration, add V2__….sql instead. Times are epoch milliseconds, as in the SQLite store.
CREATE TABLE watch_projects (
  name TEXT PRIMARY KEY,
  file TEXT NOT NULL,
  uploaded BIGINT NOT NULL,
  deps INTEGER NOT NULL
);

CREATE TABLE watch_deps (
  project TEXT NOT NULL,
  ecosystem TEXT NOT NULL,
  name TEXT NOT NULL,
  version TEXT NOT NULL,
  unpinned BOOLEAN NOT NULL,
  direct BOOLEAN NOT NULL,
  dev BOOLEAN NOT NULL,
  PRIMARY KEY (project, ecosystem, name, version, unpinned)
);
-- The index: a verdict on ecosystem:name@version finds its projects without a scan.
CREATE INDEX watch_deps_key ON watch_deps (ecosystem, name, version, unpinned, project);

CREATE TABLE watch_alerts (
  id BIGSERIAL PRIMARY KEY,
  project TEXT NOT NULL,
  ecosystem TEXT NOT NULL,
  name TEXT NOT NULL,
  version TEXT NOT NULL,
  cause TEXT NOT NULL,
  verdict TEXT NOT NULL,
  summary TEXT NOT NULL,
  state TEXT NOT NULL,
  raised BIGINT NOT NULL,
  changed BIGINT NOT NULL,
  UNIQUE (project, ecosystem, name, version, cause)
);
CREATE INDEX watch_alerts_raised ON watch_alerts (raised);

CREATE TABLE watch_verdicts (
  ecosystem TEXT NOT NULL,
  name TEXT NOT NULL,
  version TEXT NOT NULL,
  verdict TEXT NOT NULL,
  score INTEGER NOT NULL,
  reason TEXT NOT NULL,
  evidence TEXT NOT NULL,
  published BIGINT NOT NULL,
  judged BIGINT NOT NULL,
  PRIMARY KEY (ecosystem, name, version)
);
CREATE INDEX watch_verdicts_judged ON watch_verdicts (judged);

CREATE TABLE watch_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  scope TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  created BIGINT NOT NULL,
  revoked BOOLEAN NOT NULL DEFAULT FALSE
);
