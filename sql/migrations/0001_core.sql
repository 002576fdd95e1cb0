-- Core bookkeeping. The job log lives in its own file (see job-store.ts), not here.
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
