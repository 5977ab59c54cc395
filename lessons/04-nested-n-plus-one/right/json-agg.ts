// One round trip: json_agg builds each order's lines inside Postgres, in a lateral subquery.
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
 * One statement: for each order of the page, a lateral subquery aggregates its lines into a JSON
 * array (ordered by line id); coalesce turns "no lines" (NULL) into an empty array.
 */
export async function getOrderHistory({ customerId, limit }: HistoryInput, { db }: HandlerContext): Promise<OrderSummary[]> {
  const rows = await db.query(
    `SELECT o.id, o.status, o.placed_at, l.lines
       FROM (SELECT id, status, placed_at FROM orders WHERE customer_id = $1 ORDER BY placed_at DESC, id DESC LIMIT $2) AS o
       CROSS JOIN LATERAL (
         SELECT coalesce(json_agg(json_build_object(
                  'productId', i.product_id, 'productName', p.name,
                  'quantity', i.quantity, 'unitPriceCents', i.unit_price_cents) ORDER BY i.id), '[]') AS lines
           FROM order_items i
           LEFT JOIN products p ON p.id = i.product_id
          WHERE i.order_id = o.id) AS l
      ORDER BY o.placed_at DESC, o.id DESC`,
    [customerId, limit],
  );
  return rows.map((row) => ({ id: row.id, status: row.status, placedAt: row.placed_at, lines: row.lines }));
}
