import { SaleCommand, SaleCommandsHandler } from '@bazaar/finance-application';
import { Batch, Transactions } from '@bazaar/platform-database';
import { currentMessageContext, Inbox } from '@bazaar/platform-messaging';
import { EventEnvelope } from '@bazaar/published-language';

/** A message's command, gathered in the transaction its message shares with others. */
interface Gathered {
  readonly inbox: Inbox;
  readonly envelope: EventEnvelope;
  readonly command: SaleCommand;
}

/**
 * The commands of Finance's consumers (Checkout's and Fulfillment's), carried out together, set-
 * based, just before the transaction their messages share commits (`Transactions.gather`): the
 * events not taken before are found in one read of their inbox per consumer (their marks join the
 * closing statement), and their commands go, in the order they arrived, to the sale commands
 * handler, which reads every order's sale in one statement and writes the entries, the invoices
 * and their outbox rows in a few, however many messages there are. Each command carries the context its message was handled in, so the
 * events it causes carry that message's correlation, causation and trace.
 *
 * A refusal (a broken rule) throws from here, and so fails the whole shared transaction: the
 * transport then handles its runs alone, then one message at a time — a batch of one, where the
 * refused message alone fails and goes to the dead letters.
 */
export class SaleCommandBatch implements Batch<Gathered> {
  constructor(
    private readonly transactions: Transactions,
    private readonly saleCommands: SaleCommandsHandler,
  ) {}

  /** Called by a consumer's handler, in its message's context: the command, for the transaction's end. */
  gather(inbox: Inbox, envelope: EventEnvelope, command: SaleCommand): Promise<void> {
    return this.transactions.gather<Gathered>(this, { inbox, envelope, command: { ...command, cause: currentMessageContext() } });
  }

  async flush(gathered: readonly Gathered[]): Promise<void> {
    const fresh = new Set<EventEnvelope>();
    for (const inbox of new Set(gathered.map((item) => item.inbox))) {
      for (const envelope of await inbox.markNew(gathered.filter((item) => item.inbox === inbox).map((item) => item.envelope))) fresh.add(envelope);
    }
    await this.saleCommands.execute(gathered.filter((item) => fresh.has(item.envelope)).map((item) => item.command));
  }
}
