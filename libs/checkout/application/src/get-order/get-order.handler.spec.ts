import { OrderNotFound } from '@bazaar/checkout-domain';
import { anOrder } from '@bazaar/checkout-domain/testing';
import { InMemoryOrders } from '../testing/in-memory-orders';
import { GetOrderHandler } from './get-order.handler';

describe('Getting an order', () => {
  it('shows the order with its lines and total, but not its payment token', async () => {
    const orders = new InMemoryOrders();
    const order = anOrder().paidWith('tok_secret').build();
    await orders.save(order);

    const details = await new GetOrderHandler(orders).execute({ orderId: order.id });

    expect(details).toEqual({
      orderId: order.id,
      buyerId: order.buyerId,
      status: 'placed',
      lines: order.lines,
      total: order.total,
      shippingAddress: order.shippingAddress,
      placedAt: order.placedAt,
    });
    expect(JSON.stringify(details)).not.toContain('tok_secret');
  });

  it('says so when there is no such order', async () => {
    const query = new GetOrderHandler(new InMemoryOrders()).execute({ orderId: '00000000-0000-4000-8000-000000000099' });

    await expect(query).rejects.toBeInstanceOf(OrderNotFound);
    await expect(query).rejects.toMatchObject({ code: 'order_not_found', kind: 'not_found' });
  });
});
