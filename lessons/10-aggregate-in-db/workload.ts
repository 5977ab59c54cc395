import type { Workload, WorkloadStep } from 'fastpath';

/**
 * Forty account pages: thirty-six offices and four enterprise accounts, as in a day of the shop's
 * traffic. Offices have a few dozen orders at most, so most pages are cheap whatever the code does;
 * the enterprise pages are the slow tail. Orders and tickets keep arriving, so a copy of the
 * statistics kept from an earlier request goes out of date.
 */
const workload: Workload = (random) => {
  const steps: WorkloadStep[] = [];
  const enterpriseAt = new Set([6, 17, 26, 35]);
  for (let i = 0; i < 40; i++) {
    if (i === 20) {
      steps.push({
        sql: `INSERT INTO orders (id, customer_id, status, total_cents, shipping_address, placed_at)
              VALUES (900001, 3, 'paid', 48250, '13 Industrial Way, Unit 1, Springfield', timestamptz '2026-01-05 09:30+00')`,
      });
      steps.push({ sql: `INSERT INTO support_tickets (id, customer_id, status, subject, opened_at) VALUES (900001, 12, 'open', 'Late delivery', timestamptz '2026-01-05 09:40+00')` });
    }
    // The two customers the writes touch are seen before them and again right after.
    const customerId = i === 6 || i === 21 ? 3 : i === 3 || i === 22 ? 12 : enterpriseAt.has(i) ? random.int(1, 10) : random.int(11, 2000);
    steps.push({ request: 'getCustomerStats', input: { customerId } });
  }
  return steps;
};

export default workload;
