import { CopyButton } from './copy-button';

/** Preformatted text (JSON, content to sign, headers) with a copy button. */
export function CodeBlock({ text, label, copyLabel, className }: { text: string; label?: string; copyLabel?: string; className?: string }) {
  return (
    <figure className={`code-block${className ? ` ${className}` : ''}`}>
      {label ? (
        <figcaption>
          <span>{label}</span>
          <CopyButton text={text} label={copyLabel ?? (label ? `Copy ${label.toLowerCase()}` : 'Copy')} />
        </figcaption>
      ) : (
        <div className="code-block-actions">
          <CopyButton text={text} label={copyLabel} />
        </div>
      )}
      <pre tabIndex={0} aria-label={label}>
        <code>{text}</code>
      </pre>
    </figure>
  );
}
