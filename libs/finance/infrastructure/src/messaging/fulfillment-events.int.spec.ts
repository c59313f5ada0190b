import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Message } from 'kafkajs';
import { deadLetterFacts, expectDeadLettered, ServiceUnderTest } from '@bazaar/platform-service/testing';
import { anEvent, eventually, kafkaMessage, TopicTap, withData, withKey } from '@bazaar/platform-testing';
import {
  EventEnvelope,
  EventHeaders,
  InvoiceIssuedV1,
  OrderCancelledV1,
  PaymentAuthorizedV1,
  RevenueRecognizedV1,
  ShipmentCreatedV1,
  ShipmentDispatchedV1,
  Topics,
} from '@bazaar/published-language';
import { financeService } from '../finance.service';
import { InvoiceResponse, invoicesResponse } from '../http/invoices.schemas';
import { trialBalanceResponse, TrialBalanceResponse } from '../http/ledger.schemas';
import { RevenueEventsResponse } from '../http/revenue-events.schemas';

jest.setTimeout(120_000);

type RevenueEventJson = RevenueEventsResponse['revenueEvents'][number];

describe('Finance, when Fulfillment dispatches an order’s shipment', () => {
  let finance: ServiceUnderTest;
  let ledgerEvents: TopicTap;
  let invoiceEvents: TopicTap;

  beforeAll(async () => {
    finance = await ServiceUnderTest.start(financeService);
    [ledgerEvents, invoiceEvents] = await Promise.all([finance.namespace.tap(Topics.financeLedgers), finance.namespace.tap(Topics.financeInvoices)]);
  });

  afterAll(async () => {
    await finance?.stop();
  });

  const eur = (amount: number) => ({ amount, currency: 'EUR' });
  const paymentOf = (orderId: string = randomUUID()) => anEvent(PaymentAuthorizedV1, { data: { orderId } });
  const dispatchOf = (orderId: string) => anEvent(ShipmentDispatchedV1, { data: { orderId } });
  const cancellationOf = (orderId: string) => anEvent(OrderCancelledV1, { data: { orderId, reason: 'buyer_cancelled', paymentWasAuthorized: true, authorizationVoided: true } });
  const topicOf = (event: EventEnvelope) => (event.type.startsWith('fulfillment.') ? Topics.fulfillmentShipments : Topics.checkoutOrders);
  const publish = (event: EventEnvelope, message: Message = kafkaMessage(event)) => finance.send(topicOf(event), message);

  const revenueEventsOf = async (orderId: string) => {
    const answer = await finance.get<RevenueEventsResponse>(`/revenue-events?orderId=${orderId}`);
    expect(answer.status).toBe(200);
    return answer.body.revenueEvents as RevenueEventJson[];
  };
  const invoicesOf = async (orderId: string) => {
    const answer = await finance.get<{ invoices: InvoiceResponse[] }>(`/invoices?orderId=${orderId}`);
    expect(answer.status).toBe(200);
    return invoicesResponse.parse(answer.body).invoices;
  };
  const entriesOf = (orderId: string, kinds: string[]) =>
    eventually(async () => {
      const entries = await revenueEventsOf(orderId);
      expect(entries.map((entry) => entry.kind)).toEqual(kinds);
      return entries;
    });
  const balance = async (): Promise<TrialBalanceResponse> => {
    const answer = await finance.get<TrialBalanceResponse>('/ledger/balance');
    expect(answer.status).toBe(200);
    return trialBalanceResponse.parse(answer.body);
  };
  /** Every year's invoice numbers, as stored: each must be 1..n. */
  const storedNumbers = async () => {
    const { rows } = await finance.query<{ year: number; sequences: number[] }>('SELECT year, array_agg(sequence ORDER BY sequence) AS sequences FROM invoices GROUP BY year');
    return rows;
  };
  /** Paid, then dispatched once the payment has been recorded: the dispatch is what recognizes it. */
  const aDispatchedOrder = async () => {
    const payment = paymentOf();
    const { orderId } = payment.data;
    const dispatch = dispatchOf(orderId);
    await publish(payment);
    await entriesOf(orderId, ['deferred']);
    await publish(dispatch);
    const [deferred, recognized] = await entriesOf(orderId, ['deferred', 'recognized']);
    return { orderId, payment, dispatch, deferred: deferred!, recognized: recognized! };
  };

  it('recognizes the deferred revenue in a balanced entry naming what it refers to, and publishes RevenueRecognized caused by the dispatch', async () => {
    const { orderId, dispatch, deferred, recognized } = await aDispatchedOrder();

    expect(recognized).toEqual({
      revenueEventId: expect.any(String),
      orderId,
      kind: 'recognized',
      amount: eur(3399),
      recordedAt: expect.any(String),
      recognizesRevenueEventId: deferred.revenueEventId,
      shipmentId: dispatch.data.shipmentId,
      lines: [
        { account: 'deferred_revenue', side: 'debit', amount: eur(3399) },
        { account: 'revenue', side: 'credit', amount: eur(3399) },
      ],
    });
    const [published, ...more] = await ledgerEvents.waitFor(
      (message) => message.headers[EventHeaders.type] === RevenueRecognizedV1.wireType && withData('orderId', orderId)(message),
    );
    expect(more).toEqual([]);
    const event = RevenueRecognizedV1.parse(published!.body);
    expect(event.data).toEqual({
      revenueEventId: recognized.revenueEventId,
      deferredRevenueEventId: deferred.revenueEventId,
      orderId,
      shipmentId: dispatch.data.shipmentId,
      amount: eur(3399),
      recordedAt: recognized.recordedAt,
    });
    expect(event).toMatchObject({ producer: 'finance', aggregateId: orderId, causationId: dispatch.id, correlationId: dispatch.correlationId });
    expect(published!.key).toBe(orderId);
  });

  it('invoices the buyer for the order’s lines at once, and publishes InvoiceIssued keyed by the invoice', async () => {
    const { orderId, payment, dispatch, recognized } = await aDispatchedOrder();

    const [invoice] = await eventually(async () => {
      const invoices = await invoicesOf(orderId);
      expect(invoices).toHaveLength(1);
      return invoices;
    });

    expect(invoice).toEqual({
      invoiceId: expect.any(String),
      invoiceNumber: expect.stringMatching(/^\d{4}-\d{6}$/),
      orderId,
      buyerId: payment.data.buyerId,
      lines: payment.data.lines,
      total: payment.data.total,
      issuedAt: recognized.recordedAt,
      payment: { state: 'authorized' },
    });
    expect((await finance.get(`/invoices/${invoice!.invoiceId}`)).body).toEqual(invoice);
    const [published] = await invoiceEvents.waitFor(withKey(invoice!.invoiceId));
    expect(InvoiceIssuedV1.parse(published!.body)).toMatchObject({
      aggregateId: invoice!.invoiceId,
      causationId: dispatch.id,
      data: { invoiceId: invoice!.invoiceId, invoiceNumber: invoice!.invoiceNumber, orderId, buyerId: payment.data.buyerId, lines: payment.data.lines, total: payment.data.total },
    });
  });

  it('keeps one deferred entry, one recognized entry and one invoice however often each event is delivered', async () => {
    const payment = paymentOf();
    const { orderId } = payment.data;
    const dispatch = dispatchOf(orderId);
    for (const event of [payment, dispatch, payment, dispatch, paymentOf(orderId), dispatch]) await publish(event);
    await finance.caughtUp(Topics.checkoutOrders);
    await finance.caughtUp(Topics.fulfillmentShipments);
    // Another dispatch event for the order once it is recognized (the two topics have no order between
    // them, so before that it could be the dispatch Finance remembers while the payment is on its way).
    await publish(dispatchOf(orderId));
    await finance.caughtUp(Topics.fulfillmentShipments);

    expect((await revenueEventsOf(orderId)).map((entry) => entry.kind)).toEqual(['deferred', 'recognized']);
    expect(await invoicesOf(orderId)).toHaveLength(1);
    expect(await finance.count(`outbox WHERE payload->'data'->>'orderId' = $1`, [orderId])).toBe(3);
    expect((await revenueEventsOf(orderId))[1]!.shipmentId).toBe(dispatch.data.shipmentId);
  });

  it('remembers a dispatch that arrives before the payment, and recognizes and invoices it when the payment arrives', async () => {
    const orderId = randomUUID();
    const dispatch = dispatchOf(orderId);

    await finance.consumedPast(await publish(dispatch));

    expect(await revenueEventsOf(orderId)).toEqual([]);
    expect(await invoicesOf(orderId)).toEqual([]);
    expect(finance.deadLetters.matching(withKey(dispatch.aggregateId))).toEqual([]);

    await publish(paymentOf(orderId));

    const [deferred, recognized] = await entriesOf(orderId, ['deferred', 'recognized']);
    expect(recognized).toMatchObject({ recognizesRevenueEventId: deferred!.revenueEventId, shipmentId: dispatch.data.shipmentId, recordedAt: deferred!.recordedAt });
    expect(await invoicesOf(orderId)).toEqual([expect.objectContaining({ orderId, issuedAt: recognized!.recordedAt })]);
  });

  it('skips other shipment news: a created shipment is not revenue', async () => {
    const payment = paymentOf();
    await publish(payment);
    await entriesOf(payment.data.orderId, ['deferred']);
    const created = anEvent(ShipmentCreatedV1, { data: { orderId: payment.data.orderId } });

    await finance.consumedPast(await publish(created));

    expect((await revenueEventsOf(payment.data.orderId)).map((entry) => entry.kind)).toEqual(['deferred']);
    expect(await finance.count('inbox WHERE event_id = $1', [created.id])).toBe(0);
  });

  describe('an order cancelled before dispatch', () => {
    it('has its deferred entry and its reversal, and no invoice', async () => {
      const payment = paymentOf();
      const { orderId } = payment.data;
      await publish(payment);
      await publish(cancellationOf(orderId));

      await entriesOf(orderId, ['deferred', 'reversal']);
      await finance.caughtUp(Topics.checkoutOrders);
      expect(await invoicesOf(orderId)).toEqual([]);
    });

    it('dead-letters a dispatch that comes after all (RevenueAlreadyReversed), records nothing, and goes on with the next dispatch', async () => {
      const payment = paymentOf();
      const { orderId } = payment.data;
      await publish(payment);
      await publish(cancellationOf(orderId));
      await entriesOf(orderId, ['deferred', 'reversal']);
      const next = paymentOf();
      await publish(next);
      const refused = dispatchOf(orderId);

      await expectDeadLettered(finance, {
        topic: Topics.fulfillmentShipments,
        refused: { ...kafkaMessage(refused), key: refused.aggregateId },
        because: { errorType: 'RevenueAlreadyReversed', error: expect.stringContaining(orderId), attempts: 1 },
        next: { ...kafkaMessage(dispatchOf(next.data.orderId)), key: refused.aggregateId },
      });

      await entriesOf(next.data.orderId, ['deferred', 'recognized']);
      expect((await revenueEventsOf(orderId)).map((entry) => entry.kind)).toEqual(['deferred', 'reversal']);
      expect(await invoicesOf(orderId)).toEqual([]);
    });
  });

  it('dead-letters a cancellation after the revenue was recognized (RevenueAlreadyRecognized), reversing nothing, and goes on', async () => {
    const { orderId } = await aDispatchedOrder();
    const next = paymentOf();

    await expectDeadLettered(finance, {
      topic: Topics.checkoutOrders,
      refused: { ...kafkaMessage(cancellationOf(orderId)), key: orderId },
      because: { errorType: 'RevenueAlreadyRecognized', error: expect.stringContaining(orderId), attempts: 1 },
      next: { ...kafkaMessage(next), key: orderId },
    });

    await entriesOf(next.data.orderId, ['deferred']);
    expect((await revenueEventsOf(orderId)).map((entry) => entry.kind)).toEqual(['deferred', 'recognized']);
    expect(await invoicesOf(orderId)).toHaveLength(1);
  });

  it('dead-letters only the refused message of a run that shared a transaction, and takes the others in it once', async () => {
    const { orderId } = await aDispatchedOrder();
    const [before, after] = [paymentOf(), paymentOf()];
    const refused = cancellationOf(orderId);
    // One produce request, one key: the three are appended together on one partition, so fetched
    // together and handled in one shared transaction, which the refusal fails as it commits. The
    // transport then handles them one at a time: the refused one alone fails, at its first attempt.
    const key = randomUUID();
    const sent = await finance.send(Topics.checkoutOrders, ...[before, refused, after].map((event) => ({ ...kafkaMessage(event), key })));

    const [letter, ...more] = await finance.deadLetters.waitFor((parked) => parked.key === key);
    expect(more).toEqual([]);
    expect(letter!.value).toBe(kafkaMessage(refused).value?.toString());
    expect(deadLetterFacts(letter!)).toMatchObject({
      errorType: 'RevenueAlreadyRecognized',
      attempts: 1,
      sourcePartition: sent.partition,
      sourceOffset: (BigInt(sent.baseOffset ?? -1) + 1n).toString(),
    });
    await entriesOf(before.data.orderId, ['deferred']);
    await entriesOf(after.data.orderId, ['deferred']);
    await finance.caughtUp(Topics.checkoutOrders);
    expect((await revenueEventsOf(orderId)).map((entry) => entry.kind)).toEqual(['deferred', 'recognized']);
    expect(await invoicesOf(orderId)).toHaveLength(1);
    expect(await finance.count('inbox WHERE event_id = ANY($1)', [[before.id, refused.id, after.id]])).toBe(2);
    for (const { data } of [before, after]) expect(await finance.count(`outbox WHERE payload->'data'->>'orderId' = $1`, [data.orderId])).toBe(1);
  });

  it('keeps its books balanced through a run of paid, dispatched and cancelled orders whose events arrive in random order, repeats included', async () => {
    type Fate = 'paid' | 'dispatched' | 'cancelled';
    const fates: Fate[] = Array.from({ length: 30 }, (_, i) => (['paid', 'dispatched', 'cancelled'] as const)[i % 3]!);
    const orders = fates.map((fate) => ({ fate, payment: paymentOf() }));
    // One stream per topic and order: Checkout's events of an order stay in order (one key, one
    // partition); its dispatch travels on another topic, so it may arrive before its payment.
    const streams = orders.flatMap(({ fate, payment }): EventEnvelope[][] => {
      const { orderId } = payment.data;
      if (fate === 'dispatched') return [[payment], [dispatchOf(orderId)]];
      if (fate === 'cancelled') return [[payment, cancellationOf(orderId)]];
      return [[payment]];
    });
    const arrivals = interleaved(streams, 20261122);
    const before = await balance();

    for (const [i, event] of arrivals.entries()) {
      await publish(event);
      if (i % 4 === 0) await publish(event);
    }
    await finance.caughtUp(Topics.checkoutOrders);
    await finance.caughtUp(Topics.fulfillmentShipments);

    const after = await balance();
    const delta = (account: string) => {
      const sides = (b: TrialBalanceResponse) => b.accounts.find((a) => a.account === account && a.currency === 'EUR') ?? { debits: 0, credits: 0 };
      return { debits: sides(after).debits - sides(before).debits, credits: sides(after).credits - sides(before).credits };
    };
    expect(after.totals).toEqual([{ currency: 'EUR', debits: expect.any(Number), credits: expect.any(Number), balanced: true }]);
    expect(after.totals[0]!.debits).toBe(after.totals[0]!.credits);
    expect(delta('accounts_receivable')).toEqual({ debits: 30 * 3399, credits: 10 * 3399 });
    expect(delta('deferred_revenue')).toEqual({ debits: 20 * 3399, credits: 30 * 3399 });
    expect(delta('revenue')).toEqual({ debits: 0, credits: 10 * 3399 });
    for (const { fate, payment } of orders) {
      const kinds = (await revenueEventsOf(payment.data.orderId)).map((entry) => entry.kind);
      const invoices = await invoicesOf(payment.data.orderId);
      expect({ fate, kinds, invoices: invoices.length }).toEqual({
        fate,
        kinds: { paid: ['deferred'], dispatched: ['deferred', 'recognized'], cancelled: ['deferred', 'reversal'] }[fate],
        invoices: fate === 'dispatched' ? 1 : 0,
      });
    }
    for (const { sequences } of await storedNumbers()) expect(sequences).toEqual(sequences.map((_, i) => i + 1));
    expect(finance.deadLetters.matching((letter) => orders.some(({ payment }) => letter.value?.includes(payment.data.orderId)))).toEqual([]);
  });

  describe('its routes', () => {
    it('answers an empty list of invoices for an order without any', async () => {
      expect(await invoicesOf(randomUUID())).toEqual([]);
    });

    it('answers 404 invoice_not_found as problem+json for an unknown invoice', async () => {
      const answer = await finance.get(`/invoices/${randomUUID()}`);

      expect(answer.status).toBe(404);
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({ status: 404, code: 'invoice_not_found' });
    });

    it.each([
      ['invoices without an orderId', '/invoices', 'orderId'],
      ['invoices with an orderId that is not a UUID', '/invoices?orderId=order-1', 'orderId'],
      ['an invoice id that is not a UUID', '/invoices/2026-000001', ''],
    ])('answers 400 invalid_request for %s', async (_case, path, field) => {
      const answer = await finance.get(path);

      expect(answer.status).toBe(400);
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({ status: 400, code: 'invalid_request' });
      if (field) expect(answer.body).toMatchObject({ errors: [expect.objectContaining({ path: field })] });
    });

    it('are documented in the OpenAPI description', async () => {
      const { body } = await finance.get<{ paths: Record<string, unknown> }>('/docs/openapi.json');

      expect(body.paths['/invoices']).toMatchObject({ get: { parameters: [expect.objectContaining({ name: 'orderId', in: 'query', required: true })] } });
      expect(body.paths['/invoices/{invoiceId}']).toMatchObject({ get: { responses: { 200: expect.anything(), 404: expect.anything() } } });
      expect(body.paths['/ledger/balance']).toMatchObject({ get: { responses: { 200: expect.anything() } } });
    });
  });
});

/** The streams' items in one random order fixed by `seed`, each stream's own order kept. */
function interleaved<T>(streams: readonly (readonly T[])[], seed: number): T[] {
  const pending = streams.map((stream) => [...stream]);
  const total = pending.reduce((sum, stream) => sum + stream.length, 0);
  const [picks] = fc.sample(fc.array(fc.nat(), { minLength: total, maxLength: total }), { seed, numRuns: 1 });
  return (picks ?? []).map((pick) => {
    const open = pending.filter((stream) => stream.length > 0);
    return open[pick % open.length]!.shift()!;
  });
}
