import { factsAbout } from '../testing';
import { CaseOrderView, emptyCaseOrderView } from './case-order-view';
import { SealedShippingAddress, ShippingAddress } from './checkout-details';
import { OrderFact } from './order-facts';
import { project } from './project';
import { AddressOpener, readableView } from './readable-view';

const orderId = '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f';
const facts = factsAbout(orderId);
const address: ShippingAddress = { name: 'Ada Lovelace', line1: "12 St James's Square", line2: null, city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' };

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/**
 * What reaches Support about one order of buyer-42, in some order: facts from `checkout.orders`, and
 * from `checkout.buyer-keys` the buyer's key (key-1, which sealed the address) and its tombstone.
 */
type Arrival = { readonly fact: OrderFact } | { readonly key: 'key-1' } | { readonly tombstone: true };

/** Support's state after these arrivals, as an agent reads it: the projected view opened with the key Support holds. */
function readAfter(arrivals: readonly Arrival[]): CaseOrderView {
  let view = emptyCaseOrderView(orderId);
  let heldKey: string | undefined;
  for (const arrival of arrivals) {
    if ('fact' in arrival) view = project(view, arrival.fact);
    else if ('key' in arrival) heldKey = arrival.key;
    else heldKey = undefined;
  }
  const opener: AddressOpener = (buyerId, order, sealed: SealedShippingAddress) =>
    heldKey === sealed.keyId && buyerId === 'buyer-42' && order === orderId && sealed.ciphertext === `sealed-${orderId}` ? address : undefined;
  return readableView(view, opener);
}

const sealedCheckout: Arrival = { fact: facts.orderPlacedSealed() };
const erasure: Arrival = { fact: facts.personalDataErased() };
const key: Arrival = { key: 'key-1' };
const tombstone: Arrival = { tombstone: true };

describe('Reading a view whose address came sealed (checkout.cart-checked-out.v2)', () => {
  it.each(permutations([sealedCheckout, key]).map((order) => [order.map((a) => Object.keys(a)[0]).join(' → '), order] as const))(
    'shows the opened address once the checkout and the key are both in (%s)',
    (_, arrivals) => {
      const view = readAfter(arrivals);

      expect(view.personalData).toBe('present');
      expect(view.checkout?.shippingAddress).toEqual(address);
      expect(view.checkout).not.toHaveProperty('sealedShippingAddress');
    },
  );

  it('shows no address while the key has not arrived, and never the sealed form', () => {
    const view = readAfter([sealedCheckout]);

    expect(view.checkout?.shippingAddress).toBeNull();
    expect(JSON.stringify(view)).not.toContain(`sealed-${orderId}`);
  });

  it.each(
    permutations([sealedCheckout, key, erasure, tombstone]).map((order) => [
      order.map((a) => ('fact' in a ? (a.fact.kind === 'order-placed' ? 'checkout' : 'erasure') : Object.keys(a)[0])).join(' → '),
      order,
    ]),
  )('never shows the address again once the buyer is erased, whatever arrived first (%s)', (_, arrivals) => {
    const view = readAfter(arrivals as Arrival[]);

    expect(view.personalData).toBe('erased');
    expect(view.checkout).toEqual({ ...facts.orderPlacedSealed().checkout, shippingAddress: null, sealedShippingAddress: undefined });
    expect(JSON.stringify(view)).not.toContain('Lovelace');
  });

  it.each([
    ['the erasure event before the tombstone, the key still held', [sealedCheckout, key, erasure]],
    ['the tombstone before the erasure event', [sealedCheckout, key, tombstone]],
    ['the erasure before the checkout, and then the key (late on its topic)', [erasure, sealedCheckout, key]],
  ])('answers erased with %s', (_, arrivals) => {
    const view = readAfter(arrivals as Arrival[]);

    expect([view.personalData, view.checkout?.shippingAddress]).toEqual(['erased', null]);
  });

  it('stores no sealed address in the view once the erasure is projected, before or after the checkout', () => {
    for (const order of permutations([facts.orderPlacedSealed(), facts.personalDataErased()])) {
      const stored = order.reduce(project, emptyCaseOrderView(orderId));
      expect(stored.personalData).toBe('erased');
      expect(JSON.stringify(stored)).not.toContain(`sealed-${orderId}`);
    }
  });

  it('does not open an address sealed with another key of the buyer (erased, then a new order)', () => {
    const view = readableView(project(emptyCaseOrderView(orderId), facts.orderPlacedSealed({ keyId: 'key-0' })), (_b, _o, sealed) =>
      sealed.keyId === 'key-1' ? address : undefined,
    );

    expect(view.personalData).toBe('erased');
  });

  it('leaves a plaintext (v1) view, and a view without its checkout, as projected, asking for no key', () => {
    const opener = jest.fn<ShippingAddress | undefined, Parameters<AddressOpener>>();
    const plaintext = project(emptyCaseOrderView(orderId), facts.orderPlaced());
    const partial = project(emptyCaseOrderView(orderId), facts.orderConfirmed());

    expect(readableView(plaintext, opener)).toBe(plaintext);
    expect(readableView(partial, opener)).toBe(partial);
    expect(opener).not.toHaveBeenCalled();
  });
});
