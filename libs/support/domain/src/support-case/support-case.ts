import { AggregateRoot, assertNever } from '@bazaar/shared-kernel';
import { CaseEntry } from './case-entry';
import { caseText } from './case-text';
import { SupportCaseIsOpen, SupportCaseIsResolved } from './support-case-errors';
import { SupportCaseEvent } from './support-case-events';

export type SupportCaseStatus = 'open' | 'resolved';

/** A case's state as persisted and reported; no behaviour. */
export interface SupportCaseSnapshot {
  readonly id: string;
  readonly orderId: string;
  readonly subject: string;
  readonly description: string;
  readonly status: SupportCaseStatus;
  readonly openedBy: string;
  readonly openedAt: Date;
  /** Everything after the opening, oldest first; only ever appended to. */
  readonly entries: readonly CaseEntry[];
}

export interface NewSupportCase {
  readonly id: string;
  readonly orderId: string;
  readonly subject: string;
  readonly description: string;
  /** Who opens it: the signed-in agent's id. */
  readonly actor: string;
  /** From the Clock: the model never reads the time itself. */
  readonly at: Date;
}

/**
 * An agent's case about one order: it belongs to that order for good. It is open or resolved; an
 * open case takes comments and a resolution; a resolved case is reopened, never edited. Every
 * action records who did it and when, as an entry of the case and in its event.
 */
export class SupportCase extends AggregateRoot<SupportCaseEvent> {
  private constructor(
    private state: SupportCaseSnapshot,
    version: number,
  ) {
    super(version);
  }

  static open(input: NewSupportCase): SupportCase {
    const subject = caseText('subject', input.subject);
    const description = caseText('description', input.description);
    const actor = caseText('actor', input.actor);
    const state: SupportCaseSnapshot = {
      id: input.id,
      orderId: input.orderId,
      subject,
      description,
      status: 'open',
      openedBy: actor,
      openedAt: input.at,
      entries: [],
    };
    const opened = new SupportCase(state, 0);
    opened.record({ type: 'CaseOpened', caseId: input.id, orderId: input.orderId, actor, occurredAt: input.at, subject, description });
    return opened;
  }

  /** Rebuilds a stored case; it records no event. */
  static restore(snapshot: SupportCaseSnapshot, version: number): SupportCase {
    return new SupportCase(snapshot, version);
  }

  comment(body: string, actor: string, at: Date): void {
    if (this.state.status === 'resolved') throw new SupportCaseIsResolved(this.id, 'comment');
    const text = caseText('comment', body);
    const by = caseText('actor', actor);
    this.append({ kind: 'comment', actor: by, at, text }, 'open');
    this.record({ type: 'CaseCommented', caseId: this.id, orderId: this.orderId, actor: by, occurredAt: at, body: text });
  }

  resolve(resolution: string, actor: string, at: Date): void {
    if (this.state.status === 'resolved') throw new SupportCaseIsResolved(this.id, 'resolve');
    const text = caseText('resolution', resolution);
    const by = caseText('actor', actor);
    this.append({ kind: 'resolution', actor: by, at, text }, 'resolved');
    this.record({ type: 'CaseResolved', caseId: this.id, orderId: this.orderId, actor: by, occurredAt: at, resolution: text });
  }

  reopen(actor: string, at: Date): void {
    const { status } = this.state;
    switch (status) {
      case 'open':
        throw new SupportCaseIsOpen(this.id);
      case 'resolved': {
        const by = caseText('actor', actor);
        this.append({ kind: 'reopening', actor: by, at, text: null }, 'open');
        this.record({ type: 'CaseReopened', caseId: this.id, orderId: this.orderId, actor: by, occurredAt: at });
        return;
      }
      default:
        return assertNever(status);
    }
  }

  get id(): string {
    return this.state.id;
  }

  get orderId(): string {
    return this.state.orderId;
  }

  get status(): SupportCaseStatus {
    return this.state.status;
  }

  get entries(): readonly CaseEntry[] {
    return this.state.entries;
  }

  snapshot(): SupportCaseSnapshot {
    return this.state;
  }

  private append(entry: CaseEntry, status: SupportCaseStatus): void {
    this.state = { ...this.state, status, entries: [...this.state.entries, entry] };
  }
}
