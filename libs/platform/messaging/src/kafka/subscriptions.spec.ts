import { Controller } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { InvoiceIssuedV1, OrderCancelledV1, PaymentAuthorizedV1, ShipmentDispatchedV1, Topics } from '@bazaar/published-language';
import { consumedTopics, subscribedWireTypes } from './subscriptions';

const handled: unknown[] = [];

@Controller()
class CheckoutEvents {
  @EventPattern(PaymentAuthorizedV1.wireType)
  onPaid(message: unknown): void {
    handled.push(message);
  }

  @EventPattern(OrderCancelledV1.wireType)
  onCancelled(message: unknown): void {
    handled.push(message);
  }

  notAHandler(): number {
    return handled.length;
  }
}

@Controller()
class LaterEvents {
  @EventPattern(ShipmentDispatchedV1.wireType)
  onDispatched(message: unknown): void {
    handled.push(message);
  }

  @EventPattern(InvoiceIssuedV1.wireType)
  onInvoiced(message: unknown): void {
    handled.push(message);
  }
}

describe('subscriptions', () => {
  it('reads the wire types a consumer subscribes to from its @EventPatterns', () => {
    expect(subscribedWireTypes(CheckoutEvents).sort()).toEqual([OrderCancelledV1.wireType, PaymentAuthorizedV1.wireType].sort());
  });

  it('derives the topics to consume from the catalog, each once', () => {
    expect(consumedTopics(CheckoutEvents)).toEqual([Topics.checkoutOrders]);
    expect(consumedTopics(CheckoutEvents, LaterEvents).sort()).toEqual([Topics.checkoutOrders, Topics.fulfillmentShipments, Topics.financeInvoices].sort());
  });

  it('refuses a subscription to a wire type nobody publishes', () => {
    @Controller()
    class Misspelt {
      @EventPattern('checkout.payment-authorised.v1')
      onPaid(message: unknown): void {
        handled.push(message);
      }
    }
    expect(() => consumedTopics(Misspelt)).toThrow('checkout.payment-authorised.v1');
  });
});
