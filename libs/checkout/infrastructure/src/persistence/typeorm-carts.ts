import { Cart, CartId, Carts } from '@bazaar/checkout-domain';
import { isUniqueViolation, Transactions } from '@bazaar/platform-database';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { EntityManager } from 'typeorm';
import { cartColumns, CartLineRow, cartLineInsert, CartRow, toCart } from './cart.rows';

/**
 * Carts in PostgreSQL. Their events stay inside Checkout (the order a cart becomes announces
 * itself), so nothing goes to the outbox. A cart has at most 50 lines: saving rewrites them all.
 */
export class TypeOrmCarts extends Carts {
  constructor(private readonly transactions: Transactions) {
    super();
  }

  async byId(id: CartId): Promise<Cart | undefined> {
    const manager = this.transactions.manager;
    const [row] = (await manager.query(`SELECT ${cartColumns.join(', ')} FROM carts WHERE id = $1`, [id])) as CartRow[];
    if (!row) return undefined;
    const lines = (await manager.query('SELECT sku, quantity, unit_price_amount FROM cart_lines WHERE cart_id = $1 ORDER BY position', [id])) as CartLineRow[];
    return toCart(row, lines);
  }

  save(cart: Cart): Promise<void> {
    return this.transactions.run(async (manager) => {
      if (cart.version === 0) await this.insert(manager, cart);
      else await this.update(manager, cart);
      await manager.query('DELETE FROM cart_lines WHERE cart_id = $1', [cart.id]);
      if (cart.lines.length === 0) return;
      const [tuples, values] = cartLineInsert(cart);
      await manager.query(`INSERT INTO cart_lines (cart_id, position, sku, quantity, unit_price_amount) VALUES ${tuples}`, values);
    });
  }

  private async insert(manager: EntityManager, cart: Cart): Promise<void> {
    try {
      await manager.query('INSERT INTO carts (id, buyer_id, currency, created_at, version) VALUES ($1, $2, $3, $4, 1)', [cart.id, cart.buyerId, cart.currency, cart.createdAt]);
    } catch (error) {
      if (isUniqueViolation(error, 'carts_pkey')) throw new ConcurrencyConflict('Cart', cart.id);
      throw error;
    }
  }

  private async update(manager: EntityManager, cart: Cart): Promise<void> {
    const checkedOut = cart.toState().checkedOut;
    const [, changed] = (await manager.query(`UPDATE carts SET checked_out_order_id = $3, checked_out_at = $4, version = version + 1 WHERE id = $1 AND version = $2`, [
      cart.id,
      cart.version,
      checkedOut?.orderId ?? null,
      checkedOut?.at ?? null,
    ])) as [unknown, number];
    if (changed === 0) throw new ConcurrencyConflict('Cart', cart.id);
  }
}
