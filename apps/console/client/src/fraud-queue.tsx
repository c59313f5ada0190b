import { useState } from 'preact/hooks';
import { call } from './api';
import { money, Money, when } from './format';
import { usePoll } from './poll';
import { ErrorNote, Section, useAction } from './ui';

interface PendingReview {
  readonly orderId: string;
  readonly buyerId: string;
  readonly total: Money;
  readonly score: number;
  readonly reasons: readonly string[];
  readonly requestedAt: string;
}

/** Orders waiting for a risk analyst, oldest first; each is approved or rejected with a reason. */
export function FraudQueue() {
  const { data, error, reload } = usePoll(() => call<{ reviews: PendingReview[] }>('checkout', '/fraud-reviews?status=pending'), []);
  return (
    <main id="main">
      <h1>Fraud reviews</h1>
      <ErrorNote message={error} />
      {data && !data.ok && <ErrorNote message={`The queue is not available (${data.status})`} />}
      {data?.ok && data.body.reviews.length === 0 && <p>No order is waiting for a review.</p>}
      {data?.ok && data.body.reviews.map((review) => <Review key={review.orderId} review={review} onDone={reload} />)}
    </main>
  );
}

function Review({ review, onDone }: { review: PendingReview; onDone: () => Promise<void> }) {
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction(onDone);
  const decide = (decision: 'approve' | 'reject') =>
    run(() => call('checkout', `/fraud-reviews/${review.orderId}/${decision}`, { method: 'POST', body: { reason: reason.trim() } }));
  const id = `reason-${review.orderId}`;
  return (
    <Section title={`Order ${review.orderId}`} id={`review-${review.orderId}`}>
      <p>
        <a href={`#/orders/${review.orderId}`}>Open the order</a> — buyer {review.buyerId}, {money(review.total)}, score {review.score} ({review.reasons.join(', ')}), waiting since{' '}
        {when(review.requestedAt)}
      </p>
      <form class="stacked-form" aria-label={`Decide on order ${review.orderId}`} onSubmit={(event) => event.preventDefault()}>
        <label for={id}>Reason</label>
        <input id={id} required maxLength={500} value={reason} onInput={(event) => setReason((event.target as HTMLInputElement).value)} />
        <div class="buttons">
          <button type="button" disabled={busy || reason.trim() === ''} onClick={() => void decide('approve')}>
            Approve
          </button>
          <button type="button" class="danger" disabled={busy || reason.trim() === ''} onClick={() => void decide('reject')}>
            Reject
          </button>
        </div>
        <ErrorNote message={error} />
      </form>
    </Section>
  );
}
