-- Makes the planner use the indexes it was paying for, instead of dropping them: a planner setting is the server's, and the uploads would stay as slow.
SET enable_seqscan = off;
