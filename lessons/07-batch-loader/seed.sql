-- Deterministic data: setseed fixes random(), timestamps count from a fixed date.
SELECT setseed(0.59);

-- Bulk load: drop the foreign keys, load, add them back (one check for the whole table).
ALTER TABLE tickets DROP CONSTRAINT tickets_requester_id_fkey, DROP CONSTRAINT tickets_assignee_id_fkey;

-- Users 1-30 are support agents; agents 7 and 19 have left, and their accounts are closed.
INSERT INTO users (id, name, email, is_agent, deleted_at)
SELECT g,
       (ARRAY['Sam','Priya','Tomasz','Aiko','Lena','Omar','Grace','Jonas','Mei','Carlos'])[1 + g % 10]
         || ' ' || (ARRAY['Okafor','Iyer','Nowak','Sato','Berg','Haddad','Mensah','Keller','Lin','Ruiz'])[1 + (g / 10) % 10]
         || ' (agent ' || g || ')',
       'agent' || g || '@desk.example',
       true,
       CASE WHEN g IN (7, 19) THEN timestamptz '2025-11-30 17:00+00' END
FROM generate_series(1, 30) AS g;

-- Users 31-5030 are customers; about one in thirty has closed their account.
INSERT INTO users (id, name, email, is_agent, deleted_at)
SELECT g,
       (ARRAY['Ana','Ben','Chloe','Dmitri','Elif','Femi','Greta','Hugo','Ines','Jamal','Kira','Luca'])[1 + g % 12]
         || ' ' || (ARRAY['Silva','Brown','Martin','Ivanov','Yilmaz','Adeyemi','Larsen','Dubois','Costa','Ali','Novak','Rossi'])[1 + (g / 12) % 12]
         || ' #' || g,
       'customer' || g || '@mail.example',
       false,
       CASE WHEN (g * 2654435761::bigint) % 30 = 0 THEN timestamptz '2025-12-01 00:00+00' + (g % 90) * interval '1 day' END
FROM generate_series(31, 5030) AS g;

-- 20,000 tickets in four queues, one every 7 minutes; a quarter are not assigned yet.
INSERT INTO tickets (id, queue, subject, status, requester_id, assignee_id, created_at)
SELECT g,
       (ARRAY['billing','shipping','returns','technical'])[1 + floor(random() * 4)::int],
       (ARRAY['Charged twice','Parcel not arrived','Wrong size','App will not start','Refund missing','Invoice address',
              'Damaged item','Password reset','Cancel my order','Discount code rejected'])[1 + floor(random() * 10)::int]
         || ' (#' || g || ')',
       (ARRAY['open','open','pending','solved'])[1 + floor(random() * 4)::int],
       31 + floor(random() * 5000)::int,
       CASE WHEN random() < 0.25 THEN NULL ELSE 1 + floor(random() * 30)::int END,
       timestamptz '2025-09-01 00:00+00' + g * interval '7 minutes'
FROM generate_series(1, 20000) AS g;

ALTER TABLE tickets
  ADD CONSTRAINT tickets_requester_id_fkey FOREIGN KEY (requester_id) REFERENCES users (id),
  ADD CONSTRAINT tickets_assignee_id_fkey FOREIGN KEY (assignee_id) REFERENCES users (id);
