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

/** "My orders": a customer's latest orders, newest first, each with its lines and product names. */
export async function getOrderHistory({ customerId, limit }: HistoryInput, { db }: HandlerContext): Promise<OrderSummary[]> {
  const orders = await db.query(
    `SELECT id, status, placed_at
       FROM orders
      WHERE customer_id = $1
      ORDER BY placed_at DESC, id DESC
      LIMIT $2`,
    [customerId, limit],
  );

  const history: OrderSummary[] = [];
  for (const order of orders) {
    const items = await db.query(
      'SELECT product_id, quantity, unit_price_cents FROM order_items WHERE order_id = $1 ORDER BY id',
      [order.id],
    );
    const lines: OrderLine[] = [];
    for (const item of items) {
      let productName: string | null = null;
      if (item.product_id !== null) {
        const [product] = await db.query('SELECT name FROM products WHERE id = $1', [item.product_id]);
        productName = product.name;
      }
      lines.push({
        productId: item.product_id,
        productName,
        quantity: item.quantity,
        unitPriceCents: item.unit_price_cents,
      });
    }
    history.push({ id: order.id, status: order.status, placedAt: order.placed_at, lines });
  }
  return history;
}
