/**
 * A modal confirmation on the native <dialog> (focus trapped, Escape cancels). With
 * `requireTyping` the confirm button stays disabled until the operator types the expected text:
 * production captures/refunds ask for the amount, cancels for CANCEL.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface TypedConfirmation {
  /** Shown in the label: "Type 40.00 to confirm". */
  expected: string;
  label?: string;
  /** Defaults to an exact match after trimming. */
  matches?: (typed: string) => boolean;
}

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  busy?: boolean;
  requireTyping?: TypedConfirmation;
  /** Receives what was typed (undefined without requireTyping) so it can be sent as `confirmation`. */
  onConfirm: (typed: string | undefined) => void;
  onCancel: () => void;
}

export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel = 'Go back', danger, busy, requireTyping, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const inputId = useId();
  const [typed, setTyped] = useState('');

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setTyped('');
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  const typedOk = !requireTyping || (requireTyping.matches ? requireTyping.matches(typed) : typed.trim() === requireTyping.expected);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (typedOk && !busy) onConfirm(requireTyping ? typed.trim() : undefined);
        }}
      >
        <h3 id={titleId}>{title}</h3>
        {children ? <div className="confirm-body">{children}</div> : null}
        {requireTyping ? (
          <div className="field">
            <label htmlFor={inputId}>{requireTyping.label ?? `Type ${requireTyping.expected} to confirm`}</label>
            <input id={inputId} autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus />
          </div>
        ) : null}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel} disabled={busy}>
            {cancelLabel}
          </button>
          <button type="submit" className={danger ? 'danger' : 'primary'} disabled={!typedOk || busy} autoFocus={!requireTyping}>
            {busy ? 'Working…' : confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
