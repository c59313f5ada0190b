import { randomUUID } from 'node:crypto';
import { Message } from 'kafkajs';
import { expectDeadLettered, ServiceUnderTest } from '@bazaar/platform-service/testing';
import { anEvent, eventually, kafkaMessage, TopicTap, withData } from '@bazaar/platform-testing';
import { CartCheckedOutV1, EventHeaders, RevenueDeferredV1, Topics } from '@bazaar/published-language';
import { financeService } from '../finance.service';

interface RevenueEventJson {
  revenueEventId: string;
  orderId: string;
  kind: string;
  amount: { amount: number; currency: string };
  recordedAt: string;
  lines: { account: string; side: string; amount: { amount: number; currency: string } }[];
}

describe('Finance, when Checkout publishes checked-out carts', () => {
  let finance: ServiceUnderTest;
  let ledgerEvents: TopicTap;

  beforeAll(async () => {
    finance = await ServiceUnderTest.start(financeService);
    ledgerEvents = await finance.namespace.tap(Topics.financeLedgers);
  });

  afterAll(async () => {
    await finance?.stop();
  });

  const aCartCheckedOut = (orderId: string = randomUUID()) => anEvent(CartCheckedOutV1, { data: { orderId } });
  const publish = (message: Message) => finance.send(Topics.checkoutOrders, message);
  const revenueEventsOf = async (orderId: string) => {
    const answer = await finance.get<{ revenueEvents: RevenueEventJson[] }>(`/revenue-events?orderId=${orderId}`);
    expect(answer.status).toBe(200);
    return answer.body.revenueEvents;
  };
  const oneRevenueEventOf = (orderId: string) =>
    eventually(async () => {
      const entries = await revenueEventsOf(orderId);
      expect(entries).toHaveLength(1);
      return entries[0]!;
    });
  const outboxRowsFor = (orderId: string) => finance.count(`outbox WHERE payload->'data'->>'orderId' = $1`, [orderId]);

  it('defers the order total in a balanced entry and publishes RevenueDeferred, caused by the checkout event', async () => {
    const eur3399 = { amount: 3399, currency: 'EUR' };
    const checkedOut = anEvent(CartCheckedOutV1, { data: { total: eur3399 } });
    await publish(kafkaMessage(checkedOut));

    const entry = await oneRevenueEventOf(checkedOut.data.orderId);
    expect(entry).toEqual({
      revenueEventId: expect.any(String),
      orderId: checkedOut.data.orderId,
      kind: 'deferred',
      amount: eur3399,
      recordedAt: expect.any(String),
      lines: [
        { account: 'accounts_receivable', side: 'debit', amount: eur3399 },
        { account: 'deferred_revenue', side: 'credit', amount: eur3399 },
      ],
    });

    const published = await ledgerEvents.waitFor(withData('orderId', checkedOut.data.orderId));
    expect(published).toHaveLength(1);
    const event = RevenueDeferredV1.parse(published[0]!.body);
    expect(event.data).toEqual({ revenueEventId: entry.revenueEventId, orderId: entry.orderId, amount: eur3399, recordedAt: entry.recordedAt });
    expect(event).toMatchObject({
      producer: 'finance',
      aggregateId: checkedOut.data.orderId,
      causationId: checkedOut.id,
      correlationId: checkedOut.correlationId,
    });
    expect(published[0]!.key).toBe(checkedOut.data.orderId);
    expect(published[0]!.headers[EventHeaders.type]).toBe(RevenueDeferredV1.wireType);
  });

  it('changes nothing when the same message is delivered again', async () => {
    const checkedOut = aCartCheckedOut();
    const message = kafkaMessage(checkedOut);
    await publish(message);
    const entry = await oneRevenueEventOf(checkedOut.data.orderId);

    await finance.consumedPast(await publish(message));

    expect(await revenueEventsOf(checkedOut.data.orderId)).toEqual([entry]);
    expect(await outboxRowsFor(checkedOut.data.orderId)).toBe(1);
    expect(await finance.count('inbox WHERE event_id = $1', [checkedOut.id])).toBe(1);
  });

  it('defers no second entry for another checkout event about the same order', async () => {
    const first = aCartCheckedOut();
    await publish(kafkaMessage(first));
    const entry = await oneRevenueEventOf(first.data.orderId);

    await finance.consumedPast(await publish(kafkaMessage(aCartCheckedOut(first.data.orderId))));

    expect(await revenueEventsOf(first.data.orderId)).toEqual([entry]);
    expect(await outboxRowsFor(first.data.orderId)).toBe(1);
  });

  it('dead-letters a message that is not JSON and goes on with the next one on its partition', async () => {
    const orderId = randomUUID();

    await expectDeadLettered(finance, {
      topic: Topics.checkoutOrders,
      refused: { key: orderId, value: 'this is {not JSON' },
      because: { errorType: 'MalformedMessage', error: expect.stringMatching(/not JSON/) },
      next: kafkaMessage(aCartCheckedOut(orderId)),
    });
    await oneRevenueEventOf(orderId);
  });

  it('dead-letters a message that breaks the contract and goes on with the next one on its partition', async () => {
    const broken = aCartCheckedOut();

    const letter = await expectDeadLettered(finance, {
      topic: Topics.checkoutOrders,
      refused: { ...kafkaMessage({ ...broken, data: { ...broken.data, total: { amount: 33.99, currency: 'EUR' } } }), key: broken.aggregateId },
      because: { errorType: 'ContractViolation', error: expect.stringMatching(/total\.amount/), attempts: 1 },
      next: kafkaMessage(aCartCheckedOut(broken.data.orderId)),
    });
    expect(letter.headers[EventHeaders.id]).toBe(broken.id);
    await oneRevenueEventOf(broken.data.orderId);
  });

  it('keeps the ledger append-only even for SQL written by hand', async () => {
    const checkedOut = aCartCheckedOut();
    await publish(kafkaMessage(checkedOut));
    await oneRevenueEventOf(checkedOut.data.orderId);

    await expect(finance.query('UPDATE revenue_events SET amount = 1 WHERE order_id = $1', [checkedOut.data.orderId])).rejects.toThrow(/append-only/);
    await expect(finance.query('DELETE FROM ledger_lines')).rejects.toThrow(/append-only/);
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
