import { Body, Controller, Inject, Module, Post } from '@nestjs/common';
import { Writable } from 'node:stream';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { Topics } from '@bazaar/published-language';
import { ServiceConfig } from './config';
import { JsonLogger } from './logger';
import { request } from './testing/http';
import { ServiceUnderTest } from './testing/service-under-test';
import { SERVICE_LOGGER } from './tokens';
import { Public } from './access/access-rule';

const secrets = { paymentToken: 'tok_zq_secret', name: 'Ada Zqlovelace', line1: '12 Zq Square', bearer: 'eyJzq.secret.token' };

/** What a context's route does with a request: logs the command, and writes it (here, a statement that fails on a duplicate). */
// Open to anyone: what is tested here happens whoever calls.
@Public()
@Controller('probe')
class ProbeController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  @Post('orders')
  async place(@Body() body: { paymentToken: string; shippingAddress: { name: string; line1: string } }) {
    this.logger.log({ msg: 'placing', command: body });
    // Twice: the second violates the key, and PostgreSQL's detail quotes the value.
    for (let i = 0; i < 2; i++) await this.dataSource.query('INSERT INTO probe_orders (token, ship_name) VALUES ($1, $2)', [body.paymentToken, body.shippingAddress.name]);
    return {};
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

/** The probe's table, made by a migration like any context's (the runtime role may not create tables). */
class CreateProbeOrders1700000000000 implements MigrationInterface {
  name = 'CreateProbeOrders1700000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE probe_orders (token text PRIMARY KEY, ship_name text)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE probe_orders');
  }
}

describe('what never reaches the logs, through a real service', () => {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  // Borrows Support's name: its dead-letter topic is declared, so the namespace holds one.
  const probeService = (config: ServiceConfig) => ({
    definition: { name: 'support', migrations: [CreateProbeOrders1700000000000], consumes: [Topics.checkoutOrders] },
    config,
    module: ProbeModule,
    openApi: { title: 'probe', description: 'a service for platform specs' },
    logDestination: destination,
  });
  let service: ServiceUnderTest;

  beforeAll(async () => {
    service = await ServiceUnderTest.start(probeService, { env: { LOG_LEVEL: 'info' } });
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('logs the request, the command and the failed statement without the token, the address, the bearer or the SQL values', async () => {
    const answer = await request(service.instances[0]!, '/probe/orders', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secrets.bearer}` },
      body: JSON.stringify({ paymentToken: secrets.paymentToken, shippingAddress: { name: secrets.name, line1: secrets.line1 } }),
    });

    expect(answer.status).toBe(500);
    const log = lines.join('');
    expect(log).toContain('"msg":"placing"');
    expect(log).toContain('duplicate key value violates unique constraint');
    expect(log).toContain('"route":"/probe/orders"');
    for (const secret of Object.values(secrets)) expect(log).not.toContain(secret);
  });
});
