import { SupportCaseNotFound } from '@bazaar/support-domain';
import { aSupportCase } from '@bazaar/support-domain/testing';
import { InMemorySupportCases } from '../testing/in-memory-support-cases';
import { ListCasesForOrderHandler } from '../list-cases-for-order/list-cases-for-order.handler';
import { GetCaseHandler } from './get-case.handler';

describe('Reading support cases', () => {
  it('shows one case with its entries, and says an unknown one is not found', async () => {
    const cases = new InMemorySupportCases();
    await cases.save(aSupportCase().withId('case-1').resolved('Refunded').unsaved());
    const handler = new GetCaseHandler(cases.queries);

    await expect(handler.execute({ caseId: 'case-1' })).resolves.toMatchObject({
      caseId: 'case-1',
      status: 'resolved',
      entries: [{ kind: 'resolution', text: 'Refunded', actor: 'agent-ada' }],
    });
    await expect(handler.execute({ caseId: 'case-2' })).rejects.toThrow(SupportCaseNotFound);
  });

  it("lists an order's cases and nothing for an order without any", async () => {
    const cases = new InMemorySupportCases();
    await cases.save(aSupportCase().withId('case-1').forOrder('order-1').unsaved());
    const handler = new ListCasesForOrderHandler(cases.queries);

    await expect(handler.execute({ orderId: 'order-1' })).resolves.toMatchObject([{ caseId: 'case-1', orderId: 'order-1', status: 'open' }]);
    await expect(handler.execute({ orderId: 'order-2' })).resolves.toEqual([]);
  });
});
