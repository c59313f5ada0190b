import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ScreenOrderHandler } from '@bazaar/checkout-application';
import { Transactions } from '@bazaar/platform-database';
import { Inbox } from '@bazaar/platform-messaging';
import { CartCheckedOutV1 } from '@bazaar/published-language';

/**
 * Checkout reacts to its own published CartCheckedOut: screening each new order begins its
 * process. Reading it back from the topic, rather than screening in the request, keeps placing an
 * order one small transaction and lets screening retry on its own.
 *
 * The decision commits with the inbox mark; what it decided (a gateway call, the order's next
 * move) is carried out after that commit, each step in its own transaction.
 */
@Controller()
export class OrderScreeningConsumer {
  private readonly inbox: Inbox;

  constructor(
    transactions: Transactions,
    private readonly screenOrder: ScreenOrderHandler,
  ) {
    this.inbox = new Inbox(transactions, 'checkout.order-screening');
  }

  @EventPattern(CartCheckedOutV1.wireType)
  async onCartCheckedOut(@Payload() message: unknown): Promise<void> {
    const event = CartCheckedOutV1.parse(message);
    // The decision commits with the inbox mark; the handler carries out after that commit, also after a duplicate.
    await this.screenOrder.execute({ orderId: event.data.orderId }, (decide) => this.inbox.once(event, decide));
  }
}
