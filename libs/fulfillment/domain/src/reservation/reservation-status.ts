/**
 * An order's reservation:
 * - `reserved`: stock is held for every line;
 * - `refused`: some line could not be held, so nothing is (all lines or none);
 * - `released`: the order was cancelled before dispatch and its units are free again;
 * - `shipped`: the parcel left; its units were deducted from on-hand stock;
 * - `cancelled`: the order was cancelled before its payment reached Fulfillment — nothing will
 *   ever be reserved for it, even if that payment arrives later (a replay can reorder them).
 */
export type ReservationStatus = 'reserved' | 'refused' | 'released' | 'shipped' | 'cancelled';
