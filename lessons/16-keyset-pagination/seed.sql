-- Deterministic data: setseed fixes random(), timestamps count back from a fixed instant.
SELECT setseed(0.16);

ALTER TABLE audit_events DROP CONSTRAINT audit_events_actor_id_fkey;

INSERT INTO members (id, email)
SELECT g, 'member' || g || '@acme.example'
FROM generate_series(1, 400) AS g;

-- 200,000 events (times the data scale), newest at 2025-10-01 09:00 UTC, going back about eight
-- days. Events come in bursts (a bulk share, a sync): six within two seconds, every 20 seconds, so
-- most events share their created_at second with others. created_at alone does not order the log;
-- (created_at, id) does. Ids count up with time, except inside a burst, where the seconds are shuffled.
INSERT INTO audit_events (id, actor_id, action, document_id, created_at)
SELECT n - g + 1,
       1 + floor(random() * 400)::int,
       (ARRAY['view', 'view', 'view', 'download', 'share', 'upload', 'sign_in', 'grant'])[1 + floor(random() * 8)::int],
       1 + floor(random() * 40000)::int,
       timestamptz '2025-10-01 09:00+00' - ((g - 1) / 6 * 20 + floor(random() * 2)::int) * interval '1 second'
FROM (SELECT round(200000 * current_setting('fastpath.scale')::numeric)::int AS n) AS size,
     generate_series(1, n) AS g;

ALTER TABLE audit_events ADD CONSTRAINT audit_events_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES members (id);
