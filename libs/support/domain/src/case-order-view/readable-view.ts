import { CaseOrderView } from './case-order-view';
import { SealedShippingAddress, ShippingAddress } from './checkout-details';
import { withoutPersonalData } from './project';

/** Opens a sealed address with the buyer's data key Support holds; `undefined` when it holds none that sealed it (the buyer was erased). */
export type AddressOpener = (buyerId: string, orderId: string, sealed: SealedShippingAddress) => ShippingAddress | undefined;

/**
 * The view as an agent reads it: a sealed address opened, or — when its key is gone — the view
 * erased, exactly as after the erasure event (no address, `personalData: 'erased'`). Never the
 * sealed form. A plaintext (v1) or already erased view is unchanged.
 */
export function readableView(view: CaseOrderView, open: AddressOpener): CaseOrderView {
  const sealed = view.checkout?.sealedShippingAddress;
  if (!view.checkout || !sealed) return view;
  const opened = view.personalData === 'erased' ? undefined : open(view.checkout.buyerId, view.orderId, sealed);
  if (!opened) return { ...view, personalData: 'erased', checkout: withoutPersonalData(view.checkout, 'erased') };
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { sealedShippingAddress, ...checkout } = view.checkout;
  return { ...view, checkout: { ...checkout, shippingAddress: opened } };
}
