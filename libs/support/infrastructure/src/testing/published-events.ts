import { randomBytes, randomUUID } from 'node:crypto';
import { dataKeyId, KeyRing, processSharingKeyRing, sealWith } from '@bazaar/platform-service';
import { ServiceUnderTest } from '@bazaar/platform-service/testing';
import { anEvent, EventOverrides, kafkaMessage } from '@bazaar/platform-testing';
import {
  BuyerDataKeyV1,
  CartCheckedOutV1,
  CartCheckedOutV2,
  EventContract,
  EventHeaders,
  EventEnvelope,
  FraudReviewDecidedV1,
  FraudReviewRequestedV1,
  InventoryReservationFailedV1,
  InventoryReservedV1,
  InvoiceIssuedV1,
  OrderCancelledV1,
  OrderCompletedV1,
  OrderConfirmedV1,
  PaymentAuthorizedV1,
  PaymentAuthorizedV2,
  PaymentFailedV1,
  sealedAddressPurpose,
  RevenueDeferredV1,
  RevenueRecognizedV1,
  RevenueReversedV1,
  ShipmentCancelledV1,
  ShipmentCreatedV1,
  ShipmentDeliveredV1,
  ShipmentDispatchedV1,
  ShipmentPackedV1,
  ShipmentPickedV1,
} from '@bazaar/published-language';
import { CaseOrderViewResponse } from '../http/case-order-views.schemas';
import { supportService } from '../support.service';

export interface TopicEvent<T = unknown> {
  readonly topic: string;
  readonly envelope: EventEnvelope<T>;
}

/**
 * Every event that may be published about one order (the recorded examples, fresh ids), each with
 * the topic it travels on. Its shipment events share one shipment, its recognition names that
 * shipment, and its reversal and recognition point at its deferred revenue entry.
 */
export function eventsAbout(orderId: string) {
  const shipmentId = randomUUID();
  const deferredEntryId = randomUUID();
  const event = <T>(contract: EventContract<T>, data: EventOverrides<T>['data'] = {}): TopicEvent<T> => ({
    topic: contract.topic,
    envelope: anEvent(contract, { data: { orderId, ...data } as Partial<T> }),
  });
  return {
    cartCheckedOut: event(CartCheckedOutV1),
    fraudReviewRequested: event(FraudReviewRequestedV1),
    fraudReviewDecided: event(FraudReviewDecidedV1),
    paymentAuthorized: event(PaymentAuthorizedV1),
    paymentFailed: event(PaymentFailedV1),
    orderConfirmed: event(OrderConfirmedV1),
    orderCancelled: event(OrderCancelledV1, { reason: 'buyer_cancelled', paymentWasAuthorized: true, authorizationVoided: true }),
    orderCompleted: event(OrderCompletedV1),
    inventoryReserved: event(InventoryReservedV1),
    inventoryReservationFailed: event(InventoryReservationFailedV1),
    shipmentCreated: event(ShipmentCreatedV1, { shipmentId }),
    shipmentPicked: event(ShipmentPickedV1, { shipmentId }),
    shipmentPacked: event(ShipmentPackedV1, { shipmentId }),
    shipmentDispatched: event(ShipmentDispatchedV1, { shipmentId }),
    shipmentDelivered: event(ShipmentDeliveredV1, { shipmentId }),
    shipmentCancelled: event(ShipmentCancelledV1, { shipmentId }),
    revenueDeferred: event(RevenueDeferredV1, { revenueEventId: deferredEntryId }),
    revenueRecognized: event(RevenueRecognizedV1, { deferredRevenueEventId: deferredEntryId, shipmentId }),
    revenueReversed: event(RevenueReversedV1, { reversedRevenueEventId: deferredEntryId }),
    invoiceIssued: event(InvoiceIssuedV1),
  };
}

export type OrderEvents = ReturnType<typeof eventsAbout>;

/** An order's whole life: reviewed and approved, paid, reserved, confirmed, shipped, deferred, picked, packed, dispatched, recognized and invoiced, completed, delivered. */
export function lifecycleOf(events: OrderEvents): TopicEvent[] {
  return [
    events.cartCheckedOut,
    events.fraudReviewRequested,
    events.fraudReviewDecided,
    events.paymentAuthorized,
    events.inventoryReserved,
    events.orderConfirmed,
    events.shipmentCreated,
    events.revenueDeferred,
    events.shipmentPicked,
    events.shipmentPacked,
    events.shipmentDispatched,
    events.revenueRecognized,
    events.invoiceIssued,
    events.orderCompleted,
    events.shipmentDelivered,
  ];
}

/** A paid order the buyer cancelled: its shipment cancelled and its deferred revenue reversed. */
export function cancellationOf(events: OrderEvents): TopicEvent[] {
  return [events.cartCheckedOut, events.paymentAuthorized, events.shipmentCreated, events.revenueDeferred, events.orderCancelled, events.shipmentCancelled, events.revenueReversed];
}

/** Publishes an event to Support as its producer's outbox relay would, to a chosen partition when told. */
export function publish(support: ServiceUnderTest, event: TopicEvent, partition?: number) {
  return support.send(event.topic, { ...kafkaMessage(event.envelope), ...(partition === undefined ? {} : { partition }) });
}

/** A postal address as `checkout.cart-checked-out.v1` carries it (and v2 seals it). */
export interface PublishedAddress {
  readonly name: string;
  readonly line1: string;
  readonly line2?: string;
  readonly city: string;
  readonly postalCode: string;
  readonly country: string;
}

/**
 * A buyer as Checkout publishes them since addresses are sealed: a data key of their own, shared on
 * `checkout.buyer-keys` wrapped by `sharing` (by default this process's, which a Support started
 * here with its default settings unwraps with), and their orders' events sealed with it.
 */
export function aSealingBuyer(buyerId: string, sharing: KeyRing = processSharingKeyRing()) {
  const dataKey = randomBytes(32);
  const keyId = dataKeyId(dataKey);
  const sealed = (orderId: string, address: PublishedAddress) => ({
    algorithm: 'AES-256-GCM' as const,
    keyId,
    ciphertext: sealWith(dataKey, JSON.stringify(address), sealedAddressPurpose(buyerId, orderId)),
  });
  return {
    buyerId,
    keyId,
    /** `checkout.buyer-data-key.v1`, keyed by the buyer. */
    key: (): TopicEvent<BuyerDataKeyV1> => ({
      topic: BuyerDataKeyV1.topic,
      envelope: anEvent(BuyerDataKeyV1, { aggregateId: buyerId, data: { buyerId, keyId, wrappedKey: sharing.wrap(dataKey, buyerId) } }),
    }),
    checkedOut: (orderId: string, address: PublishedAddress): TopicEvent<CartCheckedOutV2> => ({
      topic: CartCheckedOutV2.topic,
      envelope: anEvent(CartCheckedOutV2, { data: { orderId, buyerId, sealedShippingAddress: sealed(orderId, address) } }),
    }),
    paymentAuthorized: (orderId: string, address: PublishedAddress): TopicEvent<PaymentAuthorizedV2> => ({
      topic: PaymentAuthorizedV2.topic,
      envelope: anEvent(PaymentAuthorizedV2, { data: { orderId, buyerId, sealedShippingAddress: sealed(orderId, address) } }),
    }),
  };
}

/** Checkout's tombstone of an erased buyer's key on `checkout.buyer-keys`: their id as key, the type in the headers, no value. */
export function publishKeyTombstone(support: ServiceUnderTest, buyerId: string) {
  const id = randomUUID();
  return support.send(BuyerDataKeyV1.topic, {
    key: buyerId,
    value: null,
    headers: { [EventHeaders.id]: id, [EventHeaders.type]: BuyerDataKeyV1.wireType, [EventHeaders.producer]: 'checkout', [EventHeaders.correlationId]: id },
  });
}

/**
 * Support started once for a spec file's tests (real PostgreSQL and Kafka) and stopped after them,
 * with what the specs about personal data ask of it: an order's case view, and every row of every
 * table of its database, as text, that mentions any of `values`.
 */
export function startedSupport() {
  let support: ServiceUnderTest;
  beforeAll(async () => {
    support = await ServiceUnderTest.start(supportService);
  });
  afterAll(async () => {
    await support?.stop();
  });
  return {
    support: () => support,
    view: (orderId: string) => support.get<CaseOrderViewResponse>(`/case-order-views/${orderId}`),
    async rowsMentioning(values: readonly string[]): Promise<string[]> {
      const { rows: tables } = await support.query<{ name: string }>(
        `SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      );
      const found: string[] = [];
      for (const { name } of tables) {
        const { rows } = await support.query<{ text: string }>(`SELECT t::text AS text FROM ${name} t`);
        for (const { text } of rows) if (values.some((value) => text.includes(value))) found.push(`${name}: ${text}`);
      }
      return found;
    },
  };
}
