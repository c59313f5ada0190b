import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Inbox } from '@bazaar/platform-messaging';
import { CartCheckedOutV1, RevenueDeferredV1, ShipmentCreatedV1 } from '@bazaar/published-language';
import { ProjectEventHandler } from '@bazaar/support-application';
import { toOrderFact } from '../acl/order-facts.translator';
import { PublishedEvent } from '../acl/published-event';

/**
 * Every subscription of Support, in one place. Each message is checked against its contract (a
 * violation goes to the dead letters), translated, and projected inside the inbox, so that a
 * redelivery changes nothing.
 */
@Controller()
export class PublishedEventsConsumer {
  constructor(
    private readonly inbox: Inbox,
    private readonly projectEvent: ProjectEventHandler,
  ) {}

  @EventPattern(CartCheckedOutV1.wireType)
  onCartCheckedOut(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'checkout.cart-checked-out.v1', envelope: CartCheckedOutV1.parse(message) });
  }

  @EventPattern(ShipmentCreatedV1.wireType)
  onShipmentCreated(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'fulfillment.shipment-created.v1', envelope: ShipmentCreatedV1.parse(message) });
  }

  @EventPattern(RevenueDeferredV1.wireType)
  onRevenueDeferred(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'finance.revenue-deferred.v1', envelope: RevenueDeferredV1.parse(message) });
  }

  private async project(event: PublishedEvent): Promise<void> {
    await this.inbox.once(event.envelope, () => this.projectEvent.execute({ fact: toOrderFact(event) }));
  }
}
