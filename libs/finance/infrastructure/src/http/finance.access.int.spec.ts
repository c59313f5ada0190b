import { randomUUID } from 'node:crypto';
import { describeAccessMatrix, ServiceUnderTest } from '@bazaar/platform-service/testing';
import { anEvent, eventually, kafkaMessage } from '@bazaar/platform-testing';
import { PaymentAuthorizedV1, ShipmentDispatchedV1, Topics } from '@bazaar/published-language';
import { financeService } from '../finance.service';

jest.setTimeout(180_000);

describe('Finance: who may call what (real tokens over HTTP, real PostgreSQL and Kafka)', () => {
  let finance: ServiceUnderTest;
  const orderId = randomUUID();
  let invoiceId: string;

  beforeAll(async () => {
    finance = await ServiceUnderTest.start(financeService);
    await finance.send(Topics.checkoutOrders, kafkaMessage(anEvent(PaymentAuthorizedV1, { data: { orderId } })));
    await finance.send(Topics.fulfillmentShipments, kafkaMessage(anEvent(ShipmentDispatchedV1, { data: { orderId } })));
    invoiceId = await eventually(async () => {
      const [invoice] = (await finance.get<{ invoices: { invoiceId: string }[] }>(`/invoices?orderId=${orderId}`)).body.invoices;
      expect(invoice).toBeDefined();
      return invoice!.invoiceId;
    });
  });

  afterAll(async () => {
    await finance?.stop();
  });

  describeAccessMatrix(
    () => finance,
    [
      { route: 'GET /invoices', allowed: ['finance', 'support'], request: () => ({ path: `/invoices?orderId=${orderId}` }) },
      { route: 'GET /invoices/:invoiceId', allowed: ['finance', 'support'], request: () => ({ path: `/invoices/${invoiceId}` }) },
      { route: 'GET /ledger/balance', allowed: ['finance'], request: () => ({ path: '/ledger/balance' }) },
      { route: 'GET /revenue-events', allowed: ['finance'], request: () => ({ path: `/revenue-events?orderId=${orderId}` }) },
    ],
  );
});
