import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { loadConfig, serviceConfigSchema, startService } from '@bazaar/platform-service';
import { createTestDatabase, TestDatabase, testInfrastructure } from '@bazaar/platform-testing';
import { CheckoutModule } from '../checkout.module';
import { checkoutOpenApi, checkoutService } from '../checkout.service';

export interface HttpAnswer {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: Record<string, unknown>;
}

/** The real Checkout service on a random port, against a throw-away database and the local Kafka. */
export class CheckoutUnderTest {
  private constructor(
    private readonly app: NestFastifyApplication,
    private readonly database: TestDatabase,
    readonly sql: Client,
    readonly url: string,
  ) {}

  static async start(): Promise<CheckoutUnderTest> {
    const database = await createTestDatabase('checkout_test');
    const config = loadConfig(serviceConfigSchema({ name: 'checkout', port: 0 }), {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testInfrastructure.kafkaBrokers.join(','),
      LOG_LEVEL: 'silent',
      OUTBOX_POLL_INTERVAL_MS: '100',
    });
    let app: NestFastifyApplication | undefined;
    try {
      app = await startService({ definition: checkoutService, config, module: CheckoutModule, openApi: checkoutOpenApi });
      const sql = new Client({ connectionString: database.url });
      await sql.connect();
      return new CheckoutUnderTest(app, database, sql, await app.getUrl());
    } catch (error) {
      await app?.close().catch(() => undefined);
      await database.drop();
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.sql.end().catch(() => undefined);
    await this.app.close();
    await this.database.drop();
  }

  post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    return this.send(path, { method: 'POST', body: raw, headers: { 'content-type': 'application/json', ...headers } });
  }

  get(path: string): Promise<HttpAnswer> {
    return this.send(path, { method: 'GET' });
  }

  async count(sql: string, params: unknown[] = []): Promise<number> {
    const result = await this.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params);
    return result.rows[0]!.n;
  }

  private async send(path: string, init: RequestInit): Promise<HttpAnswer> {
    const response = await fetch(`${this.url}${path}`, init);
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type'), body: text ? JSON.parse(text) : {} };
  }
}
