import { Money } from '@bazaar/shared-kernel';
import { RevenueEvent } from '../revenue-event/revenue-event';

/** Test data for ledger entries: sensible defaults, override only what a test is about. */
export class DeferredRevenueBuilder {
  private props = {
    id: '3f2e1d0c-9b8a-4765-8432-10fedcba9876',
    orderId: '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f',
    amount: { amount: 3399, currency: 'EUR' } as Money,
    recordedAt: new Date('2026-11-21T09:30:00.140Z'),
  };

  withId(id: string): this {
    this.props = { ...this.props, id };
    return this;
  }

  forOrder(orderId: string): this {
    this.props = { ...this.props, orderId };
    return this;
  }

  of(amount: number, currency = 'EUR'): this {
    this.props = { ...this.props, amount: { amount, currency } };
    return this;
  }

  recordedAt(recordedAt: Date): this {
    this.props = { ...this.props, recordedAt };
    return this;
  }

  build(): RevenueEvent {
    return RevenueEvent.defer(this.props);
  }
}

export const aDeferredRevenue = () => new DeferredRevenueBuilder();
