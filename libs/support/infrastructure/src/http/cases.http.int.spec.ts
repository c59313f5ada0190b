import { randomUUID } from 'node:crypto';
import { ServiceUnderTest } from '@bazaar/platform-service/testing';
import { eventually, TopicTap } from '@bazaar/platform-testing';
import { CaseCommentedV1, CaseOpenedV1, CaseReopenedV1, CaseResolvedV1, EventHeaders, Topics } from '@bazaar/published-language';
import { rebuildSupport, supportService } from '../support.service';
import { eventsAbout, publish } from '../testing/published-events';
import { BuyerOrdersResponse, CaseOrderViewResponse } from './case-order-views.schemas';
import { caseResponse, CaseResponse } from './cases.schemas';

jest.setTimeout(120_000);

/** The agent whose token every case action below carries; each entry must name them. */
const agentAda = 'agent-ada';

describe('Support cases over HTTP, on PostgreSQL and Kafka', () => {
  let support: ServiceUnderTest;
  let caseEvents: TopicTap;

  beforeAll(async () => {
    support = await ServiceUnderTest.start(supportService);
    caseEvents = await support.namespace.tap(Topics.supportCases);
  });

  afterAll(async () => {
    await support?.stop();
  });

  /** An order Support has projected (its checkout seen), so that cases can be opened on it. */
  async function aKnownOrder(): Promise<string> {
    const orderId = randomUUID();
    await publish(support, eventsAbout(orderId).cartCheckedOut);
    await eventually(async () => expect((await support.get(`/case-order-views/${orderId}`)).status).toBe(200));
    return orderId;
  }

  const openCase = async (orderId: string, subject = 'Parcel not arrived') => {
    const opened = await support.as('support', agentAda).post<{ caseId: string }>('/cases', { orderId, subject, description: 'Nothing arrived a week after dispatch.' });
    expect(opened.status).toBe(201);
    return opened.body.caseId;
  };

  it('opens, comments, resolves and reopens a case, each recorded with who and when, and published on support.cases in order', async () => {
    const orderId = await aKnownOrder();
    const caseId = await openCase(orderId);

    const agent = support.as('support', agentAda);
    const commented = await agent.post<CaseResponse>(`/cases/${caseId}/comments`, { body: 'Asked the carrier.' });
    const resolved = await agent.post<CaseResponse>(`/cases/${caseId}/resolve`, { resolution: 'Delivered to a neighbour.' });
    const reopened = await agent.post<CaseResponse>(`/cases/${caseId}/reopen`, {});

    expect([commented.status, resolved.status, reopened.status]).toEqual([201, 200, 200]);
    const shown = await support.get<CaseResponse>(`/cases/${caseId}`);
    expect(caseResponse.parse(shown.body)).toEqual({
      caseId,
      orderId,
      subject: 'Parcel not arrived',
      description: 'Nothing arrived a week after dispatch.',
      status: 'open',
      openedBy: agentAda,
      openedAt: expect.any(String),
      entries: [
        { kind: 'comment', actor: agentAda, at: expect.any(String), text: 'Asked the carrier.' },
        { kind: 'resolution', actor: agentAda, at: expect.any(String), text: 'Delivered to a neighbour.' },
        { kind: 'reopening', actor: agentAda, at: expect.any(String), text: null },
      ],
    });
    const published = await caseEvents.waitFor((message) => message.key === caseId, { count: 4 });
    expect(published.map((message) => message.headers[EventHeaders.type])).toEqual(
      [CaseOpenedV1, CaseCommentedV1, CaseResolvedV1, CaseReopenedV1].map((contract) => contract.wireType),
    );
    expect(CaseResolvedV1.parse(published[2]!.body).data).toMatchObject({ caseId, orderId, resolution: 'Delivered to a neighbour.', resolvedBy: agentAda });
  });

  it('answers 409 problems with stable codes when a rule is broken, and changes nothing', async () => {
    const caseId = await openCase(await aKnownOrder());

    const reopenOpen = await support.post(`/cases/${caseId}/reopen`, {});
    await support.post(`/cases/${caseId}/resolve`, { resolution: 'Refunded.' });
    const commentResolved = await support.post(`/cases/${caseId}/comments`, { body: 'One more thing' });
    const resolveTwice = await support.post(`/cases/${caseId}/resolve`, { resolution: 'Refunded again.' });

    expect([reopenOpen, commentResolved, resolveTwice].map((answer) => [answer.status, answer.contentType?.split(';')[0], answer.body['code']])).toEqual([
      [409, 'application/problem+json', 'support_case_open'],
      [409, 'application/problem+json', 'support_case_resolved'],
      [409, 'application/problem+json', 'support_case_resolved'],
    ]);
    const shown = await support.get<CaseResponse>(`/cases/${caseId}`);
    expect(shown.body.entries.map((entry) => entry.kind)).toEqual(['resolution']);
    expect(await support.count('support_case_entries WHERE case_id = $1', [caseId])).toBe(1);
  });

  it('refuses bad input with 400, an unknown order with 422 and an unknown case with 404, writing nothing', async () => {
    const orderId = await aKnownOrder();
    const before = await support.count('support_cases');

    const answers = await Promise.all([
      support.post('/cases', { orderId, subject: 'S', description: 'D', priority: 'high' }),
      support.post('/cases', { orderId, subject: 'x'.repeat(201), description: 'D' }),
      support.post('/cases', { orderId: 'not-a-uuid', subject: 'S', description: 'D' }),
      support.post('/cases', { orderId, subject: '   ', description: 'D' }),
      support.post('/cases', '{"orderId":'),
      support.post('/cases', { orderId: randomUUID(), subject: 'S', description: 'D' }),
      support.post(`/cases/${randomUUID()}/comments`, { body: 'Hello' }),
      support.get(`/cases/${randomUUID()}`),
      support.get('/cases/not-a-uuid'),
      support.get('/cases?orderId=nope'),
    ]);

    expect(answers.map((answer) => [answer.status, answer.body['code']])).toEqual([
      [400, 'invalid_request'],
      [400, 'invalid_request'],
      [400, 'invalid_request'],
      [400, 'invalid_request'],
      [400, 'malformed_json'],
      [422, 'case_order_unknown'],
      [404, 'support_case_not_found'],
      [404, 'support_case_not_found'],
      [400, 'invalid_request'],
      [400, 'invalid_request'],
    ]);
    expect(answers.every((answer) => answer.contentType?.startsWith('application/problem+json'))).toBe(true);
    expect(await support.count('support_cases')).toBe(before);
  });

  it("lists an order's cases, on their own and in the order's view; finds the view by buyer", async () => {
    const orderId = await aKnownOrder();
    const first = await openCase(orderId, 'First');
    const second = await openCase(orderId, 'Second');
    await support.post(`/cases/${second}/resolve`, { resolution: 'Done.' });

    const listed = await support.get<{ cases: { caseId: string; status: string }[] }>(`/cases?orderId=${orderId}`);
    const view = await support.get<CaseOrderViewResponse>(`/case-order-views/${orderId}`);
    const ofBuyer = await support.get<BuyerOrdersResponse>('/case-order-views?buyerId=buyer-42');
    const ofNobody = await support.get<BuyerOrdersResponse>(`/case-order-views?buyerId=${randomUUID()}`);

    expect(listed.body.cases.map(({ caseId, status }) => [caseId, status])).toEqual([
      [first, 'open'],
      [second, 'resolved'],
    ]);
    expect(view.body.cases.map(({ caseId, subject }) => [caseId, subject])).toEqual([
      [first, 'First'],
      [second, 'Second'],
    ]);
    expect(ofBuyer.body.views.map((found) => found.orderId)).toContain(orderId);
    expect(ofBuyer.body.views.find((found) => found.orderId === orderId)).toMatchObject({ status: 'placed', total: { amount: 3399, currency: 'EUR' } });
    expect(ofNobody.body.views).toEqual([]);
  });

  it('keeps every case across a restart and a rebuild of the projection from offset zero', async () => {
    const orderId = await aKnownOrder();
    const caseId = await openCase(orderId);
    await support.post(`/cases/${caseId}/comments`, { body: 'Kept across restarts.' });
    const before = (await support.get<CaseResponse>(`/cases/${caseId}`)).body;

    await support.stopInstances();
    await support.startInstance();
    expect((await support.get<CaseResponse>(`/cases/${caseId}`)).body).toEqual(before);

    await support.stopInstances();
    const report = await rebuildSupport(support.config, support.namespace.kafka);
    expect(report.viewsCleared).toBeGreaterThan(0);
    expect(await support.count('case_order_views')).toBe(0);
    await support.startInstance();

    expect((await support.get<CaseResponse>(`/cases/${caseId}`)).body).toEqual(before);
    const view = await eventually(
      async () => {
        const answer = await support.get<CaseOrderViewResponse>(`/case-order-views/${orderId}`);
        expect(answer.status).toBe(200);
        return answer.body;
      },
      { timeoutMs: 30_000 },
    );
    expect(view.cases.map((summary) => summary.caseId)).toEqual([caseId]);
    expect(view.checkout).toMatchObject({ buyerId: 'buyer-42' });
  });
});
