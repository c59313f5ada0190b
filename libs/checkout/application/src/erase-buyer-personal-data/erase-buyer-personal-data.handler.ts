import { assertBuyerErasable } from '@bazaar/checkout-domain';
import { Clock, UnitOfWork } from '@bazaar/shared-kernel';
import { BuyerPersonalData } from '../ports/buyer-personal-data';
import { EraseBuyerPersonalData } from './erase-buyer-personal-data.command';

/**
 * Crypto-shredding: once none of the buyer's orders is in progress, their data key goes, and with
 * it every sealed copy of their addresses; the erasure is published for the other contexts. Erasing
 * an erased (or unknown) buyer changes nothing.
 */
export class EraseBuyerPersonalDataHandler {
  constructor(
    private readonly personalData: BuyerPersonalData,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(command: EraseBuyerPersonalData): Promise<boolean> {
    return this.unitOfWork.run(async () => {
      const orders = await this.personalData.ordersOf(command.buyerId);
      assertBuyerErasable(command.buyerId, orders);
      return this.personalData.erase({ buyerId: command.buyerId, orderIds: orders.map((order) => order.orderId), erasedAt: this.clock.now() });
    });
  }
}
