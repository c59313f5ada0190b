import { DomainError, money } from '@bazaar/shared-kernel';
import { aLine, anAddress, anOrder } from '../testing/order.builder';
import { Order } from './order';
import { OrderPlaced } from './order-events';

function ruleBrokenBy(place: () => unknown): DomainError {
  try {
    place();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the order to be refused');
}

describe('Placing an order', () => {
  it('creates a placed order whose total is the sum of its lines', () => {
    const order = anOrder()
      .withLines(aLine({ sku: 'MUG', quantity: 2, unitPrice: money(1250, 'EUR') }), aLine({ sku: 'TEA', quantity: 1, unitPrice: money(899, 'EUR') }))
      .build();

    expect(order.status).toBe('placed');
    expect(order.lines.map((line) => line.lineTotal)).toEqual([money(2500, 'EUR'), money(899, 'EUR')]);
    expect(order.total).toEqual(money(3399, 'EUR'));
    expect(order.version).toBe(0);
  });

  it('records OrderPlaced with the facts of the order and without the payment token', () => {
    const order = anOrder().withId('0b9f4a52-7c55-4f0e-9a3c-3d6f1f8f4a01').forBuyer('buyer-7').paidWith('tok_secret').build();

    const [event, ...others] = order.pendingEvents;
    expect(others).toHaveLength(0);
    expect(event).toEqual<OrderPlaced>({
      type: 'OrderPlaced',
      orderId: order.id,
      buyerId: 'buyer-7',
      lines: order.lines,
      total: order.total,
      shippingAddress: anAddress(),
      placedAt: order.placedAt,
    });
    expect(JSON.stringify(event)).not.toContain('tok_secret');
  });

  it('needs at least one line', () => {
    expect(ruleBrokenBy(() => anOrder().withLines().build())).toMatchObject({ code: 'order_has_no_lines', kind: 'invalid' });
  });

  it('takes at most 50 lines', () => {
    expect(anOrder().withLineCount(50).build().lines).toHaveLength(50);
    expect(ruleBrokenBy(() => anOrder().withLineCount(51).build())).toMatchObject({ code: 'order_line_limit_exceeded', kind: 'invalid' });
  });

  it.each([1, 999])('accepts a quantity of %i', (quantity) => {
    expect(anOrder().withLines(aLine({ quantity })).build().lines[0]!.quantity).toBe(quantity);
  });

  it.each([0, -1, 1000, 1.5])('refuses a quantity of %p', (quantity) => {
    expect(ruleBrokenBy(() => anOrder().withLines(aLine({ quantity })).build())).toMatchObject({ code: 'invalid_quantity', kind: 'invalid' });
  });

  it('prices every line in one currency', () => {
    const mixed = anOrder().withLines(aLine({ sku: 'A', unitPrice: money(100, 'EUR') }), aLine({ sku: 'B', unitPrice: money(100, 'USD') }));
    expect(ruleBrokenBy(() => mixed.build())).toMatchObject({ code: 'mixed_currencies', kind: 'invalid' });
  });

  it.each(['ZZZ', 'XAU', 'XPT', 'XTS'])('refuses lines priced in %s, which is not money buyers pay with', (currency) => {
    const order = anOrder().withLines(aLine({ sku: 'A', unitPrice: money(100, currency) }));
    expect(ruleBrokenBy(() => order.build())).toMatchObject({ code: 'invalid_currency', kind: 'invalid' });
  });

  it.each([0, -100])('refuses a unit price of %i', (amount) => {
    const order = anOrder().withLines(aLine({ unitPrice: money(amount, 'EUR') }));
    expect(ruleBrokenBy(() => order.build())).toMatchObject({ code: 'non_positive_price', kind: 'invalid' });
  });

  it('refuses a SKU on two lines rather than guessing how to merge them', () => {
    const order = anOrder().withLines(aLine({ sku: 'MUG', quantity: 1 }), aLine({ sku: 'MUG', quantity: 2 }));
    expect(ruleBrokenBy(() => order.build())).toMatchObject({ code: 'duplicate_sku', kind: 'invalid' });
  });
});

describe('Restoring an order', () => {
  it('brings back its state and version without recording anything', () => {
    const placed = anOrder().build();
    const restored = Order.restore(
      {
        id: placed.id,
        buyerId: placed.buyerId,
        status: placed.status,
        lines: placed.lines,
        shippingAddress: placed.shippingAddress,
        paymentToken: placed.paymentToken,
        placedAt: placed.placedAt,
      },
      3,
    );

    expect(restored.version).toBe(3);
    expect(restored.total).toEqual(placed.total);
    expect(restored.pendingEvents).toHaveLength(0);
  });
});
