import { orderId, PaymentGatewayUnavailable } from '@bazaar/checkout-domain';
import { money } from '@bazaar/shared-kernel';
import { isSandboxToken, SandboxPaymentGateway } from './sandbox-payment-gateway';

const request = (token: string, id = '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f') => ({ orderId: orderId(id), amount: money(3399, 'EUR'), token });
const sandbox = (options: Partial<ConstructorParameters<typeof SandboxPaymentGateway>[0]> = {}) => new SandboxPaymentGateway({ latencyMs: 0, failureRate: 0, ...options });

describe('The sandbox payment gateway', () => {
  it('authorizes tok_ok, with a reference of its own per order', async () => {
    expect(await sandbox().authorize(request('tok_ok'))).toEqual({ outcome: 'authorized', authorizationId: 'sbx_auth_5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f' });
  });

  it('declines tok_declined and refuses any other token as invalid_token', async () => {
    expect(await sandbox().authorize(request('tok_declined'))).toEqual({ outcome: 'declined', reason: 'declined' });
    expect(await sandbox().authorize(request('tok_4242'))).toEqual({ outcome: 'declined', reason: 'invalid_token' });
    expect([isSandboxToken('tok_ok'), isSandboxToken('tok_declined'), isSandboxToken('tok_4242')]).toEqual([true, true, false]);
  });

  it('answers the same authorization when asked again for an order, even by another instance (a restart)', async () => {
    const gateway = sandbox();
    const first = await gateway.authorize(request('tok_ok'));

    expect(await gateway.authorize(request('tok_ok'))).toEqual(first);
    expect(await sandbox().authorize(request('tok_ok'))).toEqual(first);
    expect([gateway.authorizeCalls, gateway.authorizedOrders()]).toEqual([2, ['5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f']]);
  });

  it('fails transiently at the configured rate, after deciding, so that a retry gets the same answer', async () => {
    const gateway = sandbox({ failureRate: 0.5, random: () => 0.4 });

    await expect(gateway.authorize(request('tok_ok'))).rejects.toBeInstanceOf(PaymentGatewayUnavailable);
    gateway.reconfigure({ failureRate: 0 });

    expect(await gateway.authorize(request('tok_ok'))).toMatchObject({ outcome: 'authorized' });
    expect(gateway.authorizedOrders()).toHaveLength(1);
  });

  it('never fails when the failure rate is 0', async () => {
    const gateway = sandbox({ random: () => 0 });
    await expect(gateway.authorize(request('tok_ok'))).resolves.toMatchObject({ outcome: 'authorized' });
    await expect(gateway.void('sbx_auth_x')).resolves.toBeUndefined();
  });

  it('voids its own authorizations, idempotently, and knows nothing of others', async () => {
    const gateway = sandbox();
    const answer = await gateway.authorize(request('tok_ok'));
    const id = answer.outcome === 'authorized' ? answer.authorizationId : '';

    await gateway.void(id);
    await gateway.void(id);

    expect(gateway.isVoided(id)).toBe(true);
    await expect(gateway.void('auth-from-elsewhere')).rejects.toThrow(/no authorization/);
  });

  it('takes the configured latency', async () => {
    const started = Date.now();
    await sandbox({ latencyMs: 50 }).authorize(request('tok_ok'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});
