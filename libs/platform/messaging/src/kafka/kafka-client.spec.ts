import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKafka, kafkaTls } from './kafka-client';
import { RecordingLogger } from '../testing/fixtures';

describe('the Kafka client’s transport security', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kafka-ca-'));
    writeFileSync(join(dir, 'ca.crt'), '-----BEGIN CERTIFICATE-----\nnot checked here\n-----END CERTIFICATE-----\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('pins the CA, verifies the brokers and never negotiates below TLS 1.3', () => {
    expect(kafkaTls(join(dir, 'ca.crt'))).toEqual({
      ca: ['-----BEGIN CERTIFICATE-----\nnot checked here\n-----END CERTIFICATE-----\n'],
      rejectUnauthorized: true,
      minVersion: 'TLSv1.3',
    });
  });

  it('refuses SASL credentials without TLS', () => {
    const sasl = { mechanism: 'scram-sha-512' as const, username: 'checkout', password: 'from-a-secret' };
    expect(() => createKafka({ clientId: 'c', brokers: ['127.0.0.1:1'], logger: new RecordingLogger(), sasl })).toThrow(/SASL needs TLS/);
    expect(() => createKafka({ clientId: 'c', brokers: ['127.0.0.1:1'], logger: new RecordingLogger(), sasl, caFile: join(dir, 'ca.crt') })).not.toThrow();
  });
});
