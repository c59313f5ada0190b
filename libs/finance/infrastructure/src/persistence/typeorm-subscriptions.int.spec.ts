import { randomUUID } from 'node:crypto';
import { BillingAccount, PlanCatalogue, periodLength, Subscription } from '@bazaar/finance-domain';
import { Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { createMigratedTestDatabase, MigratedTestDatabase } from '@bazaar/platform-service/testing';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { LegacyBillingQueue } from '../acl/legacy-billing/legacy-billing-queue';
import { financeMigrations } from './migrations';
import { TypeOrmBillingAccounts } from './typeorm-billing-accounts';
import { TypeOrmSubscriptions } from './typeorm-subscriptions';

jest.setTimeout(30_000);

describe('TypeOrmSubscriptions (real PostgreSQL)', () => {
  let database: MigratedTestDatabase;
  let transactions: Transactions;
  let subscriptions: TypeOrmSubscriptions;
  let accounts: TypeOrmBillingAccounts;
  const plan = new PlanCatalogue([{ code: 'basic', price: { amount: 900, currency: 'EUR' } }]).plan('basic');
  const start = new Date('2026-12-01T00:00:00Z');
  const hour = 3600_000;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(financeMigrations);
    transactions = database.transactions;
    const queue = new LegacyBillingQueue();
    subscriptions = new TypeOrmSubscriptions(transactions, new Outbox('finance'), queue);
    accounts = new TypeOrmBillingAccounts(transactions, queue);
  });

  afterAll(async () => {
    await database?.drop();
  });

  const aSubscription = async () => {
    const sellerId = `seller-${randomUUID()}`;
    await accounts.add(BillingAccount.open({ id: randomUUID(), sellerId, paymentMethodRef: 'invoice', openedAt: start }));
    const subscription = Subscription.start({ id: randomUUID(), sellerId, plan, periodLength: periodLength(hour), now: start });
    await subscriptions.save(subscription);
    return subscription;
  };

  it('hands each due subscription to one transaction at a time: a second one skips what the first holds', async () => {
    const [first, second] = [await aSubscription(), await aSubscription()];
    const later = new Date(start.getTime() + 2 * hour);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let heldId: string | undefined;
    let tookHold: () => void = () => undefined;
    const holding = new Promise<void>((resolve) => (tookHold = resolve));

    const firstTransaction = transactions.run(async () => {
      heldId = (await subscriptions.nextDue(later))?.id;
      tookHold();
      await held;
    });
    await holding;
    const otherId = await transactions.run(async () => (await subscriptions.nextDue(later))?.id);
    release();
    await firstTransaction;

    expect([heldId, otherId].sort()).toEqual([first.id, second.id].sort());
  });

  it('saves a renewal version-checked: a stale copy is a ConcurrencyConflict', async () => {
    const created = await aSubscription();
    const now = new Date(start.getTime() + hour);
    const one = await subscriptions.get(created.id);
    const stale = await subscriptions.get(created.id);
    one.renew(now);
    await subscriptions.save(one);

    stale.renew(now);
    await expect(subscriptions.save(stale)).rejects.toBeInstanceOf(ConcurrencyConflict);
    expect((await subscriptions.get(created.id)).currentPeriod.start).toEqual(now);
  });

  it('writes the events to the outbox and the legacy requests to the ACL’s queue with the subscription', async () => {
    const created = await aSubscription();
    const outbox = await transactions.manager.query(`SELECT count(*)::int AS n FROM outbox WHERE payload->'data'->>'subscriptionId' = $1`, [created.id]);
    const queued = await transactions.manager.query(`SELECT depends_on IS NOT NULL AS waits_for_the_seller FROM legacy_billing_requests WHERE reference LIKE $1`, [
      `%${created.id.replace(/-/g, '')}`,
    ]);
    expect(outbox).toEqual([{ n: 1 }]);
    expect(queued).toEqual([{ waits_for_the_seller: true }]);
  });

  it('refuses a second billing account for a seller', async () => {
    const sellerId = `seller-${randomUUID()}`;
    await accounts.add(BillingAccount.open({ id: randomUUID(), sellerId, paymentMethodRef: 'invoice', openedAt: start }));
    await expect(accounts.add(BillingAccount.open({ id: randomUUID(), sellerId, paymentMethodRef: 'invoice', openedAt: start }))).rejects.toBeInstanceOf(ConcurrencyConflict);
  });
});
