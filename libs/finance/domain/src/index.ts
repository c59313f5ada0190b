export * from './revenue-event/revenue-event';
export * from './revenue-event/revenue-event-kind';
export * from './revenue-event/ledger-line';
export * from './revenue-event/ledger-events';
export * from './revenue-event/revenue-event-errors';
export * from './revenue-event/revenue-events';
