export * from './eventually';
export * from './test-infrastructure';
