import { ServiceUnderTest } from '@bazaar/platform-service/testing';
import { anEvent, kafkaMessage, TopicTap, withKey } from '@bazaar/platform-testing';
import { InventoryReservedV1, OrderConfirmedV1, PaymentAuthorizedV1, Topics } from '@bazaar/published-language';
import { checkoutService } from '../checkout.service';
import { orderReaches, placeOrder } from './order-process-support';

jest.setTimeout(60_000);

const typesOf = (tap: TopicTap, orderId: string) => tap.matching(withKey(orderId)).map((message) => message.headers['bazaar-event-type']);

describe('An order’s process, driven by Kafka (real PostgreSQL and Kafka)', () => {
  let checkout: ServiceUnderTest;
  let orders: TopicTap;

  beforeAll(async () => {
    checkout = await ServiceUnderTest.start(checkoutService);
    orders = await checkout.namespace.tap(Topics.checkoutOrders);
  });

  afterAll(async () => {
    await checkout?.stop();
  });

  it('screens a placed order, authorizes its payment and publishes PaymentAuthorized with what Fulfillment needs', async () => {
    const orderId = await placeOrder(checkout);

    await orderReaches(checkout, orderId, 'payment_authorized');

    const [message] = await orders.waitFor((m) => withKey(orderId)(m) && m.headers['bazaar-event-type'] === PaymentAuthorizedV1.wireType);
    expect(PaymentAuthorizedV1.parse(message!.body).data).toMatchObject({ orderId, amount: { amount: 3399, currency: 'EUR' }, lines: [{ sku: 'MUG-BLUE' }, { sku: 'TEA-EARL' }] });
  });

  it('confirms the order when Fulfillment reserved its stock, once however often the news comes', async () => {
    const orderId = await placeOrder(checkout);
    await orderReaches(checkout, orderId, 'payment_authorized');
    const reserved = kafkaMessage(anEvent(InventoryReservedV1, { data: { orderId } }));

    await checkout.send(Topics.fulfillmentReservations, reserved);
    await orderReaches(checkout, orderId, 'confirmed');
    await checkout.consumedPast(await checkout.send(Topics.fulfillmentReservations, reserved));

    await orders.waitFor((m) => withKey(orderId)(m) && m.headers['bazaar-event-type'] === OrderConfirmedV1.wireType);
    expect(typesOf(orders, orderId)).toEqual(['checkout.cart-checked-out.v1', 'checkout.payment-authorized.v1', 'checkout.order-confirmed.v1']);
  });
});
