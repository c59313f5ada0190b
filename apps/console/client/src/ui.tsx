import { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Answer, explain } from './api';

export function Section({ title, children, id }: { title: string; children: ComponentChildren; id?: string }) {
  const headingId = `${id ?? title.toLowerCase().replace(/\W+/g, '-')}-heading`;
  return (
    <section aria-labelledby={headingId} class="panel">
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

/** A status as a labelled badge (text, not only colour). */
export function Badge({ value, testId }: { value: string; testId?: string }) {
  return (
    <span class={`badge badge-${value.replace(/[^a-z]/gi, '-')}`} data-testid={testId}>
      {value.replace(/_/g, ' ')}
    </span>
  );
}

export function ErrorNote({ message }: { message: string | undefined }) {
  return message ? (
    <p role="alert" class="error">
      {message}
    </p>
  ) : null;
}

/**
 * Runs an action (a POST to a service), shows its refusal if it is refused, and tells the screen to
 * reload when it succeeds. Buttons are disabled while it runs, so a double click sends one request.
 */
export function useAction(onDone: () => Promise<void> | void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const run = async (action: () => Promise<Answer<unknown>>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await action();
      if (!answer.ok) {
        setError(explain(answer));
        return false;
      }
      await onDone();
      return true;
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
