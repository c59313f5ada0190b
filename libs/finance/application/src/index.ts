export * from './record-deferred-revenue/record-deferred-revenue.command';
export * from './record-deferred-revenue/record-deferred-revenue.handler';
export * from './list-revenue-events-for-order/list-revenue-events-for-order.query';
export * from './list-revenue-events-for-order/list-revenue-events-for-order.handler';
export * from './reverse-revenue/reverse-revenue.command';
export * from './reverse-revenue/reverse-revenue.handler';
