import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { OrderProcessRunner, ScreenOrderHandler } from '@bazaar/checkout-application';
import { orderId } from '@bazaar/checkout-domain';
import { Transactions } from '@bazaar/platform-database';
import { Inbox } from '@bazaar/platform-messaging';
import { CartCheckedOutV1, CartCheckedOutV2, EventEnvelope } from '@bazaar/published-language';

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
    private readonly runner: OrderProcessRunner,
  ) {
    this.inbox = new Inbox(transactions, 'checkout.order-screening');
  }

  /** Orders placed before the address was sealed on the topic; screening reads the order itself, not the event. */
  @EventPattern(CartCheckedOutV1.wireType)
  onCartCheckedOutV1(@Payload() message: unknown): Promise<void> {
    return this.screen(CartCheckedOutV1.parse(message));
  }

  @EventPattern(CartCheckedOutV2.wireType)
  onCartCheckedOut(@Payload() message: unknown): Promise<void> {
    return this.screen(CartCheckedOutV2.parse(message));
  }

  private async screen(event: EventEnvelope<{ readonly orderId: string }>): Promise<void> {
    await this.inbox.once(event, () => this.screenOrder.decide({ orderId: event.data.orderId }));
    // Also after a duplicate: a crash between the commit and the carrying out left work behind.
    await this.runner.carryOut(orderId(event.data.orderId));
  }
}
