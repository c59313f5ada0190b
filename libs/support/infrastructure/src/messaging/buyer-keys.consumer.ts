import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { inBatchTransaction } from '@bazaar/platform-messaging';
import { BuyerDataKeyV1, EventEnvelope, tombstoneOf } from '@bazaar/published-language';
import { TypeOrmBuyerDataKeys } from '../persistence/typeorm-buyer-data-keys';

/**
 * Buyers' data keys from `checkout.buyer-keys` (compacted, keyed by buyer, so in order per buyer):
 * a key replaces the buyer's earlier one, a tombstone (their erasure) deletes it. Both are
 * idempotent, so a redelivery or a replay from offset zero ends in the same state; no inbox.
 * Consecutive keys share the transaction of the messages next to them (`inBatchTransaction`) and
 * are written with its closing statement: one upsert and one delete for the whole run.
 */
@Controller()
export class BuyerKeysConsumer {
  constructor(private readonly keys: TypeOrmBuyerDataKeys) {}

  @EventPattern(BuyerDataKeyV1.wireType, inBatchTransaction)
  onBuyerDataKey(@Payload() message: unknown): Promise<void> {
    const key = BuyerDataKeyV1.parse(message).data;
    return this.keys.apply([{ buyerId: key.buyerId, key }]);
  }

  @EventPattern(tombstoneOf(BuyerDataKeyV1.wireType), inBatchTransaction)
  onBuyerErased(@Payload() tombstone: unknown): Promise<void> {
    // The transport's envelope of a tombstone: the buyer is its key.
    return this.keys.apply([{ buyerId: (tombstone as EventEnvelope<null>).aggregateId, key: null }]);
  }
}
