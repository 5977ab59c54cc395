import type { Workload, WorkloadStep } from 'fastpath';

/**
 * 20 readers open the feed; most stay on the first pages, a few scroll far. Meanwhile the site
 * lives: readers comment on the newest posts, and someone publishes a new post, so every answer
 * must come from the data as it is now, not from a copy taken earlier. Few writes: each one costs
 * the starter's pass a statement, and one is enough to show a stale copy.
 */
const workload: Workload = (random) => {
  const steps: WorkloadStep[] = [];
  let commentId = 40_000;
  let postId = 10_000;
  for (let i = 0; i < 20; i++) {
    if (i % 4 === 2) {
      // A new comment on a post of the first page (the newest posts are ids 9981-10000).
      commentId++;
      steps.push({
        sql: `INSERT INTO comments (id, post_id, author_id, body, created_at)
              VALUES ($1::int, $2::int, $3, 'Comment ' || $1::int || ' on post ' || $2::int, timestamptz '2025-10-20 09:00+00' + $1::int * interval '1 second')`,
        params: [commentId, random.int(9981, 10_000), random.int(1, 1000)],
      });
    }
    if (i === 9) {
      postId++;
      steps.push({
        sql: `INSERT INTO posts (id, author_id, title, created_at)
              VALUES ($1::int, $2, 'Notes on query plans (part ' || $1::int || ')', timestamptz '2025-10-21 08:00+00' + ($1::int - 10000) * interval '1 hour')`,
        params: [postId, random.int(1, 1000)],
      });
    }
    steps.push({ request: 'getFeed', input: { page: random.zipf(25, 1.2) - 1, pageSize: 20 } });
  }
  return steps;
};

export default workload;
