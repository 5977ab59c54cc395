// One query joining orders to their lines: orders without lines vanish from the history.
// expect: correct
import type { HandlerContext } from 'fastpath';

/** Whose history, and how many of their latest orders. */
export interface HistoryInput {
  customerId: number;
  limit: number;
}

export interface OrderLine {
  /** null when the product was withdrawn from the catalogue after the order. */
  productId: number | null;
  /** null when the product was withdrawn from the catalogue after the order. */
  productName: string | null;
  quantity: number;
  unitPriceCents: number;
}

export interface OrderSummary {
  id: number;
  status: string;
  placedAt: Date;
  /** In the order they were added; empty for an order without lines. */
  lines: OrderLine[];
}

/** One round trip: the orders joined to their lines, grouped in memory. */
export async function getOrderHistory({ customerId, limit }: HistoryInput, { db }: HandlerContext): Promise<OrderSummary[]> {
  const rows = await db.query(
    `SELECT o.id, o.status, o.placed_at, i.product_id, p.name AS product_name, i.quantity, i.unit_price_cents
       FROM (SELECT id, status, placed_at FROM orders WHERE customer_id = $1 ORDER BY placed_at DESC, id DESC LIMIT $2) AS o
       JOIN order_items i ON i.order_id = o.id
       LEFT JOIN products p ON p.id = i.product_id
      ORDER BY o.placed_at DESC, o.id DESC, i.id`,
    [customerId, limit],
  );
  const history: OrderSummary[] = [];
  for (const row of rows) {
    let order = history.at(-1);
    if (!order || order.id !== row.id) {
      order = { id: row.id, status: row.status, placedAt: row.placed_at, lines: [] };
      history.push(order);
    }
    order.lines.push({ productId: row.product_id, productName: row.product_name, quantity: row.quantity, unitPriceCents: row.unit_price_cents });
  }
  return history;
}
