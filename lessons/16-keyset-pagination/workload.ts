import type { EarlierAnswers, Workload, WorkloadStep } from 'fastpath';

/** What a chained step reads of the page before: the oracle's answer, dates as ISO strings. */
type ShownPage = { id: number; createdAt: string }[];

const PAGE_SIZE = 50;
const PAGES = 14;

/**
 * An admin opens the audit log and presses "Load more" 13 times, each page continuing after the
 * last event of the page before. The workspace keeps working meanwhile: every few pages a burst of
 * new events is logged (several in the same second), and they land at the top of the log.
 */
const workload: Workload = (random) => {
  const steps: WorkloadStep[] = [{ request: 'getAuditPage', input: { offset: 0, after: null } }];
  let nextId = 10_000_001;
  let second = 0;
  for (let page = 1; page < PAGES; page++) {
    if (page % 3 === 1) {
      const count = random.int(2, 5);
      second += random.int(1, 20);
      steps.push({
        sql: `INSERT INTO audit_events (id, actor_id, action, document_id, created_at)
              SELECT $1::int + i, 1 + ($2::int + 37 * i) % 400, 'view', $3::int + i,
                     timestamptz '2025-10-01 09:00+00' + $4::int * interval '1 second'
                FROM generate_series(0, $5::int - 1) AS i`,
        params: [nextId, random.int(1, 400), random.int(1, 40_000 - 10), second, count],
      });
      nextId += count;
    }
    steps.push({
      request: 'getAuditPage',
      input: (earlier: EarlierAnswers) => {
        const last = (earlier.last as ShownPage).at(-1)!;
        return { offset: page * PAGE_SIZE, after: { createdAt: last.createdAt, id: last.id } };
      },
    });
  }
  return steps;
};

export default workload;
