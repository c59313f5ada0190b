import { randomUUID } from 'node:crypto';
import { Message } from 'kafkajs';
import { Client } from 'pg';
import { expectDeadLettered, ServiceUnderTest } from '@bazaar/platform-service/testing';
import { anEvent, eventually, kafkaMessage, TappedMessage, TopicTap, withData, withKey } from '@bazaar/platform-testing';
import { CartCheckedOutV1, EventHeaders, OrderCancelledV1, PaymentAuthorizedV1, RevenueDeferredV1, RevenueReversedV1, Topics } from '@bazaar/published-language';
import { financeService } from '../finance.service';

interface RevenueEventJson {
  revenueEventId: string;
  orderId: string;
  kind: string;
  amount: { amount: number; currency: string };
  recordedAt: string;
  reversesRevenueEventId?: string;
  lines: { account: string; side: string; amount: { amount: number; currency: string } }[];
}

describe('Finance, when Checkout publishes its orders', () => {
  let finance: ServiceUnderTest;
  let ledgerEvents: TopicTap;

  beforeAll(async () => {
    finance = await ServiceUnderTest.start(financeService);
    ledgerEvents = await finance.namespace.tap(Topics.financeLedgers);
  });

  afterAll(async () => {
    await finance?.stop();
  });

  const eur3399 = { amount: 3399, currency: 'EUR' };
  const aPaymentAuthorized = (orderId: string = randomUUID()) => anEvent(PaymentAuthorizedV1, { data: { orderId, amount: eur3399, total: eur3399 } });
  const anOrderCancelled = (orderId: string, paymentWasAuthorized = true) =>
    anEvent(OrderCancelledV1, { data: { orderId, reason: 'buyer_cancelled', paymentWasAuthorized, authorizationVoided: paymentWasAuthorized } });
  const publish = (message: Message) => finance.send(Topics.checkoutOrders, message);
  const revenueEventsOf = async (orderId: string) => {
    const answer = await finance.get<{ revenueEvents: RevenueEventJson[] }>(`/revenue-events?orderId=${orderId}`);
    expect(answer.status).toBe(200);
    return answer.body.revenueEvents;
  };
  const entriesOf = (orderId: string, kinds: string[]) =>
    eventually(async () => {
      const entries = await revenueEventsOf(orderId);
      expect(entries.map((entry) => entry.kind)).toEqual(kinds);
      return entries;
    });
  const oneRevenueEventOf = async (orderId: string) => (await entriesOf(orderId, ['deferred']))[0]!;
  const outboxRowsFor = (orderId: string) => finance.count(`outbox WHERE payload->'data'->>'orderId' = $1`, [orderId]);
  const about = (orderId: string, contract: { wireType: string }) => (message: TappedMessage) =>
    message.headers[EventHeaders.type] === contract.wireType && withData('orderId', orderId)(message);
  const aPaidOrder = async () => {
    const authorized = aPaymentAuthorized();
    await publish(kafkaMessage(authorized));
    return { orderId: authorized.data.orderId, deferred: await oneRevenueEventOf(authorized.data.orderId) };
  };

  describe('a payment authorized', () => {
    it('defers the authorized amount in a balanced entry and publishes RevenueDeferred, caused by the payment event', async () => {
      const authorized = aPaymentAuthorized();
      await publish(kafkaMessage(authorized));

      const entry = await oneRevenueEventOf(authorized.data.orderId);
      expect(entry).toEqual({
        revenueEventId: expect.any(String),
        orderId: authorized.data.orderId,
        kind: 'deferred',
        amount: eur3399,
        recordedAt: expect.any(String),
        lines: [
          { account: 'accounts_receivable', side: 'debit', amount: eur3399 },
          { account: 'deferred_revenue', side: 'credit', amount: eur3399 },
        ],
      });

      const published = await ledgerEvents.waitFor(withData('orderId', authorized.data.orderId));
      expect(published).toHaveLength(1);
      const event = RevenueDeferredV1.parse(published[0]!.body);
      expect(event.data).toEqual({ revenueEventId: entry.revenueEventId, orderId: entry.orderId, amount: eur3399, recordedAt: entry.recordedAt });
      expect(event).toMatchObject({
        producer: 'finance',
        aggregateId: authorized.data.orderId,
        causationId: authorized.id,
        correlationId: authorized.correlationId,
      });
      expect(published[0]!.key).toBe(authorized.data.orderId);
      expect(published[0]!.headers[EventHeaders.type]).toBe(RevenueDeferredV1.wireType);
    });

    it('changes nothing when the same message is delivered again', async () => {
      const authorized = aPaymentAuthorized();
      const message = kafkaMessage(authorized);
      await publish(message);
      const entry = await oneRevenueEventOf(authorized.data.orderId);

      await finance.consumedPast(await publish(message));

      expect(await revenueEventsOf(authorized.data.orderId)).toEqual([entry]);
      expect(await outboxRowsFor(authorized.data.orderId)).toBe(1);
      expect(await finance.count('inbox WHERE event_id = $1', [authorized.id])).toBe(1);
    });

    it('defers no second entry for another payment event about the same order', async () => {
      const { orderId, deferred } = await aPaidOrder();

      await finance.consumedPast(await publish(kafkaMessage(aPaymentAuthorized(orderId))));

      expect(await revenueEventsOf(orderId)).toEqual([deferred]);
      expect(await outboxRowsFor(orderId)).toBe(1);
    });
  });

  it('records nothing for a checked-out cart: it is not paid yet', async () => {
    const checkedOut = anEvent(CartCheckedOutV1);

    await finance.consumedPast(await publish(kafkaMessage(checkedOut)));

    expect(await revenueEventsOf(checkedOut.data.orderId)).toEqual([]);
    expect(await finance.count('inbox WHERE event_id = $1', [checkedOut.id])).toBe(0);
    expect(finance.deadLetters.matching(withKey(checkedOut.aggregateId))).toEqual([]);
  });

  describe('an order cancelled', () => {
    it('after its payment was authorized: reverses the deferred entry in a balanced entry and publishes RevenueReversed', async () => {
      const { orderId, deferred } = await aPaidOrder();
      const cancelled = anOrderCancelled(orderId);

      await publish(kafkaMessage(cancelled));

      const [, reversal] = await entriesOf(orderId, ['deferred', 'reversal']);
      expect(reversal).toEqual({
        revenueEventId: expect.any(String),
        orderId,
        kind: 'reversal',
        amount: eur3399,
        recordedAt: expect.any(String),
        reversesRevenueEventId: deferred.revenueEventId,
        lines: [
          { account: 'deferred_revenue', side: 'debit', amount: eur3399 },
          { account: 'accounts_receivable', side: 'credit', amount: eur3399 },
        ],
      });
      const published = await ledgerEvents.waitFor(about(orderId, RevenueReversedV1));
      expect(published).toHaveLength(1);
      const event = RevenueReversedV1.parse(published[0]!.body);
      expect(event.data).toEqual({
        revenueEventId: reversal!.revenueEventId,
        reversedRevenueEventId: deferred.revenueEventId,
        orderId,
        amount: eur3399,
        recordedAt: reversal!.recordedAt,
      });
      expect(event).toMatchObject({ aggregateId: orderId, causationId: cancelled.id, correlationId: cancelled.correlationId });
      expect(published[0]!.key).toBe(orderId);
    });

    it('changes nothing when the same cancellation is delivered again', async () => {
      const { orderId } = await aPaidOrder();
      const message = kafkaMessage(anOrderCancelled(orderId));
      await publish(message);
      const entries = await entriesOf(orderId, ['deferred', 'reversal']);

      await finance.consumedPast(await publish(message));

      expect(await revenueEventsOf(orderId)).toEqual(entries);
      expect(await outboxRowsFor(orderId)).toBe(2);
    });

    it('reverses once, even when another cancellation event about the same order arrives', async () => {
      const { orderId } = await aPaidOrder();
      await publish(kafkaMessage(anOrderCancelled(orderId)));
      const entries = await entriesOf(orderId, ['deferred', 'reversal']);

      await finance.consumedPast(await publish(kafkaMessage(anOrderCancelled(orderId))));

      expect(await revenueEventsOf(orderId)).toEqual(entries);
    });

    it('before its payment was authorized: records nothing', async () => {
      const cancelled = anOrderCancelled(randomUUID(), false);

      await finance.consumedPast(await publish(kafkaMessage(cancelled)));

      expect(await revenueEventsOf(cancelled.data.orderId)).toEqual([]);
      expect(await outboxRowsFor(cancelled.data.orderId)).toBe(0);
      expect(await finance.count('inbox WHERE event_id = $1', [cancelled.id])).toBe(1);
      expect(finance.deadLetters.matching(withKey(cancelled.aggregateId))).toEqual([]);
    });

    it('before its payment reached Finance (the authorization replayed later from the dead letters): defers nothing, ever', async () => {
      const orderId = randomUUID();
      await finance.consumedPast(await publish(kafkaMessage(anOrderCancelled(orderId))));

      const lateAuthorization = aPaymentAuthorized(orderId);
      await finance.consumedPast(await publish(kafkaMessage(lateAuthorization)));

      expect(await revenueEventsOf(orderId)).toEqual([]);
      expect(await outboxRowsFor(orderId)).toBe(0);
      expect(await finance.count('inbox WHERE event_id = $1', [lateAuthorization.id])).toBe(1);
      expect(finance.deadLetters.matching(withKey(orderId))).toEqual([]);
    });
  });

  it('dead-letters a message that is not JSON and goes on with the next one on its partition', async () => {
    const orderId = randomUUID();

    await expectDeadLettered(finance, {
      topic: Topics.checkoutOrders,
      refused: { key: orderId, value: 'this is {not JSON' },
      because: { errorType: 'MalformedMessage', error: expect.stringMatching(/not JSON/) },
      next: kafkaMessage(aPaymentAuthorized(orderId)),
    });
    await oneRevenueEventOf(orderId);
  });

  it('dead-letters a message that breaks the contract and goes on with the next one on its partition', async () => {
    const broken = aPaymentAuthorized();

    const letter = await expectDeadLettered(finance, {
      topic: Topics.checkoutOrders,
      refused: { ...kafkaMessage({ ...broken, data: { ...broken.data, amount: { amount: 33.99, currency: 'EUR' } } }), key: broken.aggregateId },
      because: { errorType: 'ContractViolation', error: expect.stringMatching(/amount\.amount/), attempts: 1 },
      next: kafkaMessage(aPaymentAuthorized(broken.data.orderId)),
    });
    expect(letter.headers[EventHeaders.id]).toBe(broken.id);
    await oneRevenueEventOf(broken.data.orderId);
  });

  it("keeps the ledger append-only even for SQL written by hand: the service's role may not, and the owner's is stopped by the triggers", async () => {
    const { orderId } = await aPaidOrder();

    await expect(finance.query('UPDATE revenue_events SET amount = 1 WHERE order_id = $1', [orderId])).rejects.toThrow(/permission denied for table revenue_events/);
    await expect(finance.query('DELETE FROM ledger_lines')).rejects.toThrow(/permission denied for table ledger_lines/);
    const owner = new Client(finance.database.ownerUrl);
    await owner.connect();
    try {
      await expect(owner.query('UPDATE revenue_events SET amount = 1 WHERE order_id = $1', [orderId])).rejects.toThrow(/append-only/);
      await expect(owner.query('DELETE FROM ledger_lines')).rejects.toThrow(/append-only/);
    } finally {
      await owner.end();
    }
  });

  describe('GET /revenue-events', () => {
    it('answers an empty list for an order without entries', async () => {
      expect(await revenueEventsOf(randomUUID())).toEqual([]);
    });

    it.each([
      ['without an orderId', '/revenue-events'],
      ['with an orderId that is not a UUID', '/revenue-events?orderId=order-1'],
    ])('answers 400 invalid_request %s', async (_case, path) => {
      const answer = await finance.get(path);

      expect(answer.status).toBe(400);
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({ status: 400, code: 'invalid_request', errors: [expect.objectContaining({ path: 'orderId' })] });
    });

    it('is documented in the OpenAPI description', async () => {
      const document = await finance.get<{ paths: Record<string, unknown> }>('/docs/openapi.json');

      expect(document.body.paths['/revenue-events']).toMatchObject({
        get: { parameters: [expect.objectContaining({ name: 'orderId', in: 'query', required: true })] },
      });
    });
  });
});
