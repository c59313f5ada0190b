export * from './config';
export * from './logger';
export * from './tokens';
export * from './platform.module';
export * from './bootstrap';
export * from './http/problem-details';
export * from './http/openapi';
export * from './http/api-problem';
