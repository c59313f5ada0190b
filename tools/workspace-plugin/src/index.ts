export { boundedContextGenerator } from './generators/bounded-context/generator';
export { integrationEventGenerator } from './generators/integration-event/generator';
