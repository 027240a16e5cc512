/**
 * Opens any payment in Captures by an ID the operator has: a paid payment (to refund) is not in
 * the "awaiting capture" table, so the page needs a way in that does not go through Payments.
 */
import { useState } from 'react';
import { navigate } from '../../app/router';

export function OpenByIdForm({ current }: { current: string | undefined }) {
  const [text, setText] = useState(current ?? '');
  return (
    <form
      className="row find-form"
      role="search"
      aria-label="Open a payment in Captures"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) navigate('captures', { id: text.trim() });
      }}
    >
      <label htmlFor="captures-open-input">Open a payment by paymentRequestId or paymentId</label>
      <input id="captures-open-input" value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} maxLength={64} size={32} />
      <button type="submit">Open</button>
    </form>
  );
}
