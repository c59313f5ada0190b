/**
 * The HTTP ceiling's server: Fastify alone, in production mode, no logging, answering POST /orders
 * with what Checkout answers (201 and an order id) after parsing the same JSON body. What Checkout
 * adds on top (Nest, validation, the database, the outbox) is the difference from this number.
 */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';

const app = Fastify({ logger: false, bodyLimit: 1_048_576 });
app.post('/orders', async (request, reply) => {
  if (typeof request.body !== 'object' || request.body === null) return reply.code(400).send({ code: 'invalid_request' });
  return reply.code(201).send({ orderId: randomUUID(), status: 'placed' });
});
await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ port: app.server.address().port });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
