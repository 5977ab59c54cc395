import type { Workload, WorkloadStep } from 'fastpath';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Twenty shop owners open their dashboard on mornings in September 2025. Each sees the 90 days up
 * to midnight, UTC: from midnight 90 days ago (included) to midnight today (excluded). Owners of
 * the three subscription shops, whose renewals are created at exactly midnight, come often.
 */
const workload: Workload = (random) => {
  const steps: WorkloadStep[] = [];
  for (let i = 0; i < 20; i++) {
    const shopId = i % 2 === 0 ? random.int(1, 3) : random.int(4, 10);
    const today = Date.UTC(2025, 8, random.int(2, 30));
    steps.push({
      request: 'getShopTotals',
      input: { shopId, from: new Date(today - 90 * DAY_MS).toISOString(), to: new Date(today).toISOString() },
    });
  }
  return steps;
};

export default workload;
