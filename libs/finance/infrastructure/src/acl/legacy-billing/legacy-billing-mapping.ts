import { LegacyReturnCodes } from './legacy-errors';
import { legacyReference, SUBSCRIPTION_FEE_CHARGE_CODE } from './legacy-terms';

/** One line of the ACL's translation between Finance's words and the legacy billing system's. */
export interface LegacyBillingMapping {
  readonly financeTerm: string;
  readonly legacyTerm: string;
  readonly transformation: string;
  readonly errorCase: string;
  /** Who owns the term on Finance's side: the code that carries it out. */
  readonly owner: string;
}

const example = '00000000-0000-4000-8000-000000000001';
const rc = (name: keyof typeof LegacyReturnCodes) => `RC ${LegacyReturnCodes[name]} ${name}`;

/**
 * The mapping table, declared beside the code that carries it out; docs/legacy-billing-acl.md is
 * rendered from it (`npm run docs`), and a spec fails when the two differ.
 */
export const legacyBillingMappings: readonly LegacyBillingMapping[] = [
  {
    financeTerm: 'BillingAccountOpened (a seller’s billing account)',
    legacyTerm: 'Account (`POST /api/v1/accounts`: EXTREF, NAME, PAYREF → ACCNO)',
    transformation: `EXTREF = \`${legacyReference.account(example)}\` (the billing account id without dashes); NAME = the billing party (60 chars); PAYREF = the payment method reference`,
    errorCase: `${rc('FIELD_MISSING')} → rejected \`books_of_record_request_invalid\`; 5xx, ${rc('SYSTEM_ERROR')}, ${rc('MAINTENANCE')}, timeout → retried after a lookup by EXTREF`,
    owner: 'LegacyBillingQueue (`toLegacyRequests`), LegacyBillingDispatcher',
  },
  {
    financeTerm: 'SubscriptionStarted',
    legacyTerm: 'CreateContract (`POST /api/v1/contracts`: ACCNO, EXTREF, PRODUCT, START → CONTRNO)',
    transformation: `ACCNO = the seller’s Account; EXTREF = \`${legacyReference.contract(example)}\`; PRODUCT = the plan upper-cased (12 chars); START = the first period’s start as \`DD.MM.YYYY HH:mm\` UTC`,
    errorCase: `${rc('ACCOUNT_UNKNOWN')} → not yet: retried; ${rc('MAINTENANCE')} and failures → retried after a lookup by EXTREF`,
    owner: 'LegacyBillingQueue, LegacyBillingDispatcher',
  },
  {
    financeTerm: 'SubscriptionRenewed, SubscriptionCancelled',
    legacyTerm: '— (nothing)',
    transformation: 'a renewal’s invoice is what is posted; a cancelled subscription issues no more invoices',
    errorCase: '—',
    owner: 'LegacyBillingQueue',
  },
  {
    financeTerm: 'SellerInvoiceIssued: each invoice line',
    legacyTerm: `charge posting (\`POST /api/v1/charges\`: CONTRNO, CHGCODE, AMOUNT, CURR, VALDATE, TEXT → CHGNO, STATUS RECEIVED) with ChargeCode \`${SUBSCRIPTION_FEE_CHARGE_CODE}\``,
    transformation: `CONTRNO = the subscription’s Contract; AMOUNT = minor units as a two-place decimal (2900 → "29.00"; currencies with other minor units refused); VALDATE = the period start; TEXT = \`${legacyReference.charge(example, 1)}\` (unique per line)`,
    errorCase: `${rc('CONTRACT_UNKNOWN')} → not yet: retried; ${rc('CHARGE_CODE_UNKNOWN')} → rejected \`line_kind_not_bookable\`; ${rc('AMOUNT_FORMAT')} → rejected \`amount_not_supported\`; failures → retried after a lookup by TEXT, never posted twice`,
    owner: 'LegacyBillingQueue, LegacyBillingDispatcher',
  },
  {
    financeTerm: 'InvoiceLineRecorded (the line is in the books of record)',
    legacyTerm: 'ChargePosted (`GET /api/v1/journal?OFFSET=&LIMIT=`: EVT CHARGE_POSTED, CHGNO, TEXT, POSTED), or a charge found with STATUS POSTED',
    transformation: 'TEXT → the invoice line; CHGNO → the external reference; POSTED `DD.MM.YYYY HH:mm` → the recording time (UTC)',
    errorCase: 'a duplicate confirmation changes nothing; a TEXT not ours is ignored; two CHGNOs for one line are logged as an error',
    owner: 'LegacyBillingConfirmations → RecordInvoiceLineHandler',
  },
  {
    financeTerm: 'books of record unavailable',
    legacyTerm: `HTTP 5xx, ${rc('SYSTEM_ERROR')}, ${rc('MAINTENANCE')}, no answer within the timeout`,
    transformation: 'the request stays queued (`sent`), next attempt after a doubling backoff, preceded by a lookup by reference',
    errorCase: 'never lost (the queue row commits with the business change); never posted twice (lookup before every re-send)',
    owner: 'LegacyBillingDispatcher (`outcomeOf`)',
  },
];

/** The table as Markdown. */
export function renderLegacyBillingMappings(mappings: readonly LegacyBillingMapping[] = legacyBillingMappings): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return [
    '| Finance term | legacy term | transformation | error case | owner |',
    '|---|---|---|---|---|',
    ...mappings.map((m) => `| ${[m.financeTerm, m.legacyTerm, m.transformation, m.errorCase, m.owner].map(cell).join(' | ')} |`),
  ].join('\n');
}

export const mappingMarkers = { start: '<!-- legacy-billing-mapping:start -->', end: '<!-- legacy-billing-mapping:end -->' } as const;

/** The document with the table between its markers replaced. */
export function withLegacyBillingMappings(document: string): string {
  const start = document.indexOf(mappingMarkers.start);
  const end = document.indexOf(mappingMarkers.end);
  if (start < 0 || end < start) throw new Error(`docs/legacy-billing-acl.md needs the markers ${mappingMarkers.start} … ${mappingMarkers.end}`);
  return `${document.slice(0, start + mappingMarkers.start.length)}\n${renderLegacyBillingMappings()}\n${document.slice(end)}`;
}
