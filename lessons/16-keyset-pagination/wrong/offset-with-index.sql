-- OFFSET kept, with an index: the last page still reads about 700 rows to return 50, and new events still shift the pages.
-- expect: correct, maxRowsReadPerRequest
CREATE INDEX audit_events_created_at_id_idx ON audit_events (created_at, id);
