import type { Workload, WorkloadStep } from 'fastpath';

/**
 * The billing clerk goes through November's drafts before they are sent: sixteen opens, three
 * drafts opened twice. Meanwhile rates change: two zones raise their sales tax from today and a
 * third lowers it, each time between two opens of a draft that has lines in that zone. So every
 * draft must use the rates as they are when it is opened, not as an earlier request read them.
 * Sixteen drafts of about 50 lines keep the starter's pass near 800 queries.
 */
const workload: Workload = (random) => {
  const steps: WorkloadStep[] = [];
  /** The tax zone of the first line of an invoice. */
  const zoneOfFirstLine = (invoiceId: number) => `(SELECT loc.tax_zone FROM invoice_lines l JOIN locations loc ON loc.id = l.location_id
                                                    WHERE l.invoice_id = ${invoiceId} ORDER BY l.line_no LIMIT 1)`;
  const changes: Record<number, string> = {
    5: `UPDATE tax_zones SET rate_percent = rate_percent + 0.5 WHERE code = ${zoneOfFirstLine(17)}`,
    10: `UPDATE tax_zones SET rate_percent = rate_percent + 0.25 WHERE code = ${zoneOfFirstLine(141)}`,
    13: `UPDATE tax_zones SET rate_percent = rate_percent - 0.375 WHERE code = ${zoneOfFirstLine(9)}`,
  };
  // 0 stands for a draft picked at random.
  const opens = [42, 17, 5, 0, 141, 17, 61, 0, 9, 130, 141, 0, 76, 9, 51, 0];
  opens.forEach((invoiceId, i) => {
    if (changes[i]) steps.push({ sql: changes[i] });
    steps.push({ request: 'getInvoiceDraft', input: { invoiceId: invoiceId || random.int(1, 200) } });
  });
  return steps;
};

export default workload;
