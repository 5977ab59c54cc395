import type { Workload, WorkloadStep } from 'fastpath';

/**
 * Three evenings. Each one the marketplace sends about 250 orders (about one in twelve sent twice,
 * a few minutes apart, under a new reference); the app lists the likely duplicates; the support
 * desk looks up a few customers; next morning the order desk accepts the batch.
 */
const workload: Workload = (random) => {
  const steps: WorkloadStep[] = [];
  let ref = 70_000;
  for (let night = 0; night < 3; night++) {
    const start = Date.UTC(2025, 10, 20 + night, 18, 0, 0);
    const orders: { externalRef: string; customerId: number; totalCents: number; createdAt: string }[] = [];
    const customers: number[] = [];
    for (let i = 0; i < 250; i++) {
      const at = start + i * 90_000;
      const previous = orders.length > 0 && random.chance(0.08) ? orders[random.int(Math.max(0, orders.length - 5), orders.length - 1)] : undefined;
      const customerId = previous ? previous.customerId : random.int(1, 15_000);
      const totalCents = previous ? previous.totalCents : random.int(500, 30_499);
      customers.push(customerId);
      orders.push({ externalRef: `MP-${++ref}`, customerId, totalCents, createdAt: new Date(at).toISOString() });
    }
    steps.push({ request: 'importBatch', input: { marketplace: 'Marketly', receivedAt: new Date(start + 250 * 90_000).toISOString(), orders } });
    steps.push({ request: 'findDuplicates', input: {} });
    for (let k = 0; k < 4; k++) {
      steps.push({ request: 'customerOrders', input: { customerId: k % 2 === 0 ? random.pick(customers) : random.int(1, 15_000) } });
    }
    // Next morning the order desk accepts the batch (the last one stays pending).
    if (night < 2) steps.push({ sql: `UPDATE orders SET status = 'accepted' WHERE status = 'pending'` });
  }
  return steps;
};

export default workload;
