import { useState } from 'preact/hooks';
import { useSessionForApi } from './api';
import { CasePage } from './cases';
import { FraudQueue } from './fraud-queue';
import { Lookup } from './lookup';
import { OrderPage } from './order-page';
import { can, homeOf, Screen } from './roles';
import { go, useRoute } from './route';
import { loadSession, saveSession, Session } from './session';
import { SignIn } from './sign-in';
import { Warehouse } from './warehouse';

const navigation: readonly { screen: Screen; href: string; label: string }[] = [
  { screen: 'lookup', href: '#/lookup', label: 'Orders' },
  { screen: 'fraud', href: '#/fraud', label: 'Fraud reviews' },
  { screen: 'warehouse', href: '#/warehouse', label: 'Warehouse' },
];

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const route = useRoute();
  useSessionForApi(session);

  if (!session) {
    return (
      <SignIn
        onSignedIn={(signedIn) => {
          saveSession(signedIn);
          setSession(signedIn);
          go(homeOf(signedIn.role).slice(1));
        }}
      />
    );
  }
  const signOut = () => {
    saveSession(null);
    setSession(null);
  };
  return (
    <>
      <a href="#main" class="skip">
        Skip to content
      </a>
      <header>
        <span class="brand">Bazaar back office</span>
        <nav aria-label="Screens">
          {navigation
            .filter((item) => can(session.role, item.screen))
            .map((item) => (
              <a key={item.href} href={item.href} aria-current={`#/${route[0] ?? ''}` === item.href ? 'page' : undefined}>
                {item.label}
              </a>
            ))}
        </nav>
        <span class="who" data-testid="signed-in-as">
          {session.role} ({session.subject}){session.token ? '' : ', no token'}
        </span>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <Page session={session} route={route} />
    </>
  );
}

function Page({ session, route }: { session: Session; route: string[] }) {
  const [screen, id] = route;
  const { role } = session;
  if (screen === 'orders' && id && can(role, 'lookup')) return <OrderPage orderId={id} role={role} />;
  if (screen === 'orders' && id && can(role, 'warehouse')) return <Warehouse orderId={id} />;
  if (screen === 'cases' && id && can(role, 'cases')) return <CasePage caseId={id} />;
  if (screen === 'fraud' && can(role, 'fraud')) return <FraudQueue />;
  if (screen === 'warehouse' && can(role, 'warehouse')) return <Warehouse orderId={id} />;
  if (screen === 'lookup' && can(role, 'lookup')) {
    return (
      <main id="main">
        <Lookup />
      </main>
    );
  }
  return (
    <main id="main">
      <p>{can(role, 'lookup') || can(role, 'warehouse') ? 'Choose a screen above.' : `The ${role} role has no screen in the back office.`}</p>
    </main>
  );
}
