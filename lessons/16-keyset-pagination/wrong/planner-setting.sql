-- Sequential scans turned off for the session, and no index: a server with default settings would still scan.
SET enable_seqscan = off;
