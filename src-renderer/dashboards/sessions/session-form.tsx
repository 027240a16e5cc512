/** The createPaymentSession form: display-unit amount, minted request IDs, inline field problems. */
import { useState } from 'react';
import { currencyExponent, displayToMinorUnits, SUPPORTED_CURRENCIES } from '../../../src-shared/money';
import { FormField } from '../../components/form-field';
import { formatAmount } from '../../format/money';
import { newRequestId } from '../../../src-shared/request-ids';
import { buildSessionBody, type SessionField, type SessionFormValues } from './session-body';

const PAYMENT_METHODS = ['CARD', 'ALIPAY_CN', 'ALIPAY_HK', 'GCASH', 'DANA', 'KAKAOPAY', 'TRUEMONEY', 'TNG', 'GRABPAY_SG', 'PAYPAY', 'BOOST', 'RABBIT_LINE_PAY'];

function amountPreview(values: SessionFormValues): string | undefined {
  try {
    return `Sent as ${formatAmount({ currency: values.currency, value: displayToMinorUnits(values.amount, values.currency) })} = value "${displayToMinorUnits(values.amount, values.currency)}" (minor units)`;
  } catch {
    return undefined;
  }
}

export function SessionForm({ values, receiverUrl, busy, onChange, onSubmit }: {
  values: SessionFormValues;
  receiverUrl: string;
  busy: boolean;
  onChange: (patch: Partial<SessionFormValues>) => void;
  onSubmit: (body: Record<string, unknown>) => void;
}) {
  // Problems show once the operator tried to send, then update live as they fix them.
  const [attempted, setAttempted] = useState(false);
  const built = buildSessionBody(values);
  const error = (field: SessionField) => (attempted ? built.errors[field] : undefined);
  const warning = (field: SessionField) => built.warnings[field];
  const exponent = currencyExponent(values.currency);

  return (
    <form
      noValidate
      aria-label="Create payment session"
      onSubmit={(event) => {
        event.preventDefault();
        setAttempted(true);
        if (built.body) onSubmit(built.body);
      }}
    >
      <div className="form-grid">
        <FormField label="Currency">
          {(p) => (
            <select {...p} value={values.currency} onChange={(e) => onChange({ currency: e.target.value })}>
              {SUPPORTED_CURRENCIES.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          )}
        </FormField>
        <FormField label="Amount" help={amountPreview(values) ?? (exponent === 0 ? `${values.currency} has no decimals` : `${values.currency} has ${exponent} decimals`)} error={error('amount')}>
          {(p) => <input {...p} inputMode="decimal" value={values.amount} onChange={(e) => onChange({ amount: e.target.value })} />}
        </FormField>
        <FormField label="paymentRequestId" error={error('paymentRequestId')} warning={warning('paymentRequestId')} help="Your idempotency key: a new one per payment.">
          {(p) => (
            <div className="row">
              <input {...p} value={values.paymentRequestId} spellCheck={false} onChange={(e) => onChange({ paymentRequestId: e.target.value })} />
              <button type="button" onClick={() => onChange({ paymentRequestId: newRequestId('PAY') })}>Regenerate</button>
            </div>
          )}
        </FormField>
        <FormField label="Reference order ID" error={error('referenceOrderId')} warning={warning('referenceOrderId')}>
          {(p) => <input {...p} value={values.referenceOrderId} spellCheck={false} onChange={(e) => onChange({ referenceOrderId: e.target.value })} />}
        </FormField>
        <FormField label="Order description" error={error('orderDescription')}>
          {(p) => <input {...p} value={values.orderDescription} onChange={(e) => onChange({ orderDescription: e.target.value })} />}
        </FormField>
        <FormField label="Payment method" error={error('paymentMethodType')} warning={warning('paymentMethodType')}>
          {(p) => (
            <select {...p} value={values.paymentMethodType} onChange={(e) => onChange({ paymentMethodType: e.target.value })}>
              {PAYMENT_METHODS.map((m) => <option key={m} value={m}>{m}</option>)}
            </select>
          )}
        </FormField>
        <FormField label="Settlement currency" error={error('settlementCurrency')} warning={warning('settlementCurrency')}>
          {(p) => (
            <select {...p} value={values.settlementCurrency} onChange={(e) => onChange({ settlementCurrency: e.target.value })}>
              {SUPPORTED_CURRENCIES.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          )}
        </FormField>
        <FormField label="Notify URL" error={error('notifyUrl')} warning={warning('notifyUrl')} help={receiverUrl ? `Default: this console's receiver (${receiverUrl}). Antom must be able to reach it (a tunnel for the Antom sandbox).` : 'The receiver is not running; leave empty to use the URL set in the Antom Dashboard.'}>
          {(p) => <input {...p} type="url" value={values.notifyUrl} spellCheck={false} onChange={(e) => onChange({ notifyUrl: e.target.value })} />}
        </FormField>
        <FormField label="Redirect URL" error={error('redirectUrl')} warning={warning('redirectUrl')} help="Where the buyer lands after paying.">
          {(p) => <input {...p} type="url" value={values.redirectUrl} spellCheck={false} onChange={(e) => onChange({ redirectUrl: e.target.value })} />}
        </FormField>
      </div>
      {values.paymentMethodType === 'CARD' ? (
        <label className="checkbox">
          <input type="checkbox" checked={values.authoriseOnly} onChange={(e) => onChange({ authoriseOnly: e.target.checked })} />
          Authorise only (capture later)
        </label>
      ) : null}
      {attempted && built.errors.form ? <p className="field-error" role="alert">{built.errors.form}</p> : null}
      {built.warnings.form ? <p className="field-warning">{built.warnings.form}</p> : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Creating…' : 'Create session'}</button>
        {attempted && !built.body ? <span className="field-error" role="alert">Fix the fields marked above; nothing was sent.</span> : null}
      </div>
    </form>
  );
}
