import { startTracing } from './tracing';

describe('startTracing', () => {
  it('refuses an OTLP protocol the service cannot send, naming the setting', () => {
    expect(() => startTracing({ serviceName: 'checkout', env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4317', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' } })).toThrow(
      /OTEL_EXPORTER_OTLP_PROTOCOL grpc/,
    );
  });
});
