import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { eventually } from './eventually';

/**
 * A throw-away PostgreSQL cluster and Kafka broker that speak TLS only, with certificates from a CA
 * generated for the run (openssl; nothing is committed or reused). They listen on free loopback
 * ports, never on the shared broker's or server's: a journey over TLS runs beside everything else.
 * `stop()` stops both and deletes the directory, keys included.
 */
export interface TlsSandbox {
  /** PEM of the run's CA: what clients pin (DATABASE_SSL_CA_FILE, KAFKA_SSL_CA_FILE). */
  readonly caFile: string;
  /** Superuser connection to the TLS-only PostgreSQL (`verify-full` works: the certificate names 127.0.0.1). */
  readonly postgresAdminUrl: string;
  readonly kafkaBrokers: readonly string[];
  /** A kafkajs client of the sandbox's broker, over TLS. */
  kafka(clientId?: string): Kafka;
  stop(): Promise<void>;
}

const workspace = resolve(__dirname, '../../../..');

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

function run(command: string, args: readonly string[], options: { cwd?: string; asUser?: string } = {}): string {
  const [cmd, argv] = options.asUser && userInfo().uid === 0 ? ['runuser', ['-u', options.asUser, '--', command, ...args]] : [command, args];
  return execFileSync(cmd, argv as string[], { cwd: options.cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A CA and a server certificate for 127.0.0.1 and localhost, signed by it. */
function generateCertificates(dir: string): { ca: string; cert: string; key: string } {
  const ca = join(dir, 'ca.crt');
  const cert = join(dir, 'server.crt');
  const key = join(dir, 'server.key');
  const ext = join(dir, 'server.ext');
  writeFileSync(ext, 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n');
  run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    join(dir, 'ca.key'),
    '-out',
    ca,
    '-days',
    '2',
    '-subj',
    '/CN=bazaar-test-ca',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  run('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', join(dir, 'server.csr'), '-subj', '/CN=localhost']);
  run('openssl', ['x509', '-req', '-in', join(dir, 'server.csr'), '-CA', ca, '-CAkey', join(dir, 'ca.key'), '-CAcreateserial', '-out', cert, '-days', '2', '-extfile', ext]);
  return { ca, cert, key };
}

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? execFileSync('ls', [root], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean)
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql');
  return join(root, versions[0] as string, 'bin');
}

/** A PostgreSQL cluster accepting TLS 1.3 only ("hostnossl … reject"). */
async function startPostgres(dir: string, tls: { cert: string; key: string }): Promise<{ url: string; stop(): void }> {
  const bin = postgresBin();
  const data = join(dir, 'pgdata');
  const asUser = userInfo().uid === 0 ? 'postgres' : undefined;
  mkdirSync(data);
  const serverCert = join(dir, 'pg-server.crt');
  const serverKey = join(dir, 'pg-server.key');
  writeFileSync(serverCert, readFileSync(tls.cert));
  writeFileSync(serverKey, readFileSync(tls.key));
  chmodSync(serverKey, 0o600);
  if (asUser) {
    // initdb refuses to run as root; the cluster belongs to the postgres account.
    const uid = Number(run('id', ['-u', asUser]).trim());
    const gid = Number(run('id', ['-g', asUser]).trim());
    for (const path of [dir, data, serverCert, serverKey]) chownSync(path, uid, gid);
  }
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8'], { asUser });
  const port = await freePort();
  writeFileSync(
    join(data, 'postgresql.conf'),
    [
      readFileSync(join(data, 'postgresql.conf'), 'utf8'),
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dir}'`,
      'ssl = on',
      `ssl_cert_file = '${serverCert}'`,
      `ssl_key_file = '${serverKey}'`,
      "ssl_min_protocol_version = 'TLSv1.3'",
      'fsync = off',
      'max_connections = 60',
    ].join('\n'),
  );
  writeFileSync(join(data, 'pg_hba.conf'), 'local all all trust\nhostssl all all 127.0.0.1/32 trust\nhostnossl all all 127.0.0.1/32 reject\n');
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'postgres.log'), '-w', '-t', '60', 'start'], { asUser });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], { asUser });
    },
  };
}

/** A single KRaft node whose only client listener is SSL (TLS 1.3), from tools/stack's cached Kafka. */
async function startKafka(dir: string, tls: { ca: string; cert: string; key: string }): Promise<{ brokers: string[]; stop(): Promise<void> }> {
  const stack = JSON.parse(readFileSync(join(workspace, 'docker/provisioning/stack.json'), 'utf8')) as { kafka: { version: string } };
  const cache = process.env['BAZAAR_CACHE_DIR'] ?? join(homedir(), '.cache/bazaar');
  const libs = join(cache, `kafka-${stack.kafka.version}`, 'libs');
  if (!existsSync(libs)) throw new Error(`${libs} is missing: run \`node tools/stack/stack.mjs infra\` once to fetch Kafka`);
  const [port, controller] = [await freePort(), await freePort()];
  const keystore = join(dir, 'kafka-keystore.pem');
  writeFileSync(keystore, `${readFileSync(tls.key, 'utf8')}${readFileSync(tls.cert, 'utf8')}`);
  const properties = join(dir, 'server.properties');
  const props: Record<string, string | number> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@127.0.0.1:${controller}`,
    listeners: `SSL://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controller}`,
    'advertised.listeners': `SSL://127.0.0.1:${port}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'SSL',
    'listener.security.protocol.map': 'SSL:SSL,CONTROLLER:PLAINTEXT',
    'ssl.keystore.type': 'PEM',
    'ssl.keystore.location': keystore,
    'ssl.truststore.type': 'PEM',
    'ssl.truststore.location': tls.ca,
    'ssl.protocol': 'TLSv1.3',
    'ssl.enabled.protocols': 'TLSv1.3',
    'log.dirs': join(dir, 'kafka-data'),
    'auto.create.topics.enable': 'false',
    'num.partitions': 3,
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 3,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'transaction.state.log.num.partitions': 3,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    'group.initial.rebalance.delay.ms': 0,
    'log.cleaner.dedupe.buffer.size': 2 * 1024 * 1024,
    'num.network.threads': 2,
    'num.io.threads': 2,
  };
  writeFileSync(
    properties,
    Object.entries(props)
      .map(([key, value]) => `${key}=${value}`)
      .join('\n'),
  );
  writeFileSync(
    join(dir, 'log4j2.properties'),
    'status = warn\nappender.out.type = Console\nappender.out.name = STDOUT\nappender.out.layout.type = PatternLayout\nappender.out.layout.pattern = [%d] %p %m (%c)%n\nrootLogger.level = WARN\nrootLogger.appenderRef.out.ref = STDOUT\n',
  );
  const jvm = ['-Xms128m', '-Xmx384m', '-XX:+UseG1GC', '-Djava.awt.headless=true', `-Dlog4j2.configurationFile=${join(dir, 'log4j2.properties')}`, '-cp', join(libs, '*')];
  const clusterId = randomBytes(16).toString('base64url').slice(0, 22);
  run('java', [...jvm, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', properties]);
  const child: ChildProcess = spawn('java', [...jvm, 'kafka.Kafka', properties], { cwd: dir, stdio: 'ignore' });
  let exited = false;
  child.on('exit', () => (exited = true));
  const brokers = [`127.0.0.1:${port}`];
  const stop = async () => {
    if (exited) return;
    const gone = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await gone;
  };
  try {
    await eventually(
      async () => {
        if (exited) throw new Error('the TLS broker exited during startup');
        const admin = new Kafka({ clientId: 'tls-sandbox', brokers, ssl: { ca: [readFileSync(tls.ca, 'utf8')] }, logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
        await admin.connect();
        await admin.disconnect();
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { brokers, stop };
}

export async function startTlsSandbox(): Promise<TlsSandbox> {
  const dir = mkdtempSync(join(tmpdir(), 'bazaar-tls-'));
  chmodSync(dir, 0o755);
  const stops: (() => unknown)[] = [];
  const stop = async () => {
    for (const each of stops.reverse()) await Promise.resolve(each()).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const tls = generateCertificates(dir);
    const postgres = await startPostgres(dir, tls);
    stops.push(postgres.stop);
    const kafka = await startKafka(dir, tls);
    stops.push(kafka.stop);
    return {
      caFile: tls.ca,
      postgresAdminUrl: postgres.url,
      kafkaBrokers: kafka.brokers,
      kafka: (clientId = 'tls-test') =>
        new Kafka({ clientId, brokers: kafka.brokers, ssl: { ca: [readFileSync(tls.ca, 'utf8')], minVersion: 'TLSv1.3' }, logLevel: logLevel.NOTHING }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
