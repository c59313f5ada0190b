import { useState } from 'preact/hooks';
import { Role, roles } from './roles';
import { Session, signIn } from './session';
import { ErrorNote } from './ui';

const describe: Record<Role, string> = {
  support: 'order lookup and support cases',
  'risk-analyst': 'the fraud-review queue and order lookup',
  warehouse: 'stock and shipments',
  finance: 'order lookup with ledger entries and invoices',
  admin: 'everything',
  buyer: 'nothing here (buyers use the shop)',
  seller: 'nothing here (sellers use their own portal)',
};

/** Local sign-in: pick a role; the console server hands out a development token for it when the stack has an issuer. */
export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [role, setRole] = useState<Role>('support');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      onSignedIn(await signIn(role));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="sign-in">
      <h1>Bazaar back office</h1>
      <form onSubmit={submit}>
        <fieldset>
          <legend>Sign in as</legend>
          {roles.map((candidate) => (
            <label key={candidate} class="choice">
              <input type="radio" name="role" value={candidate} checked={role === candidate} onChange={() => setRole(candidate)} />
              <span>
                <strong>{candidate}</strong> — {describe[candidate]}
              </span>
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={busy}>
          Sign in
        </button>
        <ErrorNote message={error} />
      </form>
    </main>
  );
}
