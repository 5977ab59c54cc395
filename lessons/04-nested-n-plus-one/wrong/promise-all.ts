// Promise.all over the orders and their lines: the lookups overlap, but it is still a query per order and per line.
// expect: maxQueriesPerRequest
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

/** "My orders", with the lookups of every order and line started at once. */
export async function getOrderHistory({ customerId, limit }: HistoryInput, { db }: HandlerContext): Promise<OrderSummary[]> {
  const orders = await db.query(
    `SELECT id, status, placed_at
       FROM orders
      WHERE customer_id = $1
      ORDER BY placed_at DESC, id DESC
      LIMIT $2`,
    [customerId, limit],
  );
  return Promise.all(
    orders.map(async (order) => {
      const items = await db.query('SELECT product_id, quantity, unit_price_cents FROM order_items WHERE order_id = $1 ORDER BY id', [order.id]);
      const lines = await Promise.all(
        items.map(async (item): Promise<OrderLine> => {
          const [product] = item.product_id === null ? [null] : await db.query('SELECT name FROM products WHERE id = $1', [item.product_id]);
          return { productId: item.product_id, productName: product?.name ?? null, quantity: item.quantity, unitPriceCents: item.unit_price_cents };
        }),
      );
      return { id: order.id, status: order.status, placedAt: order.placed_at, lines };
    }),
  );
}
