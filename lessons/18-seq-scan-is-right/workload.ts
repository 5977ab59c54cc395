import type { Workload, WorkloadStep } from 'fastpath';

/**
 * An evening at head office. Tills upload their receipts (about 150 receipts, 450 lines, per
 * upload); between uploads the support desk opens receipts, old ones and ones just uploaded, and
 * twice the product report is read, so every upload must be in it.
 */
const workload: Workload = (random) => {
  const steps: WorkloadStep[] = [];
  // The seed numbers each store's receipts up to about 330 (83 at the smallest data scale); uploads continue from 1001.
  const nextReceipt = new Map<number, number>();
  let clock = Date.UTC(2025, 3, 6, 8, 0, 0);
  const uploaded: { storeId: number; receiptNo: number }[] = [];
  for (let i = 0; i < 10; i++) {
    const storeId = 1 + ((i * 7) % 40);
    const lines = [];
    let receiptNo = nextReceipt.get(storeId) ?? 1001;
    for (let r = 0; r < 150; r++) {
      clock += random.int(20, 90) * 1000;
      const count = random.int(1, 5);
      for (let l = 0; l < count; l++) {
        lines.push({
          receiptNo,
          sku: 'SKU-' + String(random.int(1, 5000)).padStart(5, '0'),
          quantity: random.int(1, 3),
          amountCents: random.int(150, 2649),
          status: random.chance(0.05) ? 'void' : 'sold',
          soldAt: new Date(clock).toISOString(),
        });
      }
      receiptNo++;
    }
    uploaded.push({ storeId, receiptNo: receiptNo - random.int(1, 150) });
    nextReceipt.set(storeId, receiptNo);
    steps.push({ request: 'uploadSales', input: { storeId, lines } });
    if (i % 2 === 1) {
      // One receipt from the seed, one just uploaded.
      steps.push({ request: 'getReceipt', input: { storeId: random.int(1, 40), receiptNo: random.int(1, 80) } });
      steps.push({ request: 'getReceipt', input: uploaded[uploaded.length - 1] });
    }
    if (i === 4 || i === 9) steps.push({ request: 'productReport', input: { from: '2025-01-01T00:00:00Z' } });
  }
  return steps;
};

export default workload;
