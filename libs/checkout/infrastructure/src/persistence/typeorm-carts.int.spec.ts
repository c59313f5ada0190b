import { randomUUID } from 'node:crypto';
import { Cart, cartId, orderId } from '@bazaar/checkout-domain';
import { aCart, aLine, anAddress } from '@bazaar/checkout-domain/testing';
import { Outbox } from '@bazaar/platform-messaging';
import { createMigratedTestDatabase, MigratedTestDatabase } from '@bazaar/platform-service/testing';
import { ConcurrencyConflict, money } from '@bazaar/shared-kernel';
import { checkoutMigrations } from './migrations';
import { TypeOrmCarts } from './typeorm-carts';
import { TypeOrmOrders } from './typeorm-orders';
import { BuyerDataKeys } from './buyer-data-keys';
import { ephemeralKeyRing, processSharingKeyRing } from '@bazaar/platform-service';

jest.setTimeout(30_000);

const buyerKeys = new BuyerDataKeys(ephemeralKeyRing());

const at = new Date('2026-11-21T10:00:00.000Z');

describe('TypeOrmCarts (real PostgreSQL)', () => {
  let database: MigratedTestDatabase;
  let carts: TypeOrmCarts;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(checkoutMigrations);
    carts = new TypeOrmCarts(database.transactions);
  });

  afterAll(async () => {
    await database?.drop();
  });

  const newCart = async (): Promise<Cart> => {
    const cart = Cart.create({ id: cartId(randomUUID()), buyerId: 'buyer-42', currency: 'EUR', createdAt: at });
    await carts.save(cart);
    return (await carts.byId(cart.id))!;
  };

  it('stores a new cart and restores it, empty and open', async () => {
    const cart = await newCart();

    expect(cart.toState()).toEqual({ id: cart.id, buyerId: 'buyer-42', currency: 'EUR', lines: [], createdAt: at });
    expect([cart.version, cart.status]).toEqual([1, 'open']);
  });

  it('keeps the lines in the order the buyer first added them, with their latest quantity and price', async () => {
    const cart = await newCart();
    cart.setLine(aLine({ sku: 'B', quantity: 1 }), at);
    cart.setLine(aLine({ sku: 'A', quantity: 2 }), at);
    await carts.save(cart);
    const again = (await carts.byId(cart.id))!;
    again.setLine(aLine({ sku: 'B', quantity: 5, unitPrice: money(700, 'EUR') }), at);
    again.removeLine('A', at);
    again.setLine(aLine({ sku: 'C', quantity: 1 }), at);
    await carts.save(again);

    const restored = (await carts.byId(cart.id))!;
    expect(restored.lines.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice }))).toEqual([
      { sku: 'B', quantity: 5, unitPrice: money(700, 'EUR') },
      { sku: 'C', quantity: 1, unitPrice: money(1250, 'EUR') },
    ]);
    expect(restored.version).toBe(3);
  });

  it('stores the checkout together with the order the cart became', async () => {
    const cart = await newCart();
    cart.setLine(aLine(), at);
    await carts.save(cart);
    const loaded = (await carts.byId(cart.id))!;
    const order = loaded.checkOut({ orderId: orderId(randomUUID()), paymentToken: 'tok_ok', shippingAddress: anAddress(), at });

    await database.transactions.run(async () => {
      await new TypeOrmOrders(database.transactions, new Outbox('checkout'), buyerKeys, processSharingKeyRing()).save(order);
      await carts.save(loaded);
    });

    const restored = (await carts.byId(cart.id))!;
    expect([restored.status, restored.orderId]).toEqual(['checked_out', order.id]);
    expect(restored.lines).toHaveLength(1);
  });

  it('refuses a save from a stale copy (ConcurrencyConflict)', async () => {
    const cart = await newCart();
    const mine = (await carts.byId(cart.id))!;
    const theirs = (await carts.byId(cart.id))!;
    theirs.setLine(aLine({ sku: 'THEIRS' }), at);
    await carts.save(theirs);

    mine.setLine(aLine({ sku: 'MINE' }), at);

    await expect(carts.save(mine)).rejects.toBeInstanceOf(ConcurrencyConflict);
    expect((await carts.byId(cart.id))!.lines.map((line) => line.sku)).toEqual(['THEIRS']);
  });

  it('finds nothing for an unknown id', async () => {
    expect(await carts.byId(aCart().withId(randomUUID()).build().id)).toBeUndefined();
  });
});
