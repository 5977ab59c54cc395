import type { Random, Workload, WorkloadStep } from 'fastpath';

/** One line of a price list, as starter.ts declares it. */
interface PriceLine {
  sku: string;
  name: string;
  priceCents: number;
  stock: number;
}

/** The suppliers, each with its SKU prefix. The seed has articles 1-600 of each. */
const SUPPLIERS = [
  { prefix: 'KS', supplier: 'Kessler' },
  { prefix: 'NH', supplier: 'Nordhaus' },
  { prefix: 'FE', supplier: 'Ferro' },
] as const;

const IMPORTS = 5;
/** Articles the shop already has, per list. */
const KNOWN_PER_LIST = 40;
/** Articles the shop does not have yet, per list. */
const NEW_PER_LIST = 5;

const ITEMS = [
  "CHEF'S KNIFE", 'BREAD KNIFE', 'PARING KNIFE', 'CUTTING BOARD', 'SAUCEPAN', 'FRYING PAN', 'STOCKPOT', "BAKER'S WHISK",
  'MIXING BOWL', 'COLANDER', 'PEELER', 'GRATER', 'LADLE', 'SPATULA', 'TONGS', 'ROLLING PIN',
];
const VARIANTS = ['S', 'M', 'L', '2PK', '3PK', 'STEEL', 'OAK', 'ENAMEL'];

const sku = (prefix: string, n: number) => `${prefix}-${String(n).padStart(5, '0')}`;

/** The supplier's own name for an article: never the name the shop shows. */
const supplierName = (prefix: string, n: number) => `${ITEMS[n % 16]} ${VARIANTS[Math.floor(n / 16) % 8]} ${prefix}${n}`;

const line = (prefix: string, n: number, random: Random): PriceLine => ({
  sku: sku(prefix, n),
  name: supplierName(prefix, n),
  priceCents: 490 + random.int(0, 1499) * 10,
  stock: random.int(0, 250),
});

/**
 * Five price lists from three suppliers, one a day. Each lists 40 articles the shop has, every
 * article that supplier's earlier lists added, and five new ones; three lines are repeated at the
 * end with another price and stock (the supplier's corrections: the later line wins), one of them
 * for a new article. After the first import the shop's staff rename one of the new products, which
 * the next list from that supplier must leave alone.
 */
const workload: Workload = (random) => {
  const steps: WorkloadStep[] = [];
  const nextNew: Record<string, number> = { KS: 601, NH: 601, FE: 601 };
  const added: Record<string, number[]> = { KS: [], NH: [], FE: [] };
  for (let i = 0; i < IMPORTS; i++) {
    const { prefix, supplier } = SUPPLIERS[i % SUPPLIERS.length];
    const numbers = new Set<number>(added[prefix]);
    while (numbers.size < added[prefix].length + KNOWN_PER_LIST) numbers.add(random.int(1, 600));
    const fresh: number[] = [];
    for (let k = 0; k < NEW_PER_LIST; k++) fresh.push(nextNew[prefix]++);
    for (const n of fresh) numbers.add(n);
    added[prefix].push(...fresh);

    // A price list comes sorted by article number.
    const sorted = [...numbers].sort((a, b) => a - b);
    const lines = sorted.map((n) => line(prefix, n, random));

    // Corrections: two known articles and one new one appear again at the end.
    const corrected = new Set<number>([random.pick(fresh)]);
    while (corrected.size < 3) corrected.add(random.pick(sorted));
    for (const n of corrected) {
      const first = lines.find((l) => l.sku === sku(prefix, n))!;
      lines.push({ ...first, priceCents: first.priceCents + 10 * random.int(5, 90), stock: (first.stock + random.int(1, 40)) % 251 });
    }

    steps.push({
      request: 'importPriceList',
      input: { supplier, importedAt: `2026-03-${String(2 + i).padStart(2, '0')}T05:30:00Z`, lines },
    });
    if (i === 0) {
      steps.push({ sql: `UPDATE products SET name = 'Santoku knife, 18 cm (Kessler 601)' WHERE sku = 'KS-00601'` });
    }
  }
  return steps;
};

export default workload;
