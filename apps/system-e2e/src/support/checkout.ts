/* eslint-disable @typescript-eslint/no-explicit-any -- an order answer is read as JSON; each journey states the shape it expects */
import { RecordMetadata } from 'kafkajs';
import { consumedPast, eventually, TappedMessage, TopicTap } from '@bazaar/platform-testing';
import { EventContract, EventEnvelope, EventHeaders } from '@bazaar/published-language';
import { http } from './http';
import { anOrderRequest } from './orders';
import { System } from './system';

/** An order of exactly 10,000.00: the default fraud policy holds it for a risk analyst. */
export const aLargeOrderRequest = () => anOrderRequest({ lines: [{ sku: 'RING', quantity: 1, unitPrice: { amount: 1_000_000, currency: 'EUR' } }] });

/** POST /orders as the buyer the body names (the token's subject), which must answer 201. */
export async function placeOrder(system: System, body: { buyerId: string } = anOrderRequest()): Promise<string> {
  const placed = await http('POST', `${system.url('checkout')}/orders`, { body, token: await system.token('buyer', body.buyerId) });
  expect(placed.status).toBe(201);
  return String(placed.body.orderId);
}

/** GET /orders/:orderId, which must answer 200. */
export async function orderOf(system: System, orderId: string): Promise<any> {
  const answer = await http('GET', `${system.url('checkout')}/orders/${orderId}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

/** Waits until the order shows `status` with its process at `step` and nothing left to carry out. */
export function waitForStatus(system: System, orderId: string, status: string, step: string): Promise<any> {
  return eventually(
    async () => {
      const order = await orderOf(system, orderId);
      expect(order).toMatchObject({ status, process: { step, pending: [] } });
      return order;
    },
    { timeoutMs: 30_000 },
  );
}

/** What Checkout published about the order as `contract`, parsed, in the order read from the topic. */
export function published<T>(tap: TopicTap, orderId: string, contract: EventContract<T>): EventEnvelope<T>[] {
  return tap.matching((m) => m.key === orderId && m.headers[EventHeaders.type] === contract.wireType).map((m) => contract.parse(m.body));
}

/**
 * How long a journey waits for a service's event: journeys restart and kill services, and a
 * replacement first waits out the old member's session (15 s) and starts on a busy machine.
 */
const eventDeadlineMs = 90_000;

/** Waits for Checkout's `contract` message about the order and answers it parsed. */
export async function publishedOnce<T>(tap: TopicTap, orderId: string, contract: EventContract<T>): Promise<EventEnvelope<T>> {
  const [message] = await tap.waitFor((m) => m.key === orderId && m.headers[EventHeaders.type] === contract.wireType, { timeoutMs: eventDeadlineMs });
  return contract.parse(message?.body);
}

/**
 * Sends a copy of a message exactly as it was read from its topic — same key, body and headers, so
 * the same event id: a redelivery, as a relay re-sending after a crash would make. Journeys never
 * make up another service's events; they replay ones it published. Answers where it landed.
 */
export function redeliver(system: System, topic: string, message: TappedMessage): Promise<RecordMetadata> {
  return system.topics.send(topic, { key: message.key, value: message.value, headers: { ...message.headers } });
}

/** Waits until Checkout has handled (and committed past) a message the journey sent. */
export function checkoutHandled(system: System, sent: RecordMetadata): Promise<void> {
  return consumedPast(system.kafka, system.group('checkout'), sent);
}

/** Waits until Checkout has handled (and committed past) a message a tap read from `topic`. */
export function checkoutHandledTapped(system: System, topic: string, message: TappedMessage): Promise<void> {
  return checkoutHandled(system, { topicName: system.topics.topic(topic), partition: message.partition, baseOffset: message.offset, errorCode: 0 });
}

/** Waits for a service's `contract` message about the order (by key, or by the data's orderId) on a tapped topic. */
export async function tappedAbout(tap: TopicTap, orderId: string, contract: EventContract<unknown>): Promise<TappedMessage> {
  const [message] = await tap.waitFor(
    (m) => m.headers[EventHeaders.type] === contract.wireType && (m.key === orderId || (m.body as { data?: { orderId?: string } } | undefined)?.data?.orderId === orderId),
    { timeoutMs: eventDeadlineMs },
  );
  if (!message) throw new Error(`no ${contract.wireType} about ${orderId}`);
  return message;
}
