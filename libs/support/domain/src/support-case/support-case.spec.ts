import { aSupportCase } from '../testing/support-case.builder';
import { SupportCase } from './support-case';
import { CaseTextInvalid, SupportCaseIsOpen, SupportCaseIsResolved } from './support-case-errors';

const at = new Date('2026-11-23T11:00:00.000Z');
const later = new Date('2026-11-23T12:00:00.000Z');

describe('A support case', () => {
  describe('opening', () => {
    it('belongs to the order it was opened for, is open, and records who opened it and when', () => {
      const opened = SupportCase.open({ id: 'c-1', orderId: 'o-1', subject: '  Late parcel ', description: 'Where is it?', actor: 'agent-ada', at });

      expect(opened.snapshot()).toEqual({
        id: 'c-1',
        orderId: 'o-1',
        subject: 'Late parcel',
        description: 'Where is it?',
        status: 'open',
        openedBy: 'agent-ada',
        openedAt: at,
        entries: [],
      });
      expect(opened.pendingEvents).toEqual([
        { type: 'CaseOpened', caseId: 'c-1', orderId: 'o-1', actor: 'agent-ada', occurredAt: at, subject: 'Late parcel', description: 'Where is it?' },
      ]);
      expect(opened.version).toBe(0);
    });

    it.each([
      ['a blank subject', { subject: '   ' }, 'subject'],
      ['a subject over 200 characters', { subject: 'x'.repeat(201) }, 'subject'],
      ['a blank description', { description: '' }, 'description'],
      ['a description over 5,000 characters', { description: 'x'.repeat(5_001) }, 'description'],
      ['no actor', { actor: ' ' }, 'actor'],
    ])('refuses %s', (_case, override, field) => {
      const open = () => SupportCase.open({ id: 'c-1', orderId: 'o-1', subject: 'S', description: 'D', actor: 'agent-ada', at, ...override });
      expect(open).toThrow(CaseTextInvalid);
      expect(open).toThrow(new RegExp(field));
    });
  });

  describe('while open', () => {
    it('takes comments, in order, each with who wrote it and when', () => {
      const supportCase = aSupportCase().build();

      supportCase.comment('Called the carrier.', 'agent-ada', at);
      supportCase.comment(' Carrier will call back. ', 'agent-bob', later);

      expect(supportCase.entries).toEqual([
        { kind: 'comment', actor: 'agent-ada', at, text: 'Called the carrier.' },
        { kind: 'comment', actor: 'agent-bob', at: later, text: 'Carrier will call back.' },
      ]);
      expect(supportCase.pendingEvents).toMatchObject([
        { type: 'CaseCommented', actor: 'agent-ada', occurredAt: at, body: 'Called the carrier.' },
        { type: 'CaseCommented', actor: 'agent-bob', occurredAt: later, body: 'Carrier will call back.' },
      ]);
      expect(supportCase.status).toBe('open');
    });

    it('refuses a blank comment or one over 5,000 characters', () => {
      const supportCase = aSupportCase().build();
      expect(() => supportCase.comment(' ', 'agent-ada', at)).toThrow(CaseTextInvalid);
      expect(() => supportCase.comment('x'.repeat(5_001), 'agent-ada', at)).toThrow(CaseTextInvalid);
      expect(supportCase.entries).toEqual([]);
    });

    it('is resolved with a resolution, recording who resolved it and when', () => {
      const supportCase = aSupportCase().build();

      supportCase.resolve('Refund issued.', 'agent-bob', at);

      expect(supportCase.status).toBe('resolved');
      expect(supportCase.entries).toEqual([{ kind: 'resolution', actor: 'agent-bob', at, text: 'Refund issued.' }]);
      expect(supportCase.pendingEvents).toEqual([
        { type: 'CaseResolved', caseId: supportCase.id, orderId: supportCase.orderId, actor: 'agent-bob', occurredAt: at, resolution: 'Refund issued.' },
      ]);
    });

    it('refuses a blank resolution or one over 2,000 characters, and stays open', () => {
      const supportCase = aSupportCase().build();
      expect(() => supportCase.resolve('', 'agent-ada', at)).toThrow(CaseTextInvalid);
      expect(() => supportCase.resolve('x'.repeat(2_001), 'agent-ada', at)).toThrow(CaseTextInvalid);
      expect(supportCase.status).toBe('open');
    });

    it('cannot be reopened: it is not closed', () => {
      const supportCase = aSupportCase().build();
      expect(() => supportCase.reopen('agent-ada', at)).toThrow(SupportCaseIsOpen);
      expect(supportCase.pendingEvents).toEqual([]);
    });
  });

  describe('once resolved', () => {
    it('takes no comment', () => {
      const supportCase = aSupportCase().resolved().build();
      expect(() => supportCase.comment('One more thing', 'agent-ada', at)).toThrow(SupportCaseIsResolved);
      expect(supportCase.pendingEvents).toEqual([]);
    });

    it('cannot be resolved again (its resolution is not edited)', () => {
      const supportCase = aSupportCase().resolved('Refund issued.').build();
      expect(() => supportCase.resolve('Something else', 'agent-ada', at)).toThrow(SupportCaseIsResolved);
      expect(supportCase.entries.filter((entry) => entry.kind === 'resolution').map((entry) => entry.text)).toEqual(['Refund issued.']);
    });

    it('is reopened, recording who reopened it and when, and then takes comments and a new resolution', () => {
      const supportCase = aSupportCase().resolved('Refund issued.').build();

      supportCase.reopen('agent-bob', at);
      supportCase.comment('The refund bounced.', 'agent-bob', at);
      supportCase.resolve('Refunded by bank transfer.', 'agent-bob', later);

      expect(supportCase.status).toBe('resolved');
      expect(supportCase.entries.map(({ kind, text }) => [kind, text])).toEqual([
        ['resolution', 'Refund issued.'],
        ['reopening', null],
        ['comment', 'The refund bounced.'],
        ['resolution', 'Refunded by bank transfer.'],
      ]);
      expect(supportCase.pendingEvents.map((event) => [event.type, event.actor])).toEqual([
        ['CaseReopened', 'agent-bob'],
        ['CaseCommented', 'agent-bob'],
        ['CaseResolved', 'agent-bob'],
      ]);
    });
  });

  it('keeps its order, subject and description whatever happens to it', () => {
    const supportCase = aSupportCase().forOrder('o-42').build();
    const before = supportCase.snapshot();

    supportCase.comment('note', 'agent-ada', at);
    supportCase.resolve('done', 'agent-ada', at);
    supportCase.reopen('agent-ada', later);

    const { orderId, subject, description, openedBy, openedAt } = supportCase.snapshot();
    expect({ orderId, subject, description, openedBy, openedAt }).toEqual({
      orderId: 'o-42',
      subject: before.subject,
      description: before.description,
      openedBy: before.openedBy,
      openedAt: before.openedAt,
    });
  });
});
