// Imported first by main.ts: the tracing SDK must be registered before pg (and the rest) load.
import { startTracing } from '@bazaar/platform-service/tracing';

startTracing({ serviceName: 'checkout' });
