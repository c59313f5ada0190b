import { randomUUID } from 'node:crypto';
import { describeAccessMatrix, matrixSubject, ServiceUnderTest } from '@bazaar/platform-service/testing';
import { eventually } from '@bazaar/platform-testing';
import { supportService } from '../support.service';
import { eventsAbout, publish } from '../testing/published-events';

jest.setTimeout(180_000);

describe('Support: who may call what (real tokens over HTTP, real PostgreSQL and Kafka)', () => {
  let support: ServiceUnderTest;
  const orderId = randomUUID();
  let buyerId: string;
  let caseId: string;

  beforeAll(async () => {
    support = await ServiceUnderTest.start(supportService);
    const { cartCheckedOut } = eventsAbout(orderId);
    buyerId = (cartCheckedOut.envelope.data as { buyerId: string }).buyerId;
    await publish(support, cartCheckedOut);
    await eventually(async () => expect((await support.get(`/case-order-views/${orderId}`)).status).toBe(200));
    const opened = await support.post('/cases', { orderId, subject: 'Parcel not arrived', description: 'Nothing after a week.' });
    caseId = String(opened.body['caseId']);
  });

  afterAll(async () => {
    await support?.stop();
  });

  describeAccessMatrix(
    () => support,
    [
      { route: 'GET /case-order-views', allowed: ['support', 'risk-analyst'], request: () => ({ path: `/case-order-views?buyerId=${encodeURIComponent(buyerId)}` }) },
      { route: 'GET /case-order-views/:orderId', allowed: ['support', 'risk-analyst'], request: () => ({ path: `/case-order-views/${orderId}` }) },
      { route: 'POST /cases', allowed: ['support'], request: () => ({ path: '/cases', body: { orderId, subject: 'Wrong colour', description: 'Blue, not red.' } }) },
      { route: 'GET /cases', allowed: ['support'], request: () => ({ path: `/cases?orderId=${orderId}` }) },
      { route: 'GET /cases/:caseId', allowed: ['support'], request: () => ({ path: `/cases/${caseId}` }) },
      { route: 'POST /cases/:caseId/comments', allowed: ['support'], request: () => ({ path: `/cases/${caseId}/comments`, body: { body: 'Asked the carrier.' } }) },
      { route: 'POST /cases/:caseId/resolve', allowed: ['support'], request: () => ({ path: `/cases/${caseId}/resolve`, body: { resolution: 'Refunded.' } }) },
      { route: 'POST /cases/:caseId/reopen', allowed: ['support'], request: () => ({ path: `/cases/${caseId}/reopen` }) },
    ],
  );

  it('records the agent of every entry from their token', async () => {
    const shown = await support.get<{ entries: { kind: string; actor: string }[] }>(`/cases/${caseId}`);

    expect(shown.body.entries.slice(0, 3)).toEqual([
      expect.objectContaining({ kind: 'comment', actor: matrixSubject('support') }),
      expect.objectContaining({ kind: 'comment', actor: matrixSubject('admin') }),
      expect.objectContaining({ kind: 'resolution', actor: matrixSubject('support') }),
    ]);
  });
});
