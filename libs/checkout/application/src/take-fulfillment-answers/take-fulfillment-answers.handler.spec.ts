import fc from 'fast-check';
import { Order, orderId } from '@bazaar/checkout-domain';
import { anOrder } from '@bazaar/checkout-domain/testing';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { CancelOrderHandler } from '../cancel-order/cancel-order.handler';
import { checkoutFakes, CheckoutFakes } from '../testing/checkout-fakes';
import { givenScreened, savedEventTypes, statusOf, stepOf } from '../testing/given';
import { FulfillmentAnswer, TakeFulfillmentAnswers } from './take-fulfillment-answers.command';
import { TakeFulfillmentAnswersHandler } from './take-fulfillment-answers.handler';

/**
 * A consumer's transaction: the answers taken in one unit of work, what is due after its commit run
 * once it has committed (never when it rolls back), and awaited.
 */
async function inOneTransaction(fakes: CheckoutFakes, answers: TakeFulfillmentAnswers, seenInside: () => Promise<void> = async () => undefined): Promise<void> {
  const afterCommit: (() => void)[] = [];
  await fakes.unitOfWork.run(async () => {
    await new TakeFulfillmentAnswersHandler(fakes.runner).execute(answers, (work) => afterCommit.push(work));
    await seenInside();
  });
  afterCommit.forEach((work) => work());
  await fakes.runner.settled();
}

const fresh = (...answers: FulfillmentAnswer[]): TakeFulfillmentAnswers => ({ fresh: answers, redelivered: [] });
const reserved = (order: Order): FulfillmentAnswer => ({ orderId: order.id, answer: 'InventoryReserved' });
const failed = (order: Order): FulfillmentAnswer => ({ orderId: order.id, answer: 'InventoryReservationFailed' });
const dispatched = (order: Order): FulfillmentAnswer => ({ orderId: order.id, answer: 'ShipmentDispatched' });

const orderIds = ['5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e71', '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e72', '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e73'];
/** Orders waiting for inventory, each its buyer's first, with its own authorization (auth-1, auth-2, …). */
const givenWaiting = async (fakes: CheckoutFakes, count = 3): Promise<Order[]> => {
  const orders: Order[] = [];
  for (const [i, id] of orderIds.slice(0, count).entries()) orders.push(await givenScreened(fakes, anOrder().withId(id).forBuyer(`buyer-${i}`)));
  return orders;
};

describe('Fulfillment’s answers, taken together in a consumer’s transaction', () => {
  it('confirms, cancels and completes orders in the transaction, and voids a cancelled one’s authorization only once it has committed', async () => {
    const fakes = checkoutFakes();
    const [a, b, c] = (await givenWaiting(fakes)) as [Order, Order, Order];
    const inside: unknown[] = [];

    await inOneTransaction(fakes, fresh(reserved(a), failed(b), dispatched(c)), async () => {
      inside.push(await statusOf(fakes, a), await statusOf(fakes, b), await statusOf(fakes, c), fakes.gateway.voidCalls);
    });

    expect(inside).toEqual(['confirmed', 'cancelled', 'completed', 0]);
    expect(fakes.gateway.isVoided('auth-2')).toBe(true);
    expect([await stepOf(fakes, a), await stepOf(fakes, b), await stepOf(fakes, c)]).toEqual(['confirmed', 'cancelled', 'completed']);
  });

  it('takes several answers about one order in arrival order: a reservation then a dispatch confirm and then complete it', async () => {
    const fakes = checkoutFakes();
    const [order] = (await givenWaiting(fakes, 1)) as [Order];

    await inOneTransaction(fakes, fresh(reserved(order), dispatched(order), reserved(order)));

    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'PaymentAuthorized', 'OrderConfirmed', 'OrderCompleted']);
    expect(await stepOf(fakes, order)).toBe('completed');
  });

  it('a redelivery decides nothing, and still carries out, after the commit, what an earlier delivery decided', async () => {
    const fakes = checkoutFakes();
    const [order] = (await givenWaiting(fakes, 1)) as [Order];
    await fakes.runner.advance(order.id, { type: 'InventoryReserved' });

    await inOneTransaction(fakes, { fresh: [], redelivered: [order.id] }, async () => {
      expect(await statusOf(fakes, order)).toBe('payment_authorized');
    });

    expect(await statusOf(fakes, order)).toBe('confirmed');
    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'PaymentAuthorized', 'OrderConfirmed']);
  });

  it('refuses the whole transaction when one answer is refused: nothing of it is written, nothing carried out', async () => {
    const fakes = checkoutFakes();
    const [a, b] = (await givenWaiting(fakes, 2)) as [Order, Order];

    await expect(inOneTransaction(fakes, fresh(reserved(a), failed(b), dispatched(b)))).rejects.toMatchObject({ code: 'dispatched_after_cancellation' });

    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'PaymentAuthorized', 'OrderPlaced', 'PaymentAuthorized']);
    expect([await stepOf(fakes, a), await stepOf(fakes, b)]).toEqual(['awaiting_inventory', 'awaiting_inventory']);
    expect(fakes.gateway.voidCalls).toBe(0);
  });

  it('a process read before a buyer’s cancellation committed is a conflict for the transport to retry, not a refusal to park', async () => {
    const fakes = checkoutFakes();
    const [order] = (await givenWaiting(fakes, 1)) as [Order];
    const stale = (await fakes.processes.byId(order.id))!;
    await new CancelOrderHandler(fakes.orders, fakes.runner).execute({ orderId: order.id });
    // The read the batch makes, as it was before the cancellation committed.
    jest.spyOn(fakes.processes, 'byIds').mockResolvedValueOnce([stale]);

    await expect(inOneTransaction(fakes, fresh(failed(order)))).rejects.toBeInstanceOf(ConcurrencyConflict);

    expect(await statusOf(fakes, order)).toBe('cancelled');
    expect((await fakes.orders.byId(order.id))?.cancellationReason).toBe('buyer_cancelled');
  });

  it('ends every transaction of answers, redeliveries among them, exactly as one message per transaction would — or, when one of those is refused, refuses it whole and writes nothing', async () => {
    const kinds: FulfillmentAnswer['answer'][] = ['InventoryReserved', 'InventoryReservationFailed', 'ShipmentDispatched'];
    /** Eight messages (an answer about one of three orders); a delivery names one, so a message delivered twice is a redelivery. */
    const messages = fc.array(fc.tuple(fc.constantFrom(...kinds), fc.integer({ min: 0, max: 2 })), { minLength: 8, maxLength: 8 });
    const ids = fc.integer({ min: 0, max: 7 });
    const before = fc.array(ids, { maxLength: 3 });
    const deliveries = fc.array(ids, { minLength: 1, maxLength: 12 });

    /**
     * What each order ended as and published, in order — versions aside (a transaction saves an
     * aggregate once, one message at a time once per message), and the order of events of different
     * orders (a transaction publishes each order's together; they go out keyed by order).
     */
    const outcome = async (fakes: CheckoutFakes) => ({
      orders: await Promise.all(
        orderIds.map(async (id) => ({
          order: (await fakes.orders.byId(orderId(id)))?.toState(),
          process: (await fakes.processes.byId(orderId(id)))?.toState(),
          events: fakes.orders.savedEvents.filter((event) => event.orderId === id),
        })),
      ),
      voided: fakes.gateway.authorizationIds().filter((id) => fakes.gateway.isVoided(id)),
      voidCalls: fakes.gateway.voidCalls,
    });

    await fc.assert(
      fc.asyncProperty(messages, before, deliveries, async (contents, earlier, delivered) => {
        const answerOf = (id: number): FulfillmentAnswer => {
          const [answer, order] = contents[id]!;
          return { orderId: orderIds[order]!, answer };
        };
        const [batched, apart] = [checkoutFakes(), checkoutFakes()];
        /** The messages each inbox has marked, as the consumer's inbox would. */
        const [batchedInbox, apartInbox] = [new Set<number>(), new Set<number>()];
        /** One message per transaction, sorted by `inbox` as the consumer's inbox sorts it; false when refused. */
        const alone = async (fakes: CheckoutFakes, inbox: Set<number>, id: number): Promise<boolean> => {
          const answer = answerOf(id);
          try {
            await inOneTransaction(fakes, inbox.has(id) ? { fresh: [], redelivered: [answer.orderId] } : fresh(answer));
            inbox.add(id);
            return true;
          } catch {
            return false;
          }
        };
        for (const [fakes, inbox] of [
          [batched, batchedInbox],
          [apart, apartInbox],
        ] as const) {
          await givenWaiting(fakes);
          for (const id of earlier) await alone(fakes, inbox, id);
        }
        const untouched = await outcome(batched);

        let refused = false;
        for (const id of delivered) if (!(await alone(apart, apartInbox, id))) refused = true;

        // The inbox's mark in one go: a message marked before, or earlier in this run, is a redelivery.
        const marked = new Set(batchedInbox);
        const together = { fresh: [] as FulfillmentAnswer[], redelivered: [] as string[] };
        for (const id of delivered) {
          if (marked.has(id)) together.redelivered.push(answerOf(id).orderId);
          else together.fresh.push(answerOf(id));
          marked.add(id);
        }

        if (refused) {
          await expect(inOneTransaction(batched, together)).rejects.toHaveProperty('code');
          expect(await outcome(batched)).toEqual(untouched);
        } else {
          await inOneTransaction(batched, together);
          expect(await outcome(batched)).toEqual(await outcome(apart));
        }
      }),
      { numRuns: 300 },
    );
  });
});
