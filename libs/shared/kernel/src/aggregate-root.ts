/**
 * The one base class of the model: an aggregate remembers the events its decisions produced until the
 * repository saves them together with its new state. `version` is the optimistic-concurrency token
 * the repository checks (`UPDATE … WHERE version = $n`).
 */
export abstract class AggregateRoot<TEvent> {
  #pending: TEvent[] = [];

  protected constructor(public readonly version: number) {}

  protected record(event: TEvent): void {
    this.#pending.push(event);
  }

  /** Events recorded since the aggregate was loaded; the repository writes them to the outbox. */
  get pendingEvents(): readonly TEvent[] {
    return this.#pending;
  }
}
