import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { StatementBatch, Transactions, WriteStatement } from '@bazaar/platform-database';
import { EventContract, EventEnvelope, eventHeaders, wireType } from '@bazaar/published-language';
import { causeOf, currentMessageContext, currentTraceparent } from '../message-context';

/** An integration event to publish, produced by a context's translation of its domain events. */
export interface OutgoingEvent<TData = unknown> {
  readonly contract: EventContract<TData>;
  readonly data: TData;
  /** The aggregate the event is about: the Kafka key, so its events stay in order. */
  readonly aggregateId: string;
  readonly occurredAt: Date;
}

/**
 * An event as its outbox row holds it: enveloped (id, correlation, causation and trace taken from
 * the message context it was written in) and checked against its contract, not yet inserted.
 */
export interface OutboxEntry {
  readonly eventId: string;
  readonly topic: string;
  readonly key: string;
  readonly type: string;
  readonly payload: string;
  readonly headers: string;
}

/**
 * Writes integration events into the `outbox` table inside the caller's transaction. Nothing is
 * sent here: the {@link OutboxRelay} publishes rows only after this transaction has committed, so
 * a rolled-back change never leaks an event and a committed one is never lost. Each event carries
 * the correlation id, causation id and trace of the work that wrote it (the message being handled,
 * or the one `runForMessages` names for it).
 */
export class Outbox {
  #committed: (() => void) | undefined;

  constructor(
    private readonly producer: string,
    /** Prepended to every contract's topic: isolates environments sharing one cluster (e.g. test runs). */
    private readonly topicPrefix = '',
    /** The service's unit of work, whose commits `whenCommitted` reports for `append` (`gather` is given it). */
    private readonly transactions?: Transactions,
  ) {}

  /**
   * `listener` runs each time a unit of work that wrote events here has committed (never for one
   * that rolled back): the relay of this process wakes on it (ADR 0011). Writes made outside a unit
   * of work report at once.
   */
  whenCommitted(listener: () => void): void {
    this.#committed = listener;
  }

  /** The rows gathered in a unit of work (`gather`), inserted with its closing statement. */
  readonly #gathered: StatementBatch<readonly OutboxEntry[]> = { statements: (entries) => [this.insertStatement(entries.flat())] };

  /**
   * The events' rows, made now (in the current message context), written with the unit of work's
   * closing statement (`Transactions`, `StatementBatch`): with every other row gathered in it, in
   * one INSERT, and in the one statement of the unit's other gathered writes.
   */
  gather(transactions: Transactions, events: readonly OutgoingEvent[]): Promise<void> {
    return this.gatherEntries(transactions, this.entriesOf(events));
  }

  /** Rows made by `entriesOf`, gathered as `gather` does. */
  async gatherEntries(transactions: Transactions, entries: readonly OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await transactions.gather(this.#gathered, entries);
    this.reportCommit(transactions);
  }

  /** The events, in the order given, in one statement: a batch's events from many messages go in one go. */
  async append(manager: EntityManager, events: readonly OutgoingEvent[]): Promise<void> {
    await this.appendEntries(manager, this.entriesOf(events));
  }

  /**
   * The rows `append` would write, made now, in the current message context (or the message
   * `runForMessages` names for each event): for a writer that
   * gathers the rows of many messages sharing one transaction and writes them in one go
   * (`appendEntries`, from a `Transactions.gather` batch), each with its own message's context.
   */
  entriesOf(events: readonly OutgoingEvent[]): OutboxEntry[] {
    return events.map((event) => this.toRow(event));
  }

  /** Inserts entries made by `entriesOf`, in the order given, in one statement. */
  async appendEntries(manager: EntityManager, rows: readonly OutboxEntry[]): Promise<void> {
    if (rows.length === 0) return;
    const { text, values } = this.insertStatement(rows);
    await manager.query(text, [...values]);
    this.reportCommit(this.transactions);
  }

  /** The statement `appendEntries` sends, for a unit of work's closing statement (`StatementBatch`). */
  insertStatement(rows: readonly OutboxEntry[]): WriteStatement {
    const values: unknown[] = [];
    const tuples = rows.map((row, i) => {
      values.push(row.eventId, row.topic, row.key, row.type, row.payload, row.headers);
      const p = i * 6;
      return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}::jsonb, $${p + 6}::jsonb)`;
    });
    return { text: `INSERT INTO outbox (event_id, topic, message_key, event_type, payload, headers) VALUES ${tuples.join(', ')}`, values };
  }

  /**
   * A tombstone for `aggregateId` on the contract's (compacted) topic: a message with that key, the
   * contract's type in its headers and no value, which makes compaction drop every earlier message
   * of the key. Its row has no payload (the context's outbox must allow a null payload).
   */
  async appendTombstone(manager: EntityManager, tombstone: Omit<OutgoingEvent, 'data'>): Promise<void> {
    const { eventId, topic, key, type, headers } = this.toRow({ ...tombstone, data: undefined }, false);
    await manager.query('INSERT INTO outbox (event_id, topic, message_key, event_type, payload, headers) VALUES ($1, $2, $3, $4, NULL, $5::jsonb)', [
      eventId,
      topic,
      key,
      type,
      headers,
    ]);
    this.reportCommit(this.transactions);
  }

  private reportCommit(transactions: Transactions | undefined): void {
    const listener = this.#committed;
    if (!listener) return;
    const unitOfWork = transactions ?? this.transactions;
    if (unitOfWork) unitOfWork.afterCommit(listener);
    else listener();
  }

  private toRow(event: OutgoingEvent, withData = true): OutboxEntry {
    const cause = causeOf(event);
    const context = cause ?? currentMessageContext();
    const id = randomUUID();
    // A producer bug must fail the transaction, not poison every consumer downstream.
    const data = withData ? event.contract.schema.parse(event.data) : null;
    const envelope: EventEnvelope = {
      id,
      type: event.contract.type,
      version: event.contract.version,
      occurredAt: event.occurredAt.toISOString(),
      producer: this.producer,
      aggregateId: event.aggregateId,
      correlationId: context?.correlationId ?? id,
      causationId: context?.causationId ?? null,
      // The span that wrote the event (the request's or the consumer's; for a batch written at its
      // transaction's end, the consumer span of the message that caused it): the relay continues it.
      traceparent: cause?.traceparent ?? currentTraceparent(context?.traceparent),
      tracestate: context?.tracestate ?? null,
      data,
    };
    return {
      eventId: id,
      topic: `${this.topicPrefix}${event.contract.topic}`,
      key: event.aggregateId,
      type: wireType(envelope.type, envelope.version),
      payload: JSON.stringify(envelope),
      headers: JSON.stringify(eventHeaders(envelope)),
    };
  }
}
