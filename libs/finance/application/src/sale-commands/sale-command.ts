import { RecognizeRevenue } from '../recognize-revenue/recognize-revenue.command';
import { RecordDeferredRevenue } from '../record-deferred-revenue/record-deferred-revenue.command';
import { ReverseRevenue } from '../reverse-revenue/reverse-revenue.command';

/**
 * One of the commands that change a sale, tagged with its kind, so that a batch can carry the
 * three of them in the order they arrived.
 */
export type SaleCommand = Caused<
  ({ readonly kind: 'defer' } & RecordDeferredRevenue) | ({ readonly kind: 'recognize' } & RecognizeRevenue) | ({ readonly kind: 'reverse' } & ReverseRevenue)
>;

/**
 * What caused the command — opaque here: it reaches the adapters with every event the command
 * produces (the message it came from, whose ids the events carry on).
 */
export type Caused<C> = C & { readonly cause?: unknown };
