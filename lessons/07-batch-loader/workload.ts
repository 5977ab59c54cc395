import type { Workload, WorkloadStep } from 'fastpath';

const view = (queue: string, page: number): WorkloadStep => ({ request: 'getQueuePage', input: { queue, page } });

/** The requester of the n-th newest ticket of a queue (n = 1 is the newest). */
const requesterOf = (queue: string, n: number) =>
  `(SELECT requester_id FROM tickets WHERE queue = '${queue}' ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ${n - 1})`;

/**
 * A morning at the help desk: agents open the first page of their queues, and open them again.
 * Between the views, people change: a customer corrects their name, an agent's name changes, a
 * customer closes their account, an agent takes over a ticket, and a new ticket arrives. Every view
 * must show the people as they are at that moment: a page seen before a change and opened again
 * after it tells a loader that kept its users from one that asks afresh.
 */
const workload: Workload = () => [
  view('billing', 0),
  view('shipping', 0),
  view('returns', 0),
  view('technical', 0),
  // A customer adds a second surname; they are on the first billing page.
  { sql: `UPDATE users SET name = split_part(name, ' #', 1) || '-Moreau #' || id WHERE id = ${requesterOf('billing', 2)}` },
  view('billing', 0),
  // Agent 3 changes his name; he is on tickets of every queue.
  { sql: `UPDATE users SET name = 'Tomasz Nowak-Sato (agent 3)' WHERE id = 3` },
  view('shipping', 0),
  // A customer on the first returns page closes their account: they must show as nobody now.
  { sql: `UPDATE users SET deleted_at = timestamptz '2026-03-02 09:15+00' WHERE id = ${requesterOf('returns', 4)}` },
  view('returns', 0),
  // Agent 12 takes over the newest unassigned technical ticket.
  {
    sql: `UPDATE tickets SET assignee_id = 12 WHERE id = (SELECT id FROM tickets WHERE queue = 'technical' AND assignee_id IS NULL
            ORDER BY created_at DESC, id DESC LIMIT 1)`,
  },
  view('technical', 0),
  view('billing', 1),
  // A new billing ticket, from a customer already on the first page.
  {
    sql: `INSERT INTO tickets (id, queue, subject, status, requester_id, assignee_id, created_at)
          VALUES (20001, 'billing', 'Charged twice (#20001)', 'open', ${requesterOf('billing', 5)}, NULL, timestamptz '2026-03-02 10:00+00')`,
  },
  view('billing', 0),
];

export default workload;
