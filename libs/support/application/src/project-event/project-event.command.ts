import { OrderFact } from '@bazaar/support-domain';

/** Project one fact, translated from a published event, into its order's view. */
export interface ProjectEvent {
  readonly fact: OrderFact;
}
