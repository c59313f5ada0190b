import { Answer, call, explain } from './api';
import { CasesPanel, CaseSummary } from './cases';
import { eventLabel, money, Money, when } from './format';
import { usePoll } from './poll';
import { can, Role } from './roles';
import { ShipmentActions } from './shipment-actions';
import { Badge, ErrorNote, Section } from './ui';

/* The services' answers, as far as this page reads them. */
interface Order {
  readonly orderId: string;
  readonly buyerId: string;
  readonly status: string;
  readonly total: Money;
  readonly placedAt: string;
  readonly lines: readonly { sku: string; quantity: number; unitPrice: Money; lineTotal: Money }[];
  readonly cancellationReason?: string;
}
interface View {
  readonly status: string;
  readonly fraudReview: { score: number | null; reasons: string[] | null; decision: string; requestedAt: string | null; decidedAt: string | null } | null;
  readonly payment: { state: string; amount: Money | null; authorizationReference: string | null; authorizedAt: string | null; failureReason: string | null };
  readonly reservation: { status: string; reservedAt?: string; failedAt?: string } | null;
  readonly shipments: readonly { shipmentId: string; status: string; carrier: string | null; trackingNumber: string | null; dispatchedAt: string | null }[];
  readonly timeline: readonly { eventId: string; type: string; context: string; occurredAt: string }[];
  readonly cases: readonly CaseSummary[];
}
export interface Shipment {
  readonly shipmentId: string;
  readonly status: string;
  readonly createdAt: string;
  /** When Checkout's confirmation released it to the warehouse; null until then. */
  readonly releasedAt?: string | null;
  readonly lines: readonly { sku: string; quantity: number }[];
  readonly carrier?: string | null;
  readonly trackingNumber?: string | null;
}
interface LedgerEntry {
  readonly revenueEventId: string;
  readonly kind: string;
  readonly amount: Money;
  readonly recordedAt: string;
  readonly lines: readonly { account: string; side: string; amount: Money }[];
}
/** Finance's `GET /invoices?orderId=` answer: the content never changes once issued, the payment state apart. */
interface Invoice {
  readonly invoiceId: string;
  readonly invoiceNumber: string;
  readonly total: Money;
  readonly issuedAt: string;
  readonly payment: { readonly state: string };
}

export const shipmentSteps = ['created', 'picked', 'packed', 'dispatched', 'delivered'] as const;

/** The further of two reports of a shipment's status (Fulfillment's own, Support's projection); cancelled is final. */
export function furthest(a: string, b: string | undefined): string {
  if (b === undefined || a === 'cancelled') return a;
  if (b === 'cancelled') return b;
  return shipmentSteps.indexOf(b as never) > shipmentSteps.indexOf(a as never) ? b : a;
}

async function loadOrder(orderId: string, role: Role) {
  const ledger = can(role, 'ledger');
  const skipped = Promise.resolve(undefined);
  const [order, view, shipments, revenue, invoices] = await Promise.all([
    call<Order>('checkout', `/orders/${orderId}`),
    call<View>('support', `/case-order-views/${orderId}`),
    call<{ shipments: Shipment[] }>('fulfillment', `/shipments?orderId=${orderId}`),
    ledger ? call<{ revenueEvents: LedgerEntry[] }>('finance', `/revenue-events?orderId=${orderId}`) : skipped,
    ledger ? call<{ invoices: Invoice[] }>('finance', `/invoices?orderId=${orderId}`) : skipped,
  ]);
  return { order, view, shipments, revenue, invoices };
}

/** One order's whole journey across the four contexts; it follows new events as they arrive. */
export function OrderPage({ orderId, role }: { orderId: string; role: Role }) {
  const { data, error, reload } = usePoll(() => loadOrder(orderId, role), [orderId, role]);
  if (!data) return <main id="main">{error ? <ErrorNote message={error} /> : <p aria-busy="true">Loading order {orderId}…</p>}</main>;
  const { order, view, shipments, revenue, invoices } = data;
  const v = view.ok ? view.body : undefined;
  const o = order.ok ? order.body : undefined;
  return (
    <main id="main" class="order">
      <h1>
        Order <code>{orderId}</code>
      </h1>
      <ErrorNote message={error} />
      <Section title="Status" id="status">
        {o ? (
          <dl class="facts">
            <dt>Status</dt>
            <dd>
              <Badge value={o.status} testId="order-status" />
              {o.cancellationReason && <span> — {o.cancellationReason.replace(/_/g, ' ')}</span>}
            </dd>
            <dt>Buyer</dt>
            <dd>{o.buyerId}</dd>
            <dt>Placed</dt>
            <dd>{when(o.placedAt)}</dd>
            <dt>Total</dt>
            <dd>{money(o.total)}</dd>
            <dt>Lines</dt>
            <dd>{o.lines.map((line) => `${line.quantity} × ${line.sku} at ${money(line.unitPrice)}`).join('; ')}</dd>
          </dl>
        ) : (
          <Unavailable answer={order} what="Checkout's order" />
        )}
      </Section>
      {v ? <Journey view={v} /> : <Unavailable answer={view} what="Support's view of the order (it may not have seen the order yet)" />}
      <Section title="Shipments" id="shipments">
        {shipments.ok ? (
          shipments.body.shipments.length === 0 ? (
            <p>No shipment yet.</p>
          ) : (
            shipments.body.shipments.map((shipment) => {
              const tracked = v?.shipments.find((seen) => seen.shipmentId === shipment.shipmentId);
              const status = furthest(shipment.status, tracked?.status);
              return (
                <article key={shipment.shipmentId} class="shipment" aria-label={`Shipment ${shipment.shipmentId}`}>
                  <p>
                    Shipment <code>{shipment.shipmentId}</code>: <Badge value={status} testId="shipment-status" />{' '}
                    {shipment.lines.map((line) => `${line.quantity} × ${line.sku}`).join(', ')}
                  </p>
                  <ol class="steps" aria-label="Shipment steps">
                    {shipmentSteps.map((step) => (
                      <li
                        key={step}
                        class={shipmentSteps.indexOf(step) <= shipmentSteps.indexOf(status as never) ? 'done' : ''}
                        aria-current={step === status ? 'step' : undefined}
                      >
                        {step}
                      </li>
                    ))}
                  </ol>
                  {(shipment.trackingNumber ?? tracked?.trackingNumber) && (
                    <p>
                      Tracking: {shipment.carrier ?? tracked?.carrier} <span data-testid="tracking-number">{shipment.trackingNumber ?? tracked?.trackingNumber}</span>
                    </p>
                  )}
                  {can(role, 'warehouse') && <ShipmentActions shipment={{ ...shipment, status }} onDone={reload} />}
                </article>
              );
            })
          )
        ) : (
          <Unavailable answer={shipments} what="Fulfillment's shipments" />
        )}
      </Section>
      {revenue && (
        <Section title="Ledger" id="ledger">
          {revenue.ok ? <Ledger entries={revenue.body.revenueEvents} /> : <Unavailable answer={revenue} what="Finance's ledger" />}
        </Section>
      )}
      {invoices && (
        <Section title="Invoices" id="invoices">
          {invoices.ok ? (
            invoices.body.invoices.length === 0 ? (
              <p>No invoice yet.</p>
            ) : (
              <ul>
                {invoices.body.invoices.map((invoice) => (
                  <li key={invoice.invoiceId}>
                    Invoice {invoice.invoiceNumber}: {money(invoice.total)} issued {when(invoice.issuedAt)}, payment {invoice.payment.state}
                  </li>
                ))}
              </ul>
            )
          ) : invoices.status === 404 ? (
            <p>Finance does not issue invoices yet.</p>
          ) : (
            <Unavailable answer={invoices} what="Finance's invoices" />
          )}
        </Section>
      )}
      {can(role, 'cases') && <CasesPanel orderId={orderId} cases={v?.cases ?? []} knownToSupport={Boolean(v)} onChange={reload} />}
      {v && <Timeline timeline={v.timeline} />}
    </main>
  );
}

function Journey({ view }: { view: View }) {
  const { payment, fraudReview, reservation } = view;
  return (
    <Section title="Payment, fraud review and stock" id="journey">
      <dl class="facts">
        <dt>Payment</dt>
        <dd>
          <Badge value={payment.state} testId="payment-state" /> {money(payment.amount)}
          {payment.authorizationReference && ` (ref. ${payment.authorizationReference}, ${when(payment.authorizedAt)})`}
          {payment.failureReason && ` — ${payment.failureReason}`}
        </dd>
        <dt>Fraud review</dt>
        <dd>
          {fraudReview ? (
            <>
              <Badge value={fraudReview.decision} /> score {fraudReview.score ?? '?'} ({(fraudReview.reasons ?? []).join(', ')}), requested {when(fraudReview.requestedAt)}
              {fraudReview.decidedAt && `, decided ${when(fraudReview.decidedAt)}`}
            </>
          ) : (
            'not needed'
          )}
        </dd>
        <dt>Stock reservation</dt>
        <dd>{reservation ? <Badge value={reservation.status} /> : 'not answered yet'}</dd>
      </dl>
    </Section>
  );
}

function Ledger({ entries }: { entries: readonly LedgerEntry[] }) {
  if (entries.length === 0) return <p>No ledger entry yet.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Recorded</th>
          <th scope="col">Entry</th>
          <th scope="col">Amount</th>
          <th scope="col">Lines</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.revenueEventId}>
            <td>{when(entry.recordedAt)}</td>
            <td>{entry.kind}</td>
            <td>{money(entry.amount)}</td>
            <td>{entry.lines.map((line) => `${line.side} ${line.account.replace(/_/g, ' ')} ${money(line.amount)}`).join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Timeline({ timeline }: { timeline: View['timeline'] }) {
  return (
    <Section title="Timeline" id="timeline">
      <table data-testid="timeline">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Context</th>
            <th scope="col">Event</th>
          </tr>
        </thead>
        <tbody>
          {timeline.map((entry) => (
            <tr key={entry.eventId}>
              <td>
                <time dateTime={entry.occurredAt}>{when(entry.occurredAt)}</time>
              </td>
              <td>{entry.context}</td>
              <td>{eventLabel(entry.type)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

function Unavailable({ answer, what }: { answer: Answer<unknown>; what: string }) {
  return <p class="muted">{`${what} is not available: ${explain(answer)}`}</p>;
}
