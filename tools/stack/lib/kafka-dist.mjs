/**
 * The Kafka broker's jars, fetched once from Maven Central with
 * tools/stack/kafka/pom.xml and cached outside the work tree, so a fresh
 * clone or `git clean` does not download ~40 MB again.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from './config.mjs';
import { StackError, elapsed, ok, step } from './log.mjs';

/** @param {string} version @returns {string} the libs directory to put on the classpath */
export function ensureKafkaDist(version) {
  const home = join(paths.cache, `kafka-${version}`);
  const libs = join(home, 'libs');
  const marker = join(home, '.complete');
  if (existsSync(marker)) return libs;

  requireTool('java', ['-version'], 'a Java 17+ runtime (e.g. apt-get install openjdk-17-jre-headless)');
  requireTool('mvn', ['-v'], 'Maven (e.g. apt-get install maven)');

  const started = Date.now();
  step(`fetching Apache Kafka ${version} from Maven Central into ${home}`);
  // Download into a scratch dir and rename: an interrupted run never looks complete.
  const partial = join(home, 'libs.partial');
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  const mvn = spawnSync('mvn', ['-q', '-B', '-f', paths.kafkaPom, `-Dkafka.version=${version}`, `-DoutputDirectory=${partial}`, 'dependency:copy-dependencies'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (mvn.status !== 0) {
    throw new StackError(`maven could not fetch Kafka ${version}:\n${(mvn.stdout + mvn.stderr).trim().slice(-4000)}`);
  }
  const jars = readdirSync(partial);
  checkJars(jars, version);
  rmSync(libs, { recursive: true, force: true });
  renameSync(partial, libs);
  writeFileSync(marker, `${JSON.stringify({ version, jars: jars.length, fetchedAt: new Date().toISOString() })}\n`);
  ok(`Kafka ${version}: ${jars.length} jars cached (${elapsed(started)})`);
  return libs;
}

/**
 * The slf4j binding is pinned in the pom while log4j-core arrives through
 * kafka-server; if a Kafka bump moves log4j-core, Maven's "nearest wins"
 * would silently downgrade it to the binding's version. Fail loudly instead.
 */
function checkJars(jars, version) {
  const versionOf = (prefix) => jars.find((j) => j.startsWith(prefix))?.slice(prefix.length, -'.jar'.length);
  if (!jars.includes(`kafka_2.13-${version}.jar`)) throw new StackError(`kafka_2.13-${version}.jar missing after download`);
  const core = versionOf('log4j-core-');
  const binding = versionOf('log4j-slf4j-impl-');
  if (!core || core !== binding) {
    throw new StackError(
      `log4j-core ${core} and log4j-slf4j-impl ${binding} differ: set log4j.version in ${paths.kafkaPom} ` +
        'to the log4j-core version `mvn dependency:tree` shows for this Kafka version',
    );
  }
}

function requireTool(cmd, args, hint) {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  if (r.error) throw new StackError(`'${cmd}' not found: install ${hint}`);
}
