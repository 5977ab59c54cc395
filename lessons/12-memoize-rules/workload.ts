import type { Workload, WorkloadStep } from 'fastpath';

/**
 * A morning of the sales team: every half minute a rep opens a quote to price it, the big
 * accounts' quotes again and again. Meanwhile:
 * - the pricing team starts a promotion on group 2, one of the biggest, by editing its rule in the
 *   admin screen (straight in the database: the app is not told);
 * - a rep changes quantities on quote 3 and prices it again;
 * - the carrier raises its price for group 1's goods to Germany, and the pricing team updates
 *   the freight line of that rule;
 * - a distributor asks for a quote with one product of every group (quote 151): 200 different
 *   rule texts in one request.
 * Quotes priced before an edit are priced again after it, so a cache that serves an old rule shows.
 */
const workload: Workload = () => {
  const steps: WorkloadStep[] = [];
  const price = (...quoteIds: number[]) => {
    for (const quoteId of quoteIds) {
      steps.push({ advanceMs: 30_000 });
      steps.push({ request: 'priceQuote', input: { quoteId } });
    }
  };

  price(1, 2, 14, 1, 3);
  steps.push({ sql: `UPDATE pricing_rules SET body = E'-5%  # spring promotion\\n' || body WHERE id = 2` });
  price(2, 37, 1, 58);
  steps.push({ sql: 'UPDATE quote_lines SET qty = qty + 20 WHERE quote_id = 3 AND line_no % 4 = 0' });
  price(3, 14);
  steps.push({ sql: `UPDATE pricing_rules SET body = regexp_replace(body, 'region = DE: \\+freight [0-9]+', 'region = DE: +freight 990') WHERE id = 1` });
  price(2, 1, 151, 2);
  return steps;
};

export default workload;
