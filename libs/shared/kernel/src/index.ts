export * from './aggregate-root';
export * from './assert-never';
export * from './brand';
export * from './currency';
export * from './domain-error';
export * from './money';
export * from './ports';
