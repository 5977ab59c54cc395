-- Deterministic data: setseed fixes random(), timestamps count from a fixed instant.
-- fastpath.scale is 1 for the lesson's own data; the learner may re-seed at other sizes.
SELECT setseed(0.15);

-- Bulk load the Postgres way: drop the foreign key and the index, load, add them back.
ALTER TABLE tickets DROP CONSTRAINT tickets_org_id_fkey;
DROP INDEX tickets_org_id_idx;

INSERT INTO orgs (id, name)
SELECT g, (ARRAY['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Soylent', 'Tyrell'])[1 + g % 8] || ' ' || g
FROM generate_series(1, 300) AS g;

-- 120,000 tickets filed over two years, up to 2026-07-01 (at scale 1). A few big customers file
-- most of them: organisation 1 about 18,000, organisation 300 about 130. Tickets of the last three
-- weeks are still being worked on; of the older ones, a few are still open, pending or on hold, and
-- the rest were closed by the weekly clean-up, which closes every solved ticket at 03:00 UTC on
-- Sunday. So the closed tickets of an organisation come in groups with the same updated_at.
INSERT INTO tickets (id, org_id, status, subject, updated_at)
SELECT g, org_id, status, 'Ticket ' || g,
       CASE WHEN status = 'closed'
            -- the Sunday 03:00 UTC at least four days after the last reply
            THEN to_timestamp(270000 + ceil((filed + 345600 - 270000) / 604800) * 604800)
            ELSE to_timestamp(filed)
       END
FROM (
  SELECT g, org_id,
         1782864000 - age_days * 86400 AS filed,  -- 2026-07-01 00:00 UTC minus the ticket's age
         CASE
           WHEN age_days < 3 THEN CASE floor(r * 5) WHEN 0 THEN 'new' WHEN 1 THEN 'pending' WHEN 2 THEN 'solved' ELSE 'open' END
           WHEN age_days < 20 THEN CASE floor(r * 5) WHEN 0 THEN 'open' WHEN 1 THEN 'pending' WHEN 2 THEN 'on_hold' ELSE 'solved' END
           WHEN r < 0.04 THEN CASE floor(r * 75) WHEN 0 THEN 'open' WHEN 1 THEN 'pending' ELSE 'on_hold' END
           ELSE 'closed'
         END AS status
  FROM (
    SELECT g,
           1 + floor(300 * random() ^ 3)::int AS org_id,
           (n - g + random()) * 730.0 / n AS age_days,
           random() AS r
    FROM (SELECT round(120000 * current_setting('fastpath.scale')::numeric)::int AS n) AS size,
         generate_series(1, size.n) AS g
  ) AS t
) AS t;

CREATE INDEX tickets_org_id_idx ON tickets (org_id);
ALTER TABLE tickets ADD CONSTRAINT tickets_org_id_fkey FOREIGN KEY (org_id) REFERENCES orgs (id);
