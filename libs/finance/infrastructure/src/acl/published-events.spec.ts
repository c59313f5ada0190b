import { RevenueDeferredV1, RevenueReversedV1 } from '@bazaar/published-language';
import { toPublishedEvents } from './published-events';

describe('Finance\'s published events', () => {
  it('publishes RevenueDeferred as finance.revenue-deferred.v1, keyed by the order (its ledger)', () => {
    const occurredAt = new Date('2026-11-21T09:30:00.140Z');
    const [published] = toPublishedEvents([
      {
        type: 'RevenueDeferred',
        revenueEventId: '3f2e1d0c-9b8a-4765-8432-10fedcba9876',
        orderId: '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f',
        amount: { amount: 3399, currency: 'EUR' },
        occurredAt,
      },
    ]);

    expect(published).toEqual({
      contract: RevenueDeferredV1,
      aggregateId: '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f',
      occurredAt,
      data: {
        revenueEventId: '3f2e1d0c-9b8a-4765-8432-10fedcba9876',
        orderId: '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f',
        amount: { amount: 3399, currency: 'EUR' },
        recordedAt: '2026-11-21T09:30:00.140Z',
      },
    });
    expect(() => RevenueDeferredV1.schema.parse(published!.data)).not.toThrow();
  });

  it('publishes RevenueReversed as finance.revenue-reversed.v1, keyed by the order (its ledger)', () => {
    const occurredAt = new Date('2026-11-21T09:31:00.090Z');
    const [published] = toPublishedEvents([
      {
        type: 'RevenueReversed',
        revenueEventId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
        reversedRevenueEventId: '3f2e1d0c-9b8a-4765-8432-10fedcba9876',
        orderId: '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f',
        amount: { amount: 3399, currency: 'EUR' },
        occurredAt,
      },
    ]);

    expect(published).toEqual({
      contract: RevenueReversedV1,
      aggregateId: '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f',
      occurredAt,
      data: {
        revenueEventId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
        reversedRevenueEventId: '3f2e1d0c-9b8a-4765-8432-10fedcba9876',
        orderId: '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f',
        amount: { amount: 3399, currency: 'EUR' },
        recordedAt: '2026-11-21T09:31:00.090Z',
      },
    });
    expect(() => RevenueReversedV1.schema.parse(published!.data)).not.toThrow();
  });
});
