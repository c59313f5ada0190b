/** Time enters the model only through this port, so decisions stay pure and testable. */
export abstract class Clock {
  abstract now(): Date;
}

/** Identity enters the model only through this port (UUIDs in production, predictable ones in tests). */
export abstract class IdGenerator {
  abstract next(): string;
}
