import { DomainError, money } from '@bazaar/shared-kernel';
import { orderId } from '../order/order-id';
import { aCart } from '../testing/cart.builder';
import { aLine, anAddress } from '../testing/order.builder';
import { Cart } from './cart';
import { cartId } from './cart-id';

const at = new Date('2026-11-21T10:00:00.000Z');

function refusal(command: () => unknown): DomainError {
  try {
    command();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the cart to refuse');
}

const checkout = { orderId: orderId('7e6d5c4b-3a29-4817-a6b5-c4d3e2f1a0b9'), paymentToken: 'tok_ok', shippingAddress: anAddress(), at };

describe('Creating a cart', () => {
  it('opens an empty cart for a buyer in one currency', () => {
    const cart = Cart.create({ id: cartId('c-1'), buyerId: 'buyer-7', currency: 'GBP', createdAt: at });

    expect([cart.status, cart.lines, cart.total]).toEqual(['open', [], money(0, 'GBP')]);
    expect(cart.pendingEvents).toEqual([{ type: 'CartCreated', cartId: 'c-1', buyerId: 'buyer-7', currency: 'GBP', createdAt: at }]);
  });

  it.each(['euro', 'ABC', 'XAU', 'XXX'])('needs an ISO 4217 currency that buyers pay with, not %s', (currency) => {
    expect(refusal(() => Cart.create({ id: cartId('c-1'), buyerId: 'b', currency, createdAt: at }))).toMatchObject({ code: 'invalid_currency', kind: 'invalid' });
  });
});

describe('Setting a line of a cart', () => {
  it('adds a line, priced, and records it', () => {
    const cart = aCart().empty().stored().build();

    cart.setLine({ sku: 'MUG', quantity: 2, unitPrice: money(1250, 'EUR') }, at);

    expect(cart.lines).toEqual([{ sku: 'MUG', quantity: 2, unitPrice: money(1250, 'EUR'), lineTotal: money(2500, 'EUR') }]);
    expect(cart.total).toEqual(money(2500, 'EUR'));
    expect(cart.pendingEvents).toEqual([{ type: 'CartLineSet', cartId: cart.id, sku: 'MUG', quantity: 2, unitPrice: money(1250, 'EUR'), at }]);
  });

  it('changes the quantity and price of the line with the same SKU, keeping its place', () => {
    const cart = aCart()
      .withLines(aLine({ sku: 'A' }), aLine({ sku: 'B' }))
      .stored()
      .build();

    cart.setLine({ sku: 'A', quantity: 5, unitPrice: money(900, 'EUR') }, at);

    expect(cart.lines.map(({ sku, quantity }) => [sku, quantity])).toEqual([
      ['A', 5],
      ['B', 2],
    ]);
  });

  it('records nothing when the line is set as it already is', () => {
    const cart = aCart()
      .withLines(aLine({ sku: 'A', quantity: 2 }))
      .stored()
      .build();

    cart.setLine(aLine({ sku: 'A', quantity: 2 }), at);

    expect(cart.pendingEvents).toHaveLength(0);
  });

  it('holds at most 50 lines, but may still change one of them', () => {
    const full = aCart()
      .withLines(...Array.from({ length: 50 }, (_, i) => aLine({ sku: `SKU-${i}` })))
      .build();

    expect(refusal(() => full.setLine(aLine({ sku: 'ONE-MORE' }), at))).toMatchObject({ code: 'order_line_limit_exceeded', kind: 'invalid' });
    full.setLine(aLine({ sku: 'SKU-0', quantity: 9 }), at);
    expect(full.lines).toHaveLength(50);
  });

  it.each([0, 1000, 2.5])('refuses a quantity of %p, as an order would', (quantity) => {
    expect(refusal(() => aCart().build().setLine(aLine({ quantity }), at))).toMatchObject({ code: 'invalid_quantity', kind: 'invalid' });
  });

  it('refuses a price that is not positive', () => {
    expect(
      refusal(() =>
        aCart()
          .build()
          .setLine(aLine({ unitPrice: money(0, 'EUR') }), at),
      ),
    ).toMatchObject({ code: 'non_positive_price' });
  });

  it('refuses a price in another currency than the cart', () => {
    expect(
      refusal(() =>
        aCart()
          .inCurrency('EUR')
          .build()
          .setLine(aLine({ unitPrice: money(100, 'USD') }), at),
      ),
    ).toMatchObject({
      code: 'mixed_currencies',
      kind: 'invalid',
    });
  });
});

describe('Removing a line from a cart', () => {
  it('removes the line and records it', () => {
    const cart = aCart()
      .withLines(aLine({ sku: 'A' }), aLine({ sku: 'B' }))
      .stored()
      .build();

    cart.removeLine('A', at);

    expect(cart.lines.map((line) => line.sku)).toEqual(['B']);
    expect(cart.pendingEvents).toEqual([{ type: 'CartLineRemoved', cartId: cart.id, sku: 'A', at }]);
  });

  it('says so when there is no such line', () => {
    expect(refusal(() => aCart().build().removeLine('NOPE', at))).toMatchObject({ code: 'cart_line_not_found', kind: 'not_found' });
  });
});

describe('Checking out a cart', () => {
  it('places the order through the same rules as express checkout, and closes the cart', () => {
    const cart = aCart()
      .forBuyer('buyer-7')
      .withLines(aLine({ sku: 'A', quantity: 2, unitPrice: money(1250, 'EUR') }), aLine({ sku: 'B', quantity: 1, unitPrice: money(899, 'EUR') }))
      .stored()
      .build();

    const order = cart.checkOut(checkout);

    expect([order.id, order.buyerId, order.status, order.total, order.placedAt]).toEqual([checkout.orderId, 'buyer-7', 'placed', money(3399, 'EUR'), at]);
    expect(order.lines).toEqual(cart.lines);
    expect(order.pendingEvents.map((event) => event.type)).toEqual(['OrderPlaced']);
    expect([cart.status, cart.orderId]).toEqual(['checked_out', checkout.orderId]);
    expect(cart.pendingEvents).toEqual([{ type: 'CartCheckedOut', cartId: cart.id, orderId: checkout.orderId, checkedOutAt: at }]);
  });

  it('refuses an empty cart', () => {
    expect(refusal(() => aCart().empty().build().checkOut(checkout))).toMatchObject({ code: 'cart_is_empty', kind: 'conflict' });
  });

  it('changes nothing once checked out', () => {
    const cart = aCart().checkedOut().build();

    for (const change of [() => cart.setLine(aLine({ sku: 'NEW' }), at), () => cart.removeLine('MUG-BLUE', at), () => cart.checkOut(checkout)]) {
      expect(refusal(change)).toMatchObject({ code: 'cart_already_checked_out', kind: 'conflict' });
    }
  });
});
