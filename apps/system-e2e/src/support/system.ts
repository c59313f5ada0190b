import { ChildProcess, ChildProcessByStdio, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Kafka } from 'kafkajs';
import { createTestDatabase, testAudience, TestDatabase, TestIssuer, testKafka, TopicNamespace } from '@bazaar/platform-testing';
import { useOperatorToken } from './http';

export type ServiceName = 'checkout' | 'fulfillment' | 'finance' | 'support';
const services: readonly ServiceName[] = ['checkout', 'fulfillment', 'finance', 'support'];
const workspace = join(__dirname, '../../../..');

/** Environment variables to set on a service's processes, over the defaults the system gives them. */
export type ServiceEnv = Readonly<Record<string, string>>;

export interface SystemOptions {
  /** Per service, e.g. `{ checkout: { ORDER_RESERVATION_TIMEOUT_MS: '2000' } }`: every replica of it gets these. */
  readonly env?: Partial<Record<ServiceName, ServiceEnv>>;
}

export interface RunningService {
  readonly name: ServiceName;
  readonly url: string;
  readonly process: ChildProcess;
}

/**
 * The whole system, isolated from anything else on the machine: its own databases, its own topics
 * (a unique prefix) and consumer groups, the built services as real processes, and an issuer of
 * its own whose keys they fetch to verify every bearer token.
 */
export class System {
  readonly instances = new Map<ServiceName, RunningService[]>();
  private readonly logDir = join(workspace, 'tmp/e2e-logs');

  private constructor(
    readonly kafka: Kafka,
    readonly topics: TopicNamespace,
    readonly databases: ReadonlyMap<ServiceName, TestDatabase>,
    private readonly env: Partial<Record<ServiceName, ServiceEnv>>,
    readonly issuer: TestIssuer,
  ) {}

  /** A token of the system's issuer for a role and subject (`e2e-<role>` unless named). */
  token(role: string, subject = `e2e-${role}`): Promise<string> {
    return this.issuer.token(role, subject);
  }

  static async start(options: SystemOptions = {}): Promise<System> {
    for (const name of services) {
      if (!existsSync(join(workspace, `dist/apps/${name}/main.js`))) throw new Error(`dist/apps/${name}/main.js is missing: build first`);
    }
    const kafka = testKafka();
    const topics = await TopicNamespace.create(kafka, 3);
    const databases = new Map<ServiceName, TestDatabase>();
    const issuer = await TestIssuer.start();
    // One KEK for the whole run, so a restarted or second Checkout opens what the first sealed; and
    // one Checkout shares with Support, which opens the addresses Checkout sealed on the topic.
    const sharing = { PERSONAL_DATA_SHARING_KEKS: `e2e-share:${randomBytes(32).toString('base64')}` };
    const keks = { PERSONAL_DATA_KEKS: `e2e:${randomBytes(32).toString('base64')}`, ...sharing };
    const env = options.env ?? {};
    const system = new System(kafka, topics, databases, { ...env, checkout: { ...keks, ...env.checkout }, support: { ...sharing, ...env.support } }, issuer);
    try {
      for (const name of services) databases.set(name, await createTestDatabase(`bazaar_e2e_${name}`));
      // Settled, not raced: a service that fails to start must not leave the others running unrecorded.
      const started = await Promise.allSettled(services.map((name) => system.startInstance(name)));
      const failed = started.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    } catch (error) {
      await system.stop().catch(() => undefined);
      throw error;
    }
    return system;
  }

  /** The consumer group a service's replicas share in this system. */
  group(name: ServiceName): string {
    return this.topics.group(name);
  }

  url(name: ServiceName): string {
    const [first] = this.instances.get(name) ?? [];
    if (!first) throw new Error(`${name} is not running`);
    return first.url;
  }

  /**
   * Starts one more replica of a service (same database, same consumer group), with the system's
   * environment for it and, over that, `env` for this replica only (a replacement after a kill, say).
   */
  async startInstance(name: ServiceName, env: ServiceEnv = {}): Promise<RunningService> {
    mkdirSync(this.logDir, { recursive: true });
    const index = (this.instances.get(name)?.length ?? 0) + 1;
    const database = this.databases.get(name);
    if (!database) throw new Error(`no database for ${name}`);
    const child = spawn(process.execPath, [join(workspace, `dist/apps/${name}/main.js`)], {
      cwd: workspace,
      env: {
        PATH: process.env['PATH'],
        NODE_ENV: 'production',
        PORT: '0',
        LOG_LEVEL: 'info',
        DATABASE_URL: database.url,
        DATABASE_MIGRATION_URL: database.ownerUrl,
        KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092',
        KAFKA_TOPIC_PREFIX: this.topics.prefix,
        KAFKA_CONSUMER_GROUP: this.group(name),
        OUTBOX_POLL_INTERVAL_MS: '200',
        // The journeys come from one address: limits high enough never to refuse them, counted in the run's own buckets.
        RATE_LIMIT_KEY_PREFIX: `${this.topics.prefix}rate-limit:`,
        RATE_LIMIT_WRITE_POINTS: '100000000',
        RATE_LIMIT_READ_POINTS: '100000000',
        AUTH_ISSUER: this.issuer.url,
        AUTH_AUDIENCE: testAudience,
        ...this.env[name],
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }) as ChildProcessByStdio<null, Readable, Readable>;
    const log = createWriteStream(join(this.logDir, `${this.topics.prefix}${name}-${index}-${child.pid}.log`));
    child.stderr.pipe(log);
    const listening = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not start within 60s (see ${this.logDir})`)), 60_000);
      child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before listening (see ${this.logDir})`)));
      createInterface({ input: child.stdout }).on('line', (line) => {
        log.write(`${line}\n`);
        const entry = safeJson(line);
        if (typeof entry?.['url'] === 'string' && String(entry['msg']).endsWith('listening')) {
          clearTimeout(timer);
          resolve(String(entry['url']).replace('[::1]', '127.0.0.1'));
        }
      });
    });
    const url = await listening.catch(async (error: unknown) => {
      await exitOf(child, 'SIGKILL');
      throw error;
    });
    useOperatorToken(new URL(url).origin, await this.token('admin', 'e2e-operator'));
    const instance = { name, url, process: child };
    this.instances.set(name, [...(this.instances.get(name) ?? []), instance]);
    return instance;
  }

  /** Kills every replica of a service without a chance to clean up (as a crash or an OOM kill would). */
  async kill(name: ServiceName): Promise<void> {
    const running = this.instances.get(name) ?? [];
    await Promise.all(running.map((instance) => exitOf(instance.process, 'SIGKILL')));
    this.instances.set(name, []);
  }

  /** Stops every replica of a service gracefully (SIGTERM): its consumers leave the group at once. */
  async stopInstances(name: ServiceName): Promise<void> {
    const running = this.instances.get(name) ?? [];
    await Promise.all(running.map((instance) => exitOf(instance.process, 'SIGTERM')));
    this.instances.set(name, []);
  }

  async stop(): Promise<void> {
    const all = [...this.instances.values()].flat();
    await Promise.all(all.map((instance) => exitOf(instance.process, 'SIGTERM')));
    for (const database of this.databases.values()) await database.drop();
    await this.topics.delete();
    for (const instance of all) useOperatorToken(new URL(instance.url).origin, undefined);
    await this.issuer.stop();
  }
}

function exitOf(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

function safeJson(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
