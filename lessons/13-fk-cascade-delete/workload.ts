import type { Workload, WorkloadStep } from 'fastpath';

/**
 * A cleanup afternoon: an admin deletes the ten oldest projects (ids 1 to 10), one after another,
 * while people keep opening their task lists. Every delete takes about 500 tasks with it.
 */
const workload: Workload = (random) => {
  const steps: WorkloadStep[] = [];
  const oldest = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  for (let i = oldest.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [oldest[i], oldest[j]] = [oldest[j]!, oldest[i]!];
  }
  for (const projectId of oldest) {
    steps.push({ request: 'getMyTasks', input: { userId: random.int(1, 2000) } });
    steps.push({ request: 'deleteProject', input: { projectId } });
  }
  return steps;
};

export default workload;
