#!/usr/bin/env node
/**
 * Bazaar's local stack without Docker: Kafka from Maven Central, topics,
 * per-context PostgreSQL databases, and the context services.
 * Usage: node tools/stack/stack.mjs <command>   (see HELP below)
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { kafkaBrokers, kafkaPorts, loadStack, paths, stackApps } from './lib/config.mjs';
import { deleteTopicsAndGroups, ensureTopics, kafkaAnswers } from './lib/kafka-admin.mjs';
import { brokerLog, brokerPid, ensureBroker, stopBroker } from './lib/kafka-broker.mjs';
import { ensureIssuer, issuerLog, issuerPid, stopIssuer } from './lib/issuer-process.mjs';
import { issuerPort } from './lib/issuer.mjs';
import { kafkaFiles } from './lib/kafka-config.mjs';
import { deadLetters } from './lib/dead-letters.mjs';
import { StackError, elapsed, ok, step } from './lib/log.mjs';
import { kafkaSmoke } from './lib/smoke.mjs';
import { buildProjects, runMigrations, runSeeds } from './lib/nx.mjs';
import { dropDatabases, provisionDatabases } from './lib/postgres.mjs';
import { ensurePrometheus, prometheusLog, prometheusPid, prometheusPort, stopPrometheus } from './lib/prometheus.mjs';
import { printServiceTable, serviceLog, servicePid, serviceReady, startServices, stopService } from './lib/services.mjs';
import { isPortOpen, waitFor } from './lib/wait.mjs';

const HELP = `usage: node tools/stack/stack.mjs <command>

  infra            start Kafka, create topics, provision databases, run migrations and seeds
  provision        topics + databases + migrations + seeds against KAFKA_BROKERS / PG* (used by docker compose)
  up               infra, the local token issuer (127.0.0.1:$ISSUER_PORT, 3009), build the services and
                   the console, (re)start them and wait until ready,
                   then a Prometheus scraping the services on 127.0.0.1:$PROMETHEUS_PORT (9090) if
                   installed (BAZAAR_PROMETHEUS=0: none)
                   (infra, provision, up and reset take --no-migrate and --no-seed;
                   seeds stock the demo catalogue, docker/provisioning/catalogue.json)
  down [--purge]   stop Prometheus, services and Kafka; --purge also deletes Kafka data, databases and roles
  status           what runs where
  reset            fresh databases, topics and consumer groups (stops services), then migrations and seeds
  logs <name> [-f] tail kafka's, prometheus's, the issuer's or a service's log
  smoke            prove kafkajs against the running broker (produce, group, commit, transactions)
  dead-letters <context> [--replay]
                   list the messages <context> parked, with their errors; --replay sends each
                   back to its source topic once (consumers deduplicate by event id)`;

/** @param {ReturnType<typeof loadStack>} stack */
async function provision(stack, { migrate = true, seed = true, waitKafka = true } = {}) {
  if (waitKafka && !(await kafkaAnswers())) {
    // In compose the broker may still be booting when this container starts.
    step(`waiting for Kafka at ${kafkaBrokers().join(',')}`);
    if (!(await waitFor(kafkaAnswers, { timeoutMs: 90_000, onWait: (s) => step(`waiting for Kafka… ${s}s`) }))) {
      throw new StackError(`Kafka at ${kafkaBrokers().join(',')} did not answer within 90s`);
    }
  }
  await ensureTopics(stack);
  await provisionDatabases(stack);
  if (migrate) runMigrations(stack);
  // Seeds write through the migrated schema, so no migrations means no seeds.
  if (migrate && seed) runSeeds(stack);
}

async function infra(stack, opts) {
  await ensureBroker(stack);
  await provision(stack, { ...opts, waitKafka: false });
}

async function status(stack) {
  const { broker } = kafkaPorts();
  const kpid = brokerPid();
  const kready = kpid ? await kafkaAnswers() : false;
  const rows = [['name', 'state', 'pid', 'port', 'ready']];
  rows.push(['kafka', kpid ? 'running' : (await isPortOpen(broker)) ? 'foreign' : 'stopped', String(kpid ?? '-'), String(broker), kready ? 'yes' : 'no']);
  const ipid = issuerPid();
  rows.push(['issuer', ipid ? 'running' : 'stopped', String(ipid ?? '-'), String(issuerPort()), ipid && (await isPortOpen(issuerPort())) ? 'yes' : 'no']);
  for (const ctx of stackApps(stack)) {
    const pid = servicePid(ctx);
    rows.push([ctx.name, pid ? 'running' : 'stopped', String(pid ?? '-'), String(ctx.port), pid && (await serviceReady(ctx)) ? 'yes' : 'no']);
  }
  const ppid = prometheusPid();
  rows.push(['prometheus', ppid ? 'running' : 'stopped', String(ppid ?? '-'), String(prometheusPort()), ppid && (await isPortOpen(prometheusPort())) ? 'yes' : 'no']);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows)
    console.log(
      r
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    );
}

async function down(stack, purge) {
  await stopPrometheus();
  for (const ctx of stackApps(stack)) await stopService(ctx);
  await stopIssuer();
  await stopBroker();
  if (!purge) return;
  rmSync(paths.kafkaData, { recursive: true, force: true });
  rmSync(kafkaFiles.clusterId, { force: true });
  step(`deleted Kafka data (${paths.kafkaData})`);
  await dropDatabases(stack, { dropRoles: true });
}

async function reset(stack, { migrate = true, seed = true } = {}) {
  for (const ctx of stack.contexts) if (await stopService(ctx)) step(`stopped ${ctx.name} for the reset; run \`up\` to start it again`);
  await ensureBroker(stack);
  await deleteTopicsAndGroups(stack);
  await ensureTopics(stack);
  await dropDatabases(stack);
  await provisionDatabases(stack);
  if (migrate) runMigrations(stack);
  if (migrate && seed) runSeeds(stack);
}

function logs(stack, name, follow) {
  const known = ['kafka', 'prometheus', 'issuer', ...stackApps(stack).map((c) => c.name)];
  if (!known.includes(name)) throw new StackError(`logs: name one of ${known.join(', ')}`);
  const file = name === 'kafka' ? brokerLog : name === 'prometheus' ? prometheusLog : name === 'issuer' ? issuerLog : serviceLog(name);
  if (!existsSync(file)) throw new StackError(`no log yet at ${file}`);
  const child = spawn('tail', ['-n', '100', ...(follow ? ['-F'] : []), file], { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', resolve));
}

async function main([command, ...args]) {
  const started = Date.now();
  const stack = loadStack();
  const migrate = !args.includes('--no-migrate');
  const seed = !args.includes('--no-seed');
  switch (command) {
    case 'infra':
      await infra(stack, { migrate, seed });
      break;
    case 'provision':
      await provision(stack, { migrate, seed });
      break;
    case 'up':
      await infra(stack, { migrate, seed });
      buildProjects(stackApps(stack).map((c) => c.name));
      await ensureIssuer();
      await startServices(stackApps(stack));
      printServiceTable(stackApps(stack));
      {
        const prometheus = await ensurePrometheus(stack);
        if (prometheus) console.log(`metrics: ${prometheus} (alerts: ${prometheus}/alerts; dashboard: docker/monitoring/grafana/bazaar.json)`);
      }
      break;
    case 'down':
      await down(stack, args.includes('--purge'));
      break;
    case 'status':
      return status(stack);
    case 'reset':
      await reset(stack, { migrate, seed });
      break;
    case 'smoke':
      await kafkaSmoke();
      break;
    case 'logs':
      return logs(stack, args[0], args.includes('-f'));
    case 'dead-letters': {
      const context = args.find((arg) => !arg.startsWith('--'));
      if (!stack.contexts.some((c) => c.name === context)) throw new StackError(`dead-letters: name one of ${stack.contexts.map((c) => c.name).join(', ')}`);
      await deadLetters(context, { replay: args.includes('--replay') });
      break;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return;
    default:
      throw new StackError(`unknown command '${command}'\n\n${HELP}`);
  }
  ok(`${command} done in ${elapsed(started)}`);
}

main(process.argv.slice(2)).then(
  () => process.exit(0), // kafkajs/pg timers must not keep the CLI alive
  (err) => {
    console.error(err instanceof StackError ? `✗ ${err.message}` : err);
    process.exit(1);
  },
);
