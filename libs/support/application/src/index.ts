export * from './project-event/project-event.command';
export * from './project-event/project-event.handler';
export * from './get-case-order-view/get-case-order-view.query';
export * from './get-case-order-view/get-case-order-view.handler';
