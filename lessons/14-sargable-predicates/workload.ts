import type { Workload, WorkloadStep } from 'fastpath';

const FIRST = ['maria', 'jan', 'lena', 'tom', 'sara', 'ali', 'mia', 'noah', 'emma', 'luca', 'olga', 'ben'];
const LAST = ['garcia', 'smith', 'novak', 'muller', 'rossi', 'kim', 'silva', 'brown', 'dubois', 'jensen', 'costa'];
const DOMAIN = ['example.com', 'mail.test', 'post.example', 'inbox.test'];

/** Customer g's address in lower case, as seed.sql builds it (it stores one in three capitalised). */
function address(g: number): string {
  const separator = g % 3 !== 0 && g % 7 === 1 ? '_' : '.';
  return `${FIRST[g % 12]}${separator}${LAST[Math.floor(g / 12) % 11]}${g}@${DOMAIN[Math.floor(g / 132) % 4]}`;
}

/** The day `offset` days after 2024-07-01, as 'YYYY-MM-DD'. */
function day(offset: number): string {
  return new Date(Date.UTC(2024, 6, 1 + offset)).toISOString().slice(0, 10);
}

/**
 * A morning at the shop: customers sign in (typing their address in whatever case), and the back
 * office pulls the orders of past days. A new customer signs up and signs in; a late order is booked
 * on a day the back office already looked at, which it then opens again.
 */
const workload: Workload = (random) => {
  const steps: WorkloadStep[] = [];
  // Who signs in, and how they type it. Customers up to 3,200 exist at every data scale.
  const typed = (g: number, how: number): string => {
    const lower = address(g);
    if (how === 0) return lower; // the seed stored one in three of these with capitals
    if (how === 1) return lower.toUpperCase();
    return lower.charAt(0).toUpperCase() + lower.slice(1);
  };
  const signIns: string[] = [];
  for (let i = 0; i < 7; i++) {
    const g = random.int(1, 3200);
    signIns.push(typed(g, i % 3));
  }
  signIns.splice(2, 0, 'Anna_Lee@mail.test'); // an address with an underscore; anna.lee@mail.test is someone else
  signIns.splice(5, 0, typed(1, 2)); // "Jan_garcia1@example.com", stored as jan_garcia1@example.com
  signIns.splice(7, 0, 'no.such.person@example.com'); // a typo: no account

  const days = Array.from({ length: 9 }, () => day(random.int(1, 728)));

  for (let i = 0; i < 10; i++) {
    steps.push({ request: 'signIn', input: { email: signIns[i] } });
    if (i < 9) steps.push({ request: 'getDayOrders', input: { day: days[i] } });
  }

  // A new customer signs up (capitals as typed) and signs in with the address in lower case.
  steps.push({ sql: `INSERT INTO customers (id, email, name) VALUES (950001, 'Kai.Weber@Example.org', 'Kai Weber')` });
  steps.push({ request: 'signIn', input: { email: 'kai.weber@example.org' } });

  // A phone order is booked late on a day the back office looked at; it opens that day again.
  steps.push({
    sql: `INSERT INTO orders (id, customer_id, total_cents, created_at)
          VALUES (990001, 4, 2500, $1::date + interval '1 day' - interval '1 microsecond')`,
    params: [days[3]],
  });
  steps.push({ request: 'getDayOrders', input: { day: days[3] } });
  return steps;
};

export default workload;
