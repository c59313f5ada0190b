import { NewSupportCase, SupportCase } from '../support-case/support-case';

/** Test data for support cases: sensible defaults, override only what a test is about. */
export class SupportCaseBuilder {
  private props: NewSupportCase = {
    id: '0c5e1d2a-3b4c-4d5e-8f60-718293a4b5c6',
    orderId: '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f',
    subject: 'Parcel not arrived',
    description: 'The buyer says nothing arrived a week after dispatch.',
    actor: 'agent-ada',
    at: new Date('2026-11-23T10:00:00.000Z'),
  };
  private resolvedAs: string | null = null;

  withId(id: string): this {
    this.props = { ...this.props, id };
    return this;
  }

  forOrder(orderId: string): this {
    this.props = { ...this.props, orderId };
    return this;
  }

  /** Resolved by the same agent a minute after it was opened. */
  resolved(resolution = 'Carrier confirmed delivery to a neighbour.'): this {
    this.resolvedAs = resolution;
    return this;
  }

  /** A stored case: its events are already published, its version is 1. */
  build(): SupportCase {
    return SupportCase.restore(this.unsaved().snapshot(), 1);
  }

  /** A case not saved yet: version 0, its events (opened, and resolved when asked) pending. */
  unsaved(): SupportCase {
    const opened = SupportCase.open(this.props);
    if (this.resolvedAs !== null) opened.resolve(this.resolvedAs, this.props.actor, new Date(this.props.at.getTime() + 60_000));
    return opened;
  }
}

export const aSupportCase = () => new SupportCaseBuilder();
