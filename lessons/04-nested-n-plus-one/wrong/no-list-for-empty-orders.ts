// Lines grouped into a Map filled only from the line rows: an order without lines gets no list at all.
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

/**
 * Two round trips whatever the page size: the page of orders, then every line of those orders with
 * its product name in one query (`= ANY($1)`), grouped by order in memory. The LEFT JOIN keeps the
 * lines of withdrawn products (product_id NULL), and every order starts with an empty list, so an
 * order without lines keeps `lines: []`.
 */
export async function getOrderHistory({ customerId, limit }: HistoryInput, { db }: HandlerContext): Promise<OrderSummary[]> {
  const orders = await db.query(
    `SELECT id, status, placed_at
       FROM orders
      WHERE customer_id = $1
      ORDER BY placed_at DESC, id DESC
      LIMIT $2`,
    [customerId, limit],
  );
  if (orders.length === 0) return [];

  const items = await db.query(
    `SELECT i.order_id, i.product_id, p.name AS product_name, i.quantity, i.unit_price_cents
       FROM order_items i
       LEFT JOIN products p ON p.id = i.product_id
      WHERE i.order_id = ANY($1)
      ORDER BY i.order_id, i.id`,
    [orders.map((order) => order.id)],
  );

  const linesByOrder = new Map<number, OrderLine[]>();
  for (const item of items) {
    if (!linesByOrder.has(item.order_id)) linesByOrder.set(item.order_id, []);
    linesByOrder.get(item.order_id)!.push({
      productId: item.product_id,
      productName: item.product_name,
      quantity: item.quantity,
      unitPriceCents: item.unit_price_cents,
    });
  }
  return orders.map((order) => ({ id: order.id, status: order.status, placedAt: order.placed_at, lines: linesByOrder.get(order.id)! }));
}
