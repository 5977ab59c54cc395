import type { Workload } from 'fastpath';

/** 20 readers open the feed; most stay on the first pages, a few scroll far. */
const workload: Workload = (random) =>
  Array.from({ length: 20 }, () => ({
    request: 'getFeed',
    input: { page: random.zipf(25, 1.2) - 1, pageSize: 20 },
  }));

export default workload;
