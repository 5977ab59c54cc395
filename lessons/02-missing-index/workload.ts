import type { Workload } from 'fastpath';

/** 40 customers open their account page; any customer may be the next one. */
const workload: Workload = (random) =>
  Array.from({ length: 40 }, () => ({
    request: 'getOpenOrders',
    input: { customerId: random.int(1, 5000) },
  }));

export default workload;
