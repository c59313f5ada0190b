/** Injection tokens for platform values that have no class of their own. */
export const KAFKA = Symbol('Kafka');
export const SERVICE_CONFIG = Symbol('ServiceConfig');
export const SERVICE_LOGGER = Symbol('ServiceLogger');
export const SERVICE_METRICS = Symbol('ServiceMetrics');
export const SERVICE_DEFINITION = Symbol('ServiceDefinition');
