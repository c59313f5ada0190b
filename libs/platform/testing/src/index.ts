export * from './eventually';
export * from './test-infrastructure';
export * from './topic-namespace';
export * from './topic-tap';
export * from './consumer-groups';
export * from './recorded-events';
export * from './tcp-proxy';
export * from './test-issuer';
