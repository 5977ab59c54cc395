import type { Workload, WorkloadStep } from 'fastpath';

/**
 * A morning on the help desk. Agents of the three biggest customers (organisation 1 files about
 * 18,000 tickets, 2 about 4,700, 3 about 3,200) go through their queues, open, pending, on hold,
 * and now and then look at what was solved or closed; two smaller customers look at their closed
 * tickets. Meanwhile agents answer tickets and customers file new ones, so a queue changes between
 * two looks at it.
 */
const workload: Workload = (random) => {
  const views: Array<[number, string]> = [
    [1, 'open'], [1, 'open'], [1, 'open'], [1, 'pending'], [1, 'pending'], [1, 'on_hold'], [1, 'solved'], [1, 'closed'],
    [2, 'open'], [2, 'open'], [2, 'pending'], [2, 'on_hold'], [2, 'closed'],
    [3, 'open'], [3, 'pending'], [3, 'closed'],
    [20, 'closed'], [50, 'closed'],
  ];
  const steps: WorkloadStep[] = [];
  let minute = 0;
  let newId = 1_000_000;
  for (let i = 0; i < 20; i++) {
    const [orgId, status] = i < 2 ? [1, 'closed'] as [number, string] : random.pick(views);
    if (i % 5 === 4) {
      // An agent answers the most recent open ticket of an organisation: it now waits on the customer.
      minute++;
      steps.push({
        sql: `UPDATE tickets SET status = 'pending', updated_at = timestamptz '2026-07-01 09:00+00' + $2::int * interval '1 minute'
               WHERE id = (SELECT id FROM tickets WHERE org_id = $1 AND status = 'open' ORDER BY updated_at DESC, id DESC LIMIT 1)`,
        params: [orgId, minute],
      });
    } else if (i % 5 === 2) {
      // A customer files a new ticket.
      minute++;
      newId++;
      steps.push({
        sql: `INSERT INTO tickets (id, org_id, status, subject, updated_at)
              VALUES ($1, $2, 'open', 'Ticket ' || $1::int, timestamptz '2026-07-01 09:00+00' + $3::int * interval '1 minute')`,
        params: [newId, orgId, minute],
      });
    }
    steps.push({ request: 'listTickets', input: { orgId, status } });
  }
  return steps;
};

export default workload;
