/**
 * The pgbench script that does what Checkout's write path does for one order, in one transaction,
 * statement for statement (libs/checkout/infrastructure/src/persistence and the platform Outbox):
 * claim the Idempotency-Key, insert the order row and its two lines in one multi-row INSERT,
 * append the outbox row (whose trigger notifies the relay: the database is migrated by Checkout).
 * Row contents are sized like the real ones.
 */

/** One-line JSON with a space after every colon: pgbench would read `:null` in `"causationId":null` as a variable. */
const pgbenchJson = (value) => JSON.stringify(value, null, 1).replace(/\n\s*/g, '');
const literal = (text) => `'${text.replace(/'/g, "''")}'`;

/** @param {{ envelope: object, headers: object }} message a real cart-checked-out envelope and its headers */
export function checkoutWriteScript({ envelope, headers }) {
  const orderId = "md5('o' || (:r)::text)::uuid";
  return `\\set r random(1, 9000000000000000000)
BEGIN;
INSERT INTO idempotency_keys (scope, key, fingerprint, order_id) VALUES ('buyer-pgbench-' || (:client_id)::text, 'pgbench-' || (:r)::text, '${'ab'.repeat(32)}', ${orderId}) ON CONFLICT (scope, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, order_id = EXCLUDED.order_id, created_at = now() WHERE idempotency_keys.created_at < now() - make_interval(secs => 86400) RETURNING key;
INSERT INTO orders (id, buyer_id, status, total_amount, total_currency, ship_name, ship_line1, ship_line2, ship_city, ship_postal_code, ship_country, payment_token, placed_at, version) VALUES (${orderId}, 'buyer-pgbench-' || (:client_id)::text, 'placed', 3399, 'EUR', 'Ada Lovelace', '12 St James Square', NULL, 'London', 'SW1Y 4JH', 'GB', 'tok_ok', now(), 1);
INSERT INTO order_lines (order_id, line_no, sku, quantity, unit_price_amount, unit_price_currency) VALUES (${orderId}, 1, 'MUG-BLUE', 2, 1250, 'EUR'), (${orderId}, 2, 'TEA-EARL', 1, 899, 'EUR');
INSERT INTO outbox (event_id, topic, message_key, event_type, payload, headers) VALUES (md5('e' || (:r)::text)::uuid, 'checkout.orders', (${orderId})::text, 'checkout.cart-checked-out.v2', ${literal(pgbenchJson(envelope))}::jsonb, ${literal(pgbenchJson(headers))}::jsonb);
END;
`;
}

/**
 * The same rows in one statement and one round trip (data-modifying CTEs, autocommit): not what
 * Checkout does today — what its write path could cost. Foreign keys are checked at the end of the
 * statement, so the lines may reference the order inserted beside them.
 */
export function checkoutWriteOneStatementScript({ envelope, headers }) {
  return `\\set r random(1, 9000000000000000000)
WITH k AS (INSERT INTO idempotency_keys (scope, key, fingerprint, order_id) VALUES ('buyer-pgbench-' || (:client_id)::text, 'pgbench-' || (:r)::text, '${'ab'.repeat(32)}', md5('o' || (:r)::text)::uuid) ON CONFLICT (scope, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, order_id = EXCLUDED.order_id, created_at = now() WHERE idempotency_keys.created_at < now() - make_interval(secs => 86400) RETURNING order_id), o AS (INSERT INTO orders (id, buyer_id, status, total_amount, total_currency, ship_name, ship_line1, ship_line2, ship_city, ship_postal_code, ship_country, payment_token, placed_at, version) SELECT order_id, 'buyer-pgbench-' || (:client_id)::text, 'placed', 3399, 'EUR', 'Ada Lovelace', '12 St James Square', NULL, 'London', 'SW1Y 4JH', 'GB', 'tok_ok', now(), 1 FROM k RETURNING id), l AS (INSERT INTO order_lines (order_id, line_no, sku, quantity, unit_price_amount, unit_price_currency) SELECT o.id, v.line_no, v.sku, v.quantity, v.amount, 'EUR' FROM o, (VALUES (1, 'MUG-BLUE', 2, 1250), (2, 'TEA-EARL', 1, 899)) AS v (line_no, sku, quantity, amount)), b AS (INSERT INTO outbox (event_id, topic, message_key, event_type, payload, headers) SELECT md5('e' || (:r)::text)::uuid, 'checkout.orders', o.id::text, 'checkout.cart-checked-out.v2', ${literal(pgbenchJson(envelope))}::jsonb, ${literal(pgbenchJson(headers))}::jsonb FROM o) SELECT count(*) FROM o;
`;
}
