// max: 100_000 is no bound: every rule text ever seen stays in memory (one distributor quote alone brings 200).
// expect: maxCacheEntries

import { LRUCache } from 'lru-cache';
import type { HandlerContext } from 'fastpath';

export interface PricedLine {
  productId: number;
  qty: number;
  unitCents: number;
  totalCents: number;
}

export interface PricedQuote {
  quoteId: number;
  lines: PricedLine[];
  totalCents: number;
}

/** Parsed rules by text. */
const parsedRules = new LRUCache<string, Rule>({ max: 100_000 });

export async function priceQuote({ quoteId }: { quoteId: number }, { db }: HandlerContext): Promise<PricedQuote | null> {
  const [quote] = await db.query(
    'SELECT q.id, c.region, c.member, c.tier FROM quotes q JOIN customers c ON c.id = q.customer_id WHERE q.id = $1',
    [quoteId],
  );
  if (!quote) return null;
  const lines = await db.query(
    `SELECT l.product_id, l.qty, p.list_price_cents, p.rule_id
       FROM quote_lines l JOIN products p ON p.id = l.product_id
      WHERE l.quote_id = $1
      ORDER BY l.line_no`,
    [quoteId],
  );
  const ruleIds = [...new Set(lines.map((line) => line.rule_id))];
  const rules = await db.query('SELECT id, body FROM pricing_rules WHERE id = ANY($1)', [ruleIds]);
  const ruleText = new Map<number, string>(rules.map((rule) => [rule.id, rule.body]));
  const buyer: Buyer = { region: quote.region, member: quote.member, tier: quote.tier };
  const priced = lines.map((line) => {
    const text = ruleText.get(line.rule_id)!;
    let rule = parsedRules.get(text);
    if (rule === undefined) {
      rule = parseRule(text);
      parsedRules.set(text, rule);
    }
    const unitCents = unitPrice(rule, line.list_price_cents, line.qty, buyer);
    return { productId: line.product_id, qty: line.qty, unitCents, totalCents: unitCents * line.qty };
  });
  return { quoteId, lines: priced, totalCents: priced.reduce((sum, line) => sum + line.totalCents, 0) };
}

// ---------------------------------------------------------------------------------------------
// The pricing rule language. A rule is a list of clauses, one per line or separated by ";":
//
//   # Office chairs                      a comment, to the end of the line
//   -3%                                  no condition: always applies
//   qty 10..24: -6%                      quantity between 10 and 24
//   qty >= 100: -12%                     also >, <=, <
//   member and qty >= 50: -1%            conditions joined with "and"
//   tier = gold: -3%                     the customer's tier
//   region = DE: +vat 19%                the customer's region; a word after + or - is a label
//   region in [CH, NO, UK]: +duty 2.5%   one of several regions
//   region = DE: +freight 350            350 cents on each unit (-150: cents off)
//   min 990                              the unit price never goes below 990 cents
//   round 5                              round the unit price to a multiple of 5 cents
//
// Clauses apply in order, to the unit price in cents, starting from the product's list price.
// ---------------------------------------------------------------------------------------------

type Token =
  | { type: 'number'; value: number; text: string; at: string }
  | { type: 'word'; value: string; at: string }
  | { type: 'symbol'; value: string; at: string }
  | { type: 'end'; at: string };

type Test =
  | { kind: 'qty'; min: number; max: number }
  | { kind: 'member' }
  | { kind: 'tier'; tier: string }
  | { kind: 'region'; regions: string[] };

type Action =
  | { kind: 'percent'; basisPoints: number; label: string }
  | { kind: 'cents'; cents: number }
  | { kind: 'min'; cents: number }
  | { kind: 'round'; cents: number };

export interface Clause {
  when: Test[];
  action: Action;
}

export interface Rule {
  clauses: Clause[];
}

/** Who is buying: what the conditions of a rule read. */
export interface Buyer {
  region: string;
  member: boolean;
  tier: string;
}

/** Every region a rule may name: the EU, the US states the wholesaler ships to, and a few others. */
const KNOWN_REGIONS = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL',
  'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'CH', 'NO', 'UK', 'IS', 'LI',
  'US-AL', 'US-AZ', 'US-CA', 'US-CO', 'US-CT', 'US-FL', 'US-GA', 'US-IL', 'US-IN', 'US-KY', 'US-LA', 'US-MA', 'US-MD',
  'US-MI', 'US-MN', 'US-MO', 'US-NC', 'US-NJ', 'US-NY', 'US-OH', 'US-OR', 'US-PA', 'US-SC', 'US-TN', 'US-TX', 'US-UT',
  'US-VA', 'US-WA', 'US-WI',
];

/** One token: a number, a word, a symbol or a line break, with its line and column for errors. */
const TOKEN = /([ \t\r]*)(?:(#[^\n]*)|(\n)|(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*)|(>=|<=|\.\.|[<>=:;[\],+\-%]))/y;

/** Splits a rule's text into tokens; line breaks count as ";". */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let lineStart = 0;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) {
      const rest = text.slice(start).trimStart();
      if (rest === '') break;
      throw new Error(`Unexpected "${rest[0]}" at line ${line}, column ${start - lineStart + 1}`);
    }
    const at = `${line}:${match.index + match[1].length - lineStart + 1}`;
    if (match[2] !== undefined) continue; // a comment
    if (match[3] !== undefined) {
      tokens.push({ type: 'symbol', value: ';', at });
      line++;
      lineStart = TOKEN.lastIndex;
    } else if (match[4] !== undefined) {
      tokens.push({ type: 'number', value: Number(match[4]), text: match[4], at });
    } else if (match[5] !== undefined) {
      tokens.push({ type: 'word', value: match[5].toLowerCase(), at });
    } else {
      tokens.push({ type: 'symbol', value: match[6], at });
    }
  }
  tokens.push({ type: 'end', at: `${line}:${text.length - lineStart + 1}` });
  return tokens;
}

/** Rejects rules that parse but make no sense: unknown regions, a region taxed twice, overlapping tiers. */
function validate(rule: Rule): void {
  const taxed: string[] = [];
  const tiers: { min: number; max: number }[] = [];
  for (const clause of rule.clauses) {
    for (const test of clause.when) {
      if (test.kind !== 'region') continue;
      for (const region of test.regions) {
        if (!KNOWN_REGIONS.includes(region)) throw new Error(`Unknown region ${region}`);
        if (clause.action.kind === 'percent' && clause.action.basisPoints > 0) {
          if (taxed.includes(region)) throw new Error(`Region ${region} is taxed twice`);
          taxed.push(region);
        }
      }
    }
    if (clause.when.length === 1 && clause.when[0].kind === 'qty') {
      const tier = clause.when[0];
      if (tiers.some((other) => tier.min <= other.max && other.min <= tier.max)) throw new Error(`Quantity tiers overlap at ${tier.min}`);
      tiers.push({ min: tier.min, max: tier.max });
    }
    if (clause.action.kind === 'percent' && Math.abs(clause.action.basisPoints) > 10_000) throw new Error('A percentage above 100%');
  }
}

/** Parses a rule's text into clauses, and checks them. Throws on a malformed rule. */
function parseRule(text: string): Rule {
  const tokens = tokenize(text);
  let position = 0;
  const peek = () => tokens[position];
  const next = () => tokens[position++];
  const isSymbol = (value: string) => {
    const token = peek();
    return token.type === 'symbol' && token.value === value;
  };
  const isWord = (value: string) => {
    const token = peek();
    return token.type === 'word' && token.value === value;
  };
  const expectSymbol = (value: string) => {
    const token = next();
    if (token.type !== 'symbol' || token.value !== value) throw new Error(`Expected "${value}" at ${token.at}`);
  };
  const expectNumber = () => {
    const token = next();
    if (token.type !== 'number') throw new Error(`Expected a number at ${token.at}`);
    return token;
  };
  const expectWord = () => {
    const token = next();
    if (token.type !== 'word') throw new Error(`Expected a word at ${token.at}`);
    return token.value;
  };
  /** "7.25" as 725 basis points, exactly. */
  const basisPoints = (numberText: string) => {
    const [whole, fraction = ''] = numberText.split('.');
    return Number(whole) * 100 + Number((fraction + '00').slice(0, 2));
  };

  const parseTest = (): Test => {
    if (isWord('qty')) {
      next();
      if (peek().type === 'number') {
        const min = expectNumber().value;
        expectSymbol('..');
        return { kind: 'qty', min, max: expectNumber().value };
      }
      const operator = next();
      const bound = expectNumber().value;
      if (operator.type !== 'symbol') throw new Error(`Expected a comparison at ${operator.at}`);
      switch (operator.value) {
        case '>=': return { kind: 'qty', min: bound, max: Infinity };
        case '>': return { kind: 'qty', min: bound + 1, max: Infinity };
        case '<=': return { kind: 'qty', min: 0, max: bound };
        case '<': return { kind: 'qty', min: 0, max: bound - 1 };
        default: throw new Error(`Unknown comparison "${operator.value}" at ${operator.at}`);
      }
    }
    if (isWord('member')) {
      next();
      return { kind: 'member' };
    }
    if (isWord('tier')) {
      next();
      expectSymbol('=');
      return { kind: 'tier', tier: expectWord() };
    }
    if (isWord('region')) {
      next();
      if (isWord('in')) {
        next();
        expectSymbol('[');
        const regions = [expectWord().toUpperCase()];
        while (isSymbol(',')) {
          next();
          regions.push(expectWord().toUpperCase());
        }
        expectSymbol(']');
        return { kind: 'region', regions };
      }
      expectSymbol('=');
      return { kind: 'region', regions: [expectWord().toUpperCase()] };
    }
    throw new Error(`Expected a condition at ${peek().at}`);
  };

  const parseAction = (): Action => {
    if (isWord('min') || isWord('round')) {
      const kind = expectWord() as 'min' | 'round';
      return { kind, cents: expectNumber().value };
    }
    const sign = next();
    if (sign.type !== 'symbol' || (sign.value !== '+' && sign.value !== '-')) throw new Error(`Expected + or - at ${sign.at}`);
    const direction = sign.value === '+' ? 1 : -1;
    let label = direction > 0 ? 'surcharge' : 'discount';
    if (peek().type === 'word') label = expectWord();
    const amount = expectNumber();
    if (isSymbol('%')) {
      next();
      return { kind: 'percent', basisPoints: direction * basisPoints(amount.text), label };
    }
    return { kind: 'cents', cents: direction * amount.value };
  };

  const clauses: Clause[] = [];
  while (peek().type !== 'end') {
    if (isSymbol(';')) {
      next();
      continue;
    }
    // A clause has a condition when a ":" comes before the next ";".
    let colon = false;
    for (let look = position; tokens[look].type !== 'end'; look++) {
      const token = tokens[look];
      if (token.type === 'symbol' && token.value === ';') break;
      if (token.type === 'symbol' && token.value === ':') {
        colon = true;
        break;
      }
    }
    const when: Test[] = [];
    if (colon) {
      when.push(parseTest());
      while (isWord('and')) {
        next();
        when.push(parseTest());
      }
      expectSymbol(':');
    }
    clauses.push({ when, action: parseAction() });
    if (!isSymbol(';') && peek().type !== 'end') throw new Error(`Expected ";" at ${peek().at}`);
  }
  const rule = { clauses };
  validate(rule);
  return rule;
}

function holds(test: Test, quantity: number, buyer: Buyer): boolean {
  switch (test.kind) {
    case 'qty': return quantity >= test.min && quantity <= test.max;
    case 'member': return buyer.member;
    case 'tier': return buyer.tier === test.tier;
    case 'region': return test.regions.includes(buyer.region);
  }
}

/** The unit price in cents after the rule's clauses, from the list price. Does not change `rule`. */
function unitPrice(rule: Rule, listPriceCents: number, quantity: number, buyer: Buyer): number {
  let cents = listPriceCents;
  for (const clause of rule.clauses) {
    if (!clause.when.every((test) => holds(test, quantity, buyer))) continue;
    const action = clause.action;
    switch (action.kind) {
      case 'percent': cents = Math.round((cents * (10_000 + action.basisPoints)) / 10_000); break;
      case 'cents': cents += action.cents; break;
      case 'min': cents = Math.max(cents, action.cents); break;
      case 'round': cents = Math.round(cents / action.cents) * action.cents; break;
    }
  }
  return Math.max(cents, 0);
}
