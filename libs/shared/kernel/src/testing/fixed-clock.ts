import { Clock } from '../ports';

/** A clock that says what the test tells it to. */
export class FixedClock extends Clock {
  constructor(private instant: Date = new Date('2026-11-21T09:30:00.000Z')) {
    super();
  }

  now(): Date {
    return this.instant;
  }

  set(instant: Date): void {
    this.instant = instant;
  }
}
