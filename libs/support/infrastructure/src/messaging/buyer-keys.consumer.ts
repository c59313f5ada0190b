import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { BuyerDataKeyV1, EventEnvelope, tombstoneOf } from '@bazaar/published-language';
import { TypeOrmBuyerDataKeys } from '../persistence/typeorm-buyer-data-keys';

/**
 * Buyers' data keys from `checkout.buyer-keys` (compacted, keyed by buyer, so in order per buyer):
 * a key replaces the buyer's earlier one, a tombstone (their erasure) deletes it. Both are
 * idempotent, so a redelivery or a replay from offset zero ends in the same state; no inbox.
 */
@Controller()
export class BuyerKeysConsumer {
  constructor(private readonly keys: TypeOrmBuyerDataKeys) {}

  @EventPattern(BuyerDataKeyV1.wireType)
  async onBuyerDataKey(@Payload() message: unknown): Promise<void> {
    await this.keys.store(BuyerDataKeyV1.parse(message).data);
  }

  @EventPattern(tombstoneOf(BuyerDataKeyV1.wireType))
  async onBuyerErased(@Payload() tombstone: unknown): Promise<void> {
    // The transport's envelope of a tombstone: the buyer is its key.
    await this.keys.forget((tombstone as EventEnvelope<null>).aggregateId);
  }
}
