/**
 * A labelled form field with help, error and warning lines wired to the control through
 * aria-describedby / aria-invalid. The control is a render prop so any input/select fits.
 */
import { useId, type ReactNode } from 'react';

interface ControlProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

export function FormField({ label, help, error, warning, children, className }: { label: string; help?: ReactNode; error?: string | undefined; warning?: string | undefined; children: (props: ControlProps) => ReactNode; className?: string }) {
  const id = useId();
  const described = [help ? `${id}-help` : '', error ? `${id}-error` : '', warning ? `${id}-warning` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined })}
      {help ? <p className="field-help" id={`${id}-help`}>{help}</p> : null}
      {error ? <p className="field-error" id={`${id}-error`}>{error}</p> : null}
      {warning ? <p className="field-warning" id={`${id}-warning`}>{warning}</p> : null}
    </div>
  );
}
