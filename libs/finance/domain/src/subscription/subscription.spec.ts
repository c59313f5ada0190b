import { Subscription } from './subscription';
import { PlanCatalogue } from './plan';
import { periodLength } from './subscription-period';

const day = 24 * 3600_000;
const catalogue = new PlanCatalogue([
  { code: 'basic', price: { amount: 900, currency: 'EUR' } },
  { code: 'standard', price: { amount: 2900, currency: 'EUR' } },
]);
const start = new Date('2026-12-01T10:00:00Z');
const at = (days: number) => new Date(start.getTime() + days * day);
const aStartedSubscription = (plan = 'standard') =>
  Subscription.start({ id: 'sub-1', sellerId: 'seller-1', plan: catalogue.plan(plan), periodLength: periodLength(30 * day), now: start });

describe('Subscription', () => {
  it('starts active with a first period from now, at the plan’s price, and records SubscriptionStarted', () => {
    const subscription = aStartedSubscription();

    expect(subscription.snapshot()).toMatchObject({ status: 'active', plan: 'standard', price: { amount: 2900, currency: 'EUR' } });
    expect(subscription.currentPeriod).toEqual({ start, end: at(30) });
    expect(subscription.pendingEvents).toEqual([
      {
        type: 'SubscriptionStarted',
        subscriptionId: 'sub-1',
        sellerId: 'seller-1',
        plan: 'standard',
        price: { amount: 2900, currency: 'EUR' },
        period: { start, end: at(30) },
        occurredAt: start,
      },
    ]);
  });

  it('refuses a plan that is not on offer and a subscription with no seller', () => {
    expect(() => catalogue.plan('gold')).toThrow(expect.objectContaining({ code: 'plan_unknown' }));
    expect(() => Subscription.start({ id: 's', sellerId: ' ', plan: catalogue.plan('basic'), periodLength: periodLength(day), now: start })).toThrow(
      expect.objectContaining({ code: 'subscription_seller_missing' }),
    );
  });

  it('is due when its period has ended, and renews into the period that follows without a gap', () => {
    const subscription = aStartedSubscription();
    expect(subscription.isDue(at(29.9))).toBe(false);
    expect(subscription.isDue(at(30))).toBe(true);

    const next = subscription.renew(at(30.5));

    expect(next).toEqual({ start: at(30), end: at(60) });
    expect(subscription.pendingEvents[1]).toMatchObject({ type: 'SubscriptionRenewed', period: { start: at(30), end: at(60) }, occurredAt: at(30.5) });
  });

  it('renews one period at a time when it is several periods behind', () => {
    const subscription = aStartedSubscription();
    const now = at(95);

    const periods = [];
    while (subscription.isDue(now)) periods.push(subscription.renew(now));

    expect(periods.map((period) => period.start)).toEqual([at(30), at(60), at(90)]);
    expect(subscription.currentPeriod.end).toEqual(at(120));
  });

  it('refuses to renew before the period ends', () => {
    expect(() => aStartedSubscription().renew(at(10))).toThrow(expect.objectContaining({ code: 'subscription_not_due' }));
  });

  it('is never renewed once cancelled, and cannot be cancelled twice', () => {
    const subscription = aStartedSubscription();
    subscription.cancel(at(3));

    expect(subscription.snapshot()).toMatchObject({ status: 'cancelled', cancelledAt: at(3) });
    expect(subscription.pendingEvents[1]).toEqual({ type: 'SubscriptionCancelled', subscriptionId: 'sub-1', sellerId: 'seller-1', plan: 'standard', occurredAt: at(3) });
    expect(subscription.isDue(at(31))).toBe(false);
    expect(() => subscription.renew(at(31))).toThrow(expect.objectContaining({ code: 'subscription_already_cancelled' }));
    expect(() => subscription.cancel(at(4))).toThrow(expect.objectContaining({ code: 'subscription_already_cancelled' }));
  });

  it('refuses periods shorter than a second', () => {
    expect(() => periodLength(999)).toThrow(expect.objectContaining({ code: 'subscription_period_invalid' }));
  });
});

describe('PlanCatalogue', () => {
  it('refuses a catalogue with a free plan, a plan twice or a malformed code', () => {
    expect(() => new PlanCatalogue([{ code: 'free', price: { amount: 0, currency: 'EUR' } }])).toThrow('costs nothing');
    expect(
      () =>
        new PlanCatalogue([
          { code: 'a', price: { amount: 1, currency: 'EUR' } },
          { code: 'a', price: { amount: 2, currency: 'EUR' } },
        ]),
    ).toThrow('twice');
    expect(() => new PlanCatalogue([{ code: 'Gold Plan', price: { amount: 1, currency: 'EUR' } }])).toThrow('plan code');
  });
});
