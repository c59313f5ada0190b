import { anOrder } from '@bazaar/checkout-domain/testing';
import { checkoutFakes } from '../testing/checkout-fakes';
import { givenScreened, stepOf } from '../testing/given';
import { ExpireOrderProcessesHandler } from './expire-order-processes.handler';

const timeout = 15 * 60_000;

async function twoOrdersWaitingForInventory() {
  const fakes = checkoutFakes();
  const waiting = await givenScreened(fakes, anOrder().withId('00000000-0000-4000-8000-0000000000a1'));
  const answered = await givenScreened(fakes, anOrder().withId('00000000-0000-4000-8000-0000000000a2'));
  await fakes.runner.tell(answered.id, { type: 'InventoryReserved' });
  return { fakes, waiting, answered, sweep: new ExpireOrderProcessesHandler(fakes.processes, fakes.runner, fakes.clock) };
}

describe('The deadline sweep', () => {
  it('before the deadline, expires nothing', async () => {
    const { fakes, sweep } = await twoOrdersWaitingForInventory();
    fakes.later(timeout - 1);

    expect(await sweep.execute({})).toEqual({ handled: [], failed: [] });
  });

  it('at the deadline, cancels the unanswered order as timed_out and voids its authorization; the answered one is left alone', async () => {
    const { fakes, waiting, answered, sweep } = await twoOrdersWaitingForInventory();
    fakes.later(timeout);

    expect(await sweep.execute({})).toEqual({ handled: [waiting.id], failed: [] });

    expect((await fakes.orders.byId(waiting.id))?.cancellationReason).toBe('timed_out');
    expect(fakes.gateway.isVoided('auth-1')).toBe(true);
    expect([await stepOf(fakes, waiting), await stepOf(fakes, answered)]).toEqual(['cancelled', 'confirmed']);
  });

  it('run again, finds nothing more to expire', async () => {
    const { fakes, sweep } = await twoOrdersWaitingForInventory();
    fakes.later(timeout);
    await sweep.execute({});

    expect(await sweep.execute({})).toEqual({ handled: [], failed: [] });
    expect(fakes.gateway.voidCalls).toBe(1);
  });

  it('a reservation arriving after the order timed out changes nothing', async () => {
    const { fakes, waiting, sweep } = await twoOrdersWaitingForInventory();
    fakes.later(timeout);
    await sweep.execute({});

    await fakes.runner.tell(waiting.id, { type: 'InventoryReserved' });

    expect((await fakes.orders.byId(waiting.id))?.status).toBe('cancelled');
  });
});
