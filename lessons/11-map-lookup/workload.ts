import type { Workload, WorkloadStep } from 'fastpath';

/**
 * A week in accounts receivable. The clerks reconcile the monthly statements, some of them twice,
 * while the books change under them:
 * - they book forty invoices that were issued but not yet entered (INV-25-01001 to 01040), which
 *   payments on the statements already refer to;
 * - matches confirmed earlier are posted, so those invoices are paid and no longer open;
 * - a wrong invoice that shares its number with a corrected one is voided, so the corrected one,
 *   issued later, now gets the payments.
 * So each reconciliation must read the open invoices as they are now.
 */
const workload: Workload = () => {
  const steps: WorkloadStep[] = [];
  const reconcile = (statementId: number) => steps.push({ request: 'reconcileStatement', input: { statementId } });

  reconcile(3);
  reconcile(1);
  reconcile(5);
  steps.push({
    sql: `INSERT INTO invoices (id, number, customer_id, currency, amount_cents, issued_at, status)
          SELECT 5000 + k, 'INV-25-' || lpad((1000 + k)::text, 5, '0'), 1 + k % 400, 'EUR', 5000 + 137 * (k - 1),
                 timestamptz '2025-12-20 08:00+00' + k * interval '1 hour', 'open'
            FROM generate_series(1, 40) AS k`,
  });
  reconcile(3);
  reconcile(7);
  steps.push({ sql: `UPDATE invoices SET status = 'paid' WHERE status = 'open' AND id % 7 = 3` });
  reconcile(5);
  reconcile(2);
  steps.push({
    sql: `UPDATE invoices SET status = 'void'
           WHERE id IN (SELECT min(id) FROM invoices WHERE status = 'open' GROUP BY number, currency HAVING count(*) > 1)
             AND id % 2 = 0`,
  });
  reconcile(8);
  reconcile(3);
  return steps;
};

export default workload;
