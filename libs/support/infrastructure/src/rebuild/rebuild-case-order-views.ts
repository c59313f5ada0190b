import { setTimeout as sleep } from 'node:timers/promises';
import { Admin, Kafka } from 'kafkajs';
import { createDataSource, DatabaseTls, runMigrations, RuntimeAccess } from '@bazaar/platform-database';
import { messagingMigrations } from '@bazaar/platform-messaging';
import { caseOrderViewsConsumer } from '../messaging/projection-inbox';
import { supportMigrations } from '../persistence/migrations';

export interface RebuildOptions {
  /** The owner's connection: the rebuild migrates and truncates. */
  readonly databaseUrl: string;
  /** The runtime role, granted its privileges after the migrations as every migration run does. */
  readonly runtime?: RuntimeAccess;
  /** TLS to PostgreSQL, as the service connects. */
  readonly tls?: DatabaseTls;
  readonly kafka: Kafka;
  /** Support's consumer group; it must have no running member (stop the service first). */
  readonly groupId: string;
  /** The topics the projection consumes. */
  readonly topics: readonly string[];
  /**
   * How long to wait for members of a stopped service to leave the group. A consumer stopped while
   * it was still joining cannot say goodbye; the broker drops it after its session timeout (15 s by
   * default). A running service keeps heartbeating and is refused once this has passed.
   */
  readonly membersGoneWithinMs?: number;
}

export interface RebuildReport {
  readonly viewsCleared: number;
  readonly inboxMarksCleared: number;
  readonly topicsRewound: readonly string[];
}

/**
 * Prepares a rebuild of the case order views from offset zero; the service does the replay when it
 * starts again. Offsets are rewound first and the views cleared second: if the second step fails,
 * the replay meets its inbox marks and changes nothing, so no view is ever left empty for good.
 */
export async function rebuildCaseOrderViews(options: RebuildOptions): Promise<RebuildReport> {
  await rewindToEarliest(options);
  const cleared = await clearProjection(options.databaseUrl, options.runtime, options.tls);
  return { ...cleared, topicsRewound: [...options.topics] };
}

async function rewindToEarliest(options: RebuildOptions): Promise<void> {
  const { kafka, groupId, topics } = options;
  const admin = kafka.admin();
  await admin.connect();
  try {
    await untilGroupIsEmpty(admin, groupId, options.membersGoneWithinMs ?? 30_000);
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({ groupId, topic, partitions: offsets.map(({ partition, low }) => ({ partition, offset: low })) });
    }
  } finally {
    await admin.disconnect();
  }
}

async function untilGroupIsEmpty(admin: Admin, groupId: string, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const [group] = (await admin.describeGroups([groupId])).groups;
    const members = group?.members.length ?? 0;
    if (members === 0) return;
    if (Date.now() >= deadline) {
      throw new Error(`Consumer group ${groupId} has ${members} running member(s): stop the support service before a rebuild`);
    }
    await sleep(500);
  }
}

async function clearProjection(databaseUrl: string, runtime: RuntimeAccess | undefined, tls: DatabaseTls | undefined): Promise<Omit<RebuildReport, 'topicsRewound'>> {
  const dataSource = createDataSource({
    url: databaseUrl,
    tls,
    applicationName: 'support-rebuild',
    // runMigrations holds one connection for its advisory lock while TypeORM migrates on another.
    poolSize: 2,
    migrations: [...messagingMigrations, ...supportMigrations],
  });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource, runtime);
    return await dataSource.transaction(async (manager) => {
      const [views]: [{ count: number }] = await manager.query('SELECT count(*)::int AS count FROM case_order_views');
      await manager.query('TRUNCATE case_order_views');
      const [, inboxMarksCleared]: [unknown[], number] = await manager.query('DELETE FROM inbox WHERE consumer = $1', [caseOrderViewsConsumer]);
      return { viewsCleared: views.count, inboxMarksCleared };
    });
  } finally {
    await dataSource.destroy();
  }
}
