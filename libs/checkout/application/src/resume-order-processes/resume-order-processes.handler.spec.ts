import { anOrder } from '@bazaar/checkout-domain/testing';
import { checkoutFakes } from '../testing/checkout-fakes';
import { givenPlaced, givenScreened, savedEventTypes, statusOf } from '../testing/given';
import { ResumeOrderProcessesHandler } from './resume-order-processes.handler';

const resume = (fakes: ReturnType<typeof checkoutFakes>) => new ResumeOrderProcessesHandler(fakes.processes, fakes.runner, fakes.clock);

describe('Resuming order processes (the process worker)', () => {
  it('retries a void that failed, once its backoff has passed', async () => {
    const fakes = checkoutFakes();
    const order = await givenScreened(fakes);
    fakes.gateway.unavailableFor(1);
    await fakes.runner.tell(order.id, { type: 'InventoryReservationFailed' });

    expect((await resume(fakes).execute({})).handled).toEqual([]);
    fakes.later(1_000);
    expect((await resume(fakes).execute({})).handled).toEqual([order.id]);

    expect(fakes.gateway.isVoided('auth-1')).toBe(true);
    expect((await fakes.processes.byId(order.id))?.step).toBe('cancelled');
  });

  it('after a restart between a decision and its commands, carries the commands out: nothing lost, nothing twice', async () => {
    const fakes = checkoutFakes();
    const order = await givenPlaced(fakes, anOrder().withId('00000000-0000-4000-8000-0000000000a1'));
    // Placed: the process decided to authorize, and then the service stopped before carrying it out.

    await resume(fakes).execute({});
    await resume(fakes).execute({});

    expect(await statusOf(fakes, order)).toBe('payment_authorized');
    expect(fakes.gateway.authorizeCalls).toBe(1);
    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'PaymentAuthorized']);
  });

  it('after a restart between the gateway’s answer and telling the process, asks again, gets the same authorization and records it once', async () => {
    const fakes = checkoutFakes();
    const order = await givenPlaced(fakes);
    // The gateway authorized; the service stopped before the process heard of it.
    await fakes.gateway.authorize({ orderId: order.id, amount: order.total, token: 'tok_ok' });

    await resume(fakes).execute({});

    expect(fakes.gateway.authorizationIds()).toEqual(['auth-1']);
    expect((await fakes.processes.byId(order.id))?.step).toBe('awaiting_inventory');
    expect((await fakes.orders.byId(order.id))?.authorizationId).toBe('auth-1');
    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'PaymentAuthorized']);
  });

  it('after a restart between the process hearing the authorization and the order recording it, records it once', async () => {
    const fakes = checkoutFakes();
    const order = await givenPlaced(fakes);
    await fakes.runner.advance(order.id, { type: 'PaymentAuthorized', authorizationId: 'auth-1' });

    await resume(fakes).execute({});
    await resume(fakes).execute({});

    expect(fakes.gateway.authorizeCalls).toBe(0);
    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'PaymentAuthorized']);
    expect((await fakes.processes.byId(order.id))?.pending).toEqual([]);
  });

  it('leaves a command that just became due to whoever decided it, and takes it once it has waited dueForMs', async () => {
    const fakes = checkoutFakes();
    const order = await givenPlaced(fakes);

    expect((await resume(fakes).execute({ dueForMs: 1_000 })).handled).toEqual([]);
    fakes.later(1_000);
    expect((await resume(fakes).execute({ dueForMs: 1_000 })).handled).toEqual([order.id]);
    expect(await statusOf(fakes, order)).toBe('payment_authorized');
  });
});
