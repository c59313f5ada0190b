import { AddressOpener } from '@bazaar/support-domain';

/** The buyers' data keys Support holds (shared by Checkout on `checkout.buyer-keys`), for reading sealed addresses. */
export abstract class BuyerDataKeys {
  /** Opens the buyer's sealed addresses with the key Support holds for them; with none (erased, or not arrived yet), nothing opens. */
  abstract openerFor(buyerId: string): Promise<AddressOpener>;
}
