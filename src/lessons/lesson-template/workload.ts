import type { Workload } from 'fastpath';

/** 20 visitors open a page of the author list, most of them one of the first pages. */
const workload: Workload = (random) =>
  Array.from({ length: 20 }, () => ({ request: 'listAuthors', input: { page: random.zipf(20) - 1 } }));

export default workload;
