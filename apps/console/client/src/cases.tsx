import { useState } from 'preact/hooks';
import { call } from './api';
import { when } from './format';
import { usePoll } from './poll';
import { go } from './route';
import { Badge, ErrorNote, Section, useAction } from './ui';

export interface CaseSummary {
  readonly caseId: string;
  readonly subject: string;
  readonly status: string;
  readonly openedBy: string;
  readonly openedAt: string;
  readonly lastActivityAt: string;
}

interface CaseDetails extends CaseSummary {
  readonly orderId: string;
  readonly description: string;
  readonly entries: readonly { kind: string; actor: string; at: string; text: string | null }[];
}

/** The order's cases, and a form to open one. */
export function CasesPanel({
  orderId,
  cases,
  knownToSupport,
  onChange,
}: {
  orderId: string;
  cases: readonly CaseSummary[];
  knownToSupport: boolean;
  onChange: () => Promise<void>;
}) {
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const { busy, error, run } = useAction(onChange);
  const open = async (event: Event) => {
    event.preventDefault();
    let caseId: string | undefined;
    const opened = await run(async () => {
      const answer = await call<{ caseId: string }>('support', '/cases', { method: 'POST', body: { orderId, subject, description } });
      caseId = answer.ok ? answer.body.caseId : undefined;
      return answer;
    });
    if (opened && caseId) go(`/cases/${caseId}`);
  };
  return (
    <Section title="Support cases" id="cases">
      {cases.length === 0 ? (
        <p>No case about this order.</p>
      ) : (
        <ul class="cases">
          {cases.map((summary) => (
            <li key={summary.caseId}>
              <a href={`#/cases/${summary.caseId}`}>{summary.subject}</a> <Badge value={summary.status} /> opened by {summary.openedBy} {when(summary.openedAt)}
            </li>
          ))}
        </ul>
      )}
      {knownToSupport && (
        <form onSubmit={open} class="stacked-form" aria-label="Open a case">
          <h3>Open a case</h3>
          <label for="case-subject">Subject</label>
          <input id="case-subject" required maxLength={200} value={subject} onInput={(event) => setSubject((event.target as HTMLInputElement).value)} />
          <label for="case-description">Description</label>
          <textarea id="case-description" required maxLength={5000} rows={3} value={description} onInput={(event) => setDescription((event.target as HTMLTextAreaElement).value)} />
          <button type="submit" disabled={busy}>
            Open case
          </button>
          <ErrorNote message={error} />
        </form>
      )}
    </Section>
  );
}

/** One case: its history, and what can be done next (comment and resolve while open, reopen once resolved). */
export function CasePage({ caseId }: { caseId: string }) {
  const { data, error, reload } = usePoll(() => call<CaseDetails>('support', `/cases/${caseId}`), [caseId]);
  const [comment, setComment] = useState('');
  const [resolution, setResolution] = useState('');
  const action = useAction(reload);
  if (!data) return <main id="main">{error ? <ErrorNote message={error} /> : <p aria-busy="true">Loading case…</p>}</main>;
  if (!data.ok)
    return (
      <main id="main">
        <ErrorNote message={`Case ${caseId} is not available (${data.status})`} />
      </main>
    );
  const supportCase = data.body;
  const post = (path: string, body: unknown) => action.run(() => call('support', `/cases/${caseId}/${path}`, { method: 'POST', body }));
  return (
    <main id="main" class="case">
      <h1>{supportCase.subject}</h1>
      <p>
        <Badge value={supportCase.status} testId="case-status" /> about order <a href={`#/orders/${supportCase.orderId}`}>{supportCase.orderId}</a>, opened by{' '}
        {supportCase.openedBy} {when(supportCase.openedAt)}
      </p>
      <p class="description">{supportCase.description}</p>
      <Section title="History" id="history">
        {supportCase.entries.length === 0 ? (
          <p>Nothing since it was opened.</p>
        ) : (
          <ol class="history" data-testid="case-history">
            {supportCase.entries.map((entry, index) => (
              <li key={index}>
                <strong>{entry.kind}</strong> by {entry.actor}, <time dateTime={entry.at}>{when(entry.at)}</time>
                {entry.text && <blockquote>{entry.text}</blockquote>}
              </li>
            ))}
          </ol>
        )}
      </Section>
      <ErrorNote message={action.error} />
      {supportCase.status === 'open' ? (
        <>
          <form
            class="stacked-form"
            aria-label="Add a comment"
            onSubmit={async (event) => {
              event.preventDefault();
              if (await post('comments', { body: comment })) setComment('');
            }}
          >
            <label for="case-comment">Comment</label>
            <textarea id="case-comment" required maxLength={5000} rows={3} value={comment} onInput={(event) => setComment((event.target as HTMLTextAreaElement).value)} />
            <button type="submit" disabled={action.busy}>
              Add comment
            </button>
          </form>
          <form
            class="stacked-form"
            aria-label="Resolve the case"
            onSubmit={async (event) => {
              event.preventDefault();
              if (await post('resolve', { resolution })) setResolution('');
            }}
          >
            <label for="case-resolution">Resolution</label>
            <textarea id="case-resolution" required maxLength={2000} rows={2} value={resolution} onInput={(event) => setResolution((event.target as HTMLTextAreaElement).value)} />
            <button type="submit" disabled={action.busy}>
              Resolve case
            </button>
          </form>
        </>
      ) : (
        <button type="button" disabled={action.busy} onClick={() => void post('reopen', {})}>
          Reopen case
        </button>
      )}
    </main>
  );
}
