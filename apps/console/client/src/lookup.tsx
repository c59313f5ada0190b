import { useState } from 'preact/hooks';
import { call, explain } from './api';
import { isOrderId, money, when } from './format';
import { go } from './route';
import { Badge, ErrorNote, Section } from './ui';

interface BuyerOrder {
  readonly orderId: string;
  readonly status: string;
  readonly placedAt: string;
  readonly total: { amount: number; currency: string };
}

/** Find an order by its id, or a buyer's orders by the buyer's id. */
export function Lookup() {
  const [query, setQuery] = useState('');
  const [orders, setOrders] = useState<readonly BuyerOrder[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = async (event: Event) => {
    event.preventDefault();
    const value = query.trim();
    setError(undefined);
    setOrders(undefined);
    if (!value) return setError('Type an order id or a buyer id.');
    if (isOrderId(value)) return go(`/orders/${value}`);
    const answer = await call<{ views: BuyerOrder[] }>('support', `/case-order-views?buyerId=${encodeURIComponent(value)}`);
    if (!answer.ok) return setError(explain(answer));
    setOrders(answer.body.views);
  };
  return (
    <Section title="Find an order">
      <form onSubmit={submit} class="inline-form" role="search">
        <label for="lookup">Order id or buyer id</label>
        <input id="lookup" name="lookup" value={query} onInput={(event) => setQuery((event.target as HTMLInputElement).value)} autoComplete="off" />
        <button type="submit">Find</button>
      </form>
      <ErrorNote message={error} />
      {orders && orders.length === 0 && <p>No orders for this buyer.</p>}
      {orders && orders.length > 0 && (
        <table>
          <caption>The buyer's orders, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Placed</th>
              <th scope="col">Total</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.orderId}>
                <td>
                  <a href={`#/orders/${order.orderId}`}>{order.orderId}</a>
                </td>
                <td>{when(order.placedAt)}</td>
                <td>{money(order.total)}</td>
                <td>
                  <Badge value={order.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
