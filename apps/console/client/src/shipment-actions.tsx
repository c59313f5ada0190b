import { useState } from 'preact/hooks';
import { call } from './api';
import type { Shipment } from './order-page';
import { ErrorNote, useAction } from './ui';

const nextStep: Record<string, { step: 'pick' | 'pack' | 'dispatch' | 'deliver'; label: string } | undefined> = {
  created: { step: 'pick', label: 'Mark picked' },
  picked: { step: 'pack', label: 'Mark packed' },
  packed: { step: 'dispatch', label: 'Dispatch' },
  dispatched: { step: 'deliver', label: 'Mark delivered' },
};

/**
 * The warehouse's next step for a shipment; dispatching asks for the carrier and tracking number.
 * A shipment whose order Checkout has not confirmed yet cannot be picked: it says so instead.
 */
export function ShipmentActions({ shipment, onDone }: { shipment: Shipment; onDone: () => Promise<void> | void }) {
  const next = nextStep[shipment.status];
  const { busy, error, run } = useAction(onDone);
  const [carrier, setCarrier] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  if (!next) return null;
  if (shipment.status === 'created' && shipment.releasedAt === null) {
    return <p data-testid="awaiting-confirmation">Waiting for Checkout to confirm the order before it can be picked.</p>;
  }
  const path = `/shipments/${shipment.shipmentId}/${next.step}`;
  if (next.step === 'dispatch') {
    const submit = (event: Event) => {
      event.preventDefault();
      void run(() => call('fulfillment', path, { method: 'POST', body: { carrier: carrier.trim(), trackingNumber: trackingNumber.trim() } }));
    };
    const id = shipment.shipmentId;
    return (
      <form onSubmit={submit} class="inline-form" aria-label="Dispatch the shipment">
        <label for={`carrier-${id}`}>Carrier</label>
        <input id={`carrier-${id}`} required maxLength={100} value={carrier} onInput={(event) => setCarrier((event.target as HTMLInputElement).value)} />
        <label for={`tracking-${id}`}>Tracking number</label>
        <input id={`tracking-${id}`} required maxLength={100} value={trackingNumber} onInput={(event) => setTrackingNumber((event.target as HTMLInputElement).value)} />
        <button type="submit" disabled={busy}>
          Dispatch
        </button>
        <ErrorNote message={error} />
      </form>
    );
  }
  return (
    <div class="inline-form">
      <button type="button" disabled={busy} onClick={() => void run(() => call('fulfillment', path, { method: 'POST', body: {} }))}>
        {next.label}
      </button>
      <ErrorNote message={error} />
    </div>
  );
}
