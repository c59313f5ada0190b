export * from './data-source';
export * from './transactions';
export * from './pg-errors';
export * from './preparing-client';
export * from './runtime-grants';
export * from './tls';
export * from './while-unavailable';
export * from './expect-rows.migration';
