import { randomUUID } from 'node:crypto';
import { BuyerDataKeys, checkoutDataKeys, resealOrderHistory } from '@bazaar/checkout-infrastructure';
import { createDataSource } from '@bazaar/platform-database';
import { createKafka } from '@bazaar/platform-messaging';
import { createLogger, databaseTls, JsonLogger, kafkaSecurity, keyRingOf, prefixedTopic, sharingKeyRingOf } from '@bazaar/platform-service';
import { Topics } from '@bazaar/published-language';
import { CheckoutConfig } from './config';

/**
 * `main.js reseal-order-history [--dry-run]`: the one-off rewrite of the plaintext v1 history of
 * checkout.orders (docs/data-protection.md). Needs the deployment's PERSONAL_DATA_KEKS and
 * PERSONAL_DATA_SHARING_KEKS, and a Kafka principal that may delete records of checkout.orders.
 */
export async function resealHistory(config: CheckoutConfig, dryRun: boolean): Promise<void> {
  if (!config.PERSONAL_DATA_KEKS?.trim() || !config.PERSONAL_DATA_SHARING_KEKS?.trim()) {
    throw new Error('reseal-order-history needs PERSONAL_DATA_KEKS and PERSONAL_DATA_SHARING_KEKS: the keys it seals with must outlive it');
  }
  const logger = new JsonLogger(createLogger('checkout-reseal', config.LOG_LEVEL));
  const kafka = createKafka({ clientId: 'checkout-reseal', brokers: config.KAFKA_BROKERS, logger, ...kafkaSecurity(config) });
  const dataSource = createDataSource({ url: config.DATABASE_URL, tls: databaseTls(config), applicationName: 'checkout-reseal', poolSize: 2, migrations: [] });
  await dataSource.initialize();
  try {
    const report = await resealOrderHistory({
      kafka,
      ordersTopic: prefixedTopic(config, Topics.checkoutOrders),
      buyerKeysTopic: prefixedTopic(config, Topics.checkoutBuyerKeys),
      dataKeyOf: checkoutDataKeys(dataSource, new BuyerDataKeys(keyRingOf(config.PERSONAL_DATA_KEKS))),
      sharing: sharingKeyRingOf(config.PERSONAL_DATA_SHARING_KEKS),
      groupId: `${config.KAFKA_CONSUMER_GROUP}-reseal-${randomUUID()}`,
      dryRun,
    });
    process.stdout.write(`${JSON.stringify({ service: 'checkout', msg: dryRun ? 'order history read (dry run)' : 'order history resealed', ...report })}\n`);
  } finally {
    await dataSource.destroy();
  }
}
