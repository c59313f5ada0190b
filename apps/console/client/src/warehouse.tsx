import { useState } from 'preact/hooks';
import { call, explain } from './api';
import type { Shipment } from './order-page';
import { shipmentSteps } from './order-page';
import { usePoll } from './poll';
import { go } from './route';
import { ShipmentActions } from './shipment-actions';
import { Badge, ErrorNote, Section, useAction } from './ui';

interface Stock {
  readonly sku: string;
  readonly onHand: number;
  readonly reserved: number;
  readonly available: number;
}

/** Stock per SKU, and the shipments of an order to pick, pack, dispatch and deliver. */
export function Warehouse({ orderId }: { orderId: string | undefined }) {
  return (
    <main id="main">
      <h1>Warehouse</h1>
      <StockPanel />
      <ShipmentsPanel orderId={orderId} />
    </main>
  );
}

function StockPanel() {
  const [sku, setSku] = useState('');
  const [stock, setStock] = useState<Stock | undefined>(undefined);
  const [onHand, setOnHand] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const look = async (wanted: string) => {
    setError(undefined);
    const answer = await call<Stock>('fulfillment', `/stock/${encodeURIComponent(wanted)}`);
    if (!answer.ok) {
      setStock(undefined);
      return setError(explain(answer));
    }
    setStock(answer.body);
    setOnHand(String(answer.body.onHand));
  };
  const { busy, error: saveError, run } = useAction(() => look(stock?.sku ?? sku.trim()));
  return (
    <Section title="Stock" id="stock">
      <form
        class="inline-form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          void look(sku.trim());
        }}
      >
        <label for="sku">SKU</label>
        <input id="sku" required maxLength={64} value={sku} onInput={(event) => setSku((event.target as HTMLInputElement).value)} />
        <button type="submit">Show stock</button>
      </form>
      <ErrorNote message={error} />
      {stock && (
        <>
          <dl class="facts" data-testid="stock">
            <dt>SKU</dt>
            <dd>{stock.sku}</dd>
            <dt>On hand</dt>
            <dd>{stock.onHand}</dd>
            <dt>Reserved</dt>
            <dd>{stock.reserved}</dd>
            <dt>Available</dt>
            <dd>{stock.available}</dd>
          </dl>
          <form
            class="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              void run(() => call('fulfillment', `/stock/${encodeURIComponent(stock.sku)}`, { method: 'PUT', body: { onHand: Number(onHand) } }));
            }}
          >
            <label for="on-hand">Units on hand</label>
            <input id="on-hand" type="number" min={0} step={1} required value={onHand} onInput={(event) => setOnHand((event.target as HTMLInputElement).value)} />
            <button type="submit" disabled={busy}>
              Set stock
            </button>
            <ErrorNote message={saveError} />
          </form>
        </>
      )}
    </Section>
  );
}

function ShipmentsPanel({ orderId }: { orderId: string | undefined }) {
  const [query, setQuery] = useState(orderId ?? '');
  return (
    <Section title="Shipments" id="warehouse-shipments">
      <form
        class="inline-form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          go(`/warehouse/${query.trim()}`);
        }}
      >
        <label for="shipment-order">Order id</label>
        <input id="shipment-order" required value={query} onInput={(event) => setQuery((event.target as HTMLInputElement).value)} />
        <button type="submit">Show shipments</button>
      </form>
      {orderId && <OrderShipments orderId={orderId} />}
    </Section>
  );
}

function OrderShipments({ orderId }: { orderId: string }) {
  const { data, error, reload } = usePoll(() => call<{ shipments: Shipment[] }>('fulfillment', `/shipments?orderId=${encodeURIComponent(orderId)}`), [orderId]);
  if (!data) return error ? <ErrorNote message={error} /> : <p aria-busy="true">Loading shipments…</p>;
  if (!data.ok) return <ErrorNote message={explain(data)} />;
  if (data.body.shipments.length === 0) return <p>No shipment for this order yet.</p>;
  return (
    <ul class="shipments">
      {data.body.shipments.map((shipment) => (
        <li key={shipment.shipmentId} aria-label={`Shipment ${shipment.shipmentId}`}>
          <p>
            <code>{shipment.shipmentId}</code> <Badge value={shipment.status} testId="shipment-status" /> step {Math.max(shipmentSteps.indexOf(shipment.status as never) + 1, 0)} of{' '}
            {shipmentSteps.length}: {shipment.lines.map((line) => `${line.quantity} × ${line.sku}`).join(', ')}
          </p>
          <ShipmentActions shipment={shipment} onDone={reload} />
        </li>
      ))}
    </ul>
  );
}
