import { consumedTopics, subscribedWireTypes as subscribedBy } from '@bazaar/platform-messaging';
import { allContracts, BuyerDataKeyV1, BuyerPersonalDataErasedV1, tombstoneOf, Topics } from '@bazaar/published-language';
import { projectedContracts } from '../acl/published-event';
import { BuyerKeysConsumer } from './buyer-keys.consumer';
import { PublishedEventsConsumer } from './published-events.consumer';

const subscribedWireTypes = () => subscribedBy(PublishedEventsConsumer);
const consumes = () => consumedTopics(PublishedEventsConsumer);

/** A contract about an order carries its `orderId`: that is what Support's view is keyed by. */
const aboutAnOrder = (contract: (typeof allContracts)[number]) => {
  const schema = contract.schema as unknown as { shape?: Record<string, unknown> };
  return schema.shape !== undefined && 'orderId' in schema.shape;
};

describe('Support’s subscriptions', () => {
  it('project every contract the other contexts publish about an order, each with its own handler (its own cases are read from their table)', () => {
    const wireTypes = allContracts
      .filter((contract) => aboutAnOrder(contract) && contract.producer !== 'support')
      .map((contract) => contract.wireType)
      .sort();

    expect(projectedContracts.map((contract) => contract.wireType).sort()).toEqual(wireTypes);
    expect(
      subscribedWireTypes()
        .filter((type) => type !== BuyerPersonalDataErasedV1.wireType)
        .sort(),
    ).toEqual(wireTypes);
  });

  it('honour a buyer’s erasure, which is about all of their orders (on checkout.orders, already consumed)', () => {
    expect(subscribedWireTypes()).toContain(BuyerPersonalDataErasedV1.wireType);
    expect(consumes()).toContain(BuyerPersonalDataErasedV1.topic);
  });

  it('consume every topic those contracts travel on, Fulfillment’s reservations and Finance’s invoices included', () => {
    expect(consumes().sort()).toEqual([Topics.checkoutOrders, Topics.fulfillmentShipments, Topics.fulfillmentReservations, Topics.financeLedgers, Topics.financeInvoices].sort());
  });

  it('keep the buyers’ shared data keys and delete them on their tombstones, from checkout.buyer-keys, which a rebuild does not rewind', () => {
    expect(subscribedBy(BuyerKeysConsumer).sort()).toEqual([BuyerDataKeyV1.wireType, tombstoneOf(BuyerDataKeyV1.wireType)].sort());
    expect(consumedTopics(BuyerKeysConsumer)).toEqual([Topics.checkoutBuyerKeys]);
    expect(consumes()).not.toContain(Topics.checkoutBuyerKeys);
  });
});
