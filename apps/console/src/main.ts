import { join } from 'node:path';
import { createConsoleServer } from './server/console-server';
import { loadConsoleConfig } from './server/config';
import { issuerDevTokens } from './server/dev-tokens';

/** Starts the console server; one JSON line says where it listens (tools/stack and the journeys wait for it). */
function main(): void {
  const config = loadConsoleConfig(process.env, join(__dirname, 'public'));
  const server = createConsoleServer(config, issuerDevTokens(config.issuer));
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
    log({
      msg: 'console listening',
      url,
      devTokens: config.devTokens,
      upstreams: Object.fromEntries(Object.entries(config.upstreams).map(([name, upstream]) => [name, upstream.origin])),
    });
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

function log(entry: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), service: 'console', level: 'info', ...entry })}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`${JSON.stringify({ service: 'console', level: 'fatal', msg: String(error) })}\n`);
  process.exit(1);
}
