import { AcceptedCurrencies, Cart, CartId, cartId, Carts } from '@bazaar/checkout-domain';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { CreateCart } from './create-cart.command';

export class CreateCartHandler {
  constructor(
    private readonly carts: Carts,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly currencies: AcceptedCurrencies,
  ) {}

  async execute(command: CreateCart): Promise<CartId> {
    const cart = Cart.create({ id: cartId(this.ids.next()), buyerId: command.buyerId, currency: command.currency, createdAt: this.clock.now() });
    this.currencies.assertAccepted(cart.currency);
    await this.carts.save(cart);
    return cart.id;
  }
}
