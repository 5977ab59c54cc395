-- Forbidding sequential scans does not make the predicates usable by an index, and a server keeps its settings: Fastpath refuses the line.
SET enable_seqscan = off;
