/**
 * Defend a dispute: pick a document, see what will be sent (name, type, size, and a preview of
 * text and images), confirm, send with supplyDefenseDocument. Antom takes one defense per
 * dispute, so nothing leaves the console before the confirmation; production asks for the
 * disputeId typed out.
 */
import { useId, useState } from 'react';
import type { CallOutcome } from '../../../src-shared/call-outcome';
import { errorShapeOf } from '../../bridge/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorPanel } from '../../components/error-panel';
import { useSupplyDefenseDocument } from '../../queries/disputes';
import { formatBytes, MAX_EVIDENCE_BYTES, readDocument, type ChosenDocument } from './evidence-file';

/** `onOutcome` receives Antom's answer: the parent shows it, since a successful defense closes this form. */
export function DefenseForm({ disputeId, production, onOutcome }: { disputeId: string; production: boolean; onOutcome: (outcome: CallOutcome<unknown>) => void }) {
  const supply = useSupplyDefenseDocument();
  const inputId = useId();
  const [doc, setDoc] = useState<ChosenDocument | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);

  const choose = async (file: File | undefined) => {
    setDoc(undefined);
    setProblem(undefined);
    if (!file) return;
    if (file.size === 0) return setProblem(`${file.name} is empty.`);
    if (file.size > MAX_EVIDENCE_BYTES) {
      return setProblem(`${file.name} is ${formatBytes(file.size)}; Antom takes at most ${formatBytes(MAX_EVIDENCE_BYTES)} (1,000,000 Base64 characters). Compress it or split the proof and send the most important part.`);
    }
    try {
      setDoc(await readDocument(file));
    } catch (error) {
      setProblem(`${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <div className="defense-form">
      <h4>Defend with a document</h4>
      <p className="muted small">Antom takes one defense per dispute: put all your proof (receipt, delivery tracking, correspondence) in one document. Download the template below for what to include.</p>
      <div className="field">
        <label htmlFor={inputId}>Defense document</label>
        <input id={inputId} type="file" accept=".pdf,.jpg,.jpeg,.png,.doc,.docx,.zip,.txt" onChange={(e) => void choose(e.target.files?.[0])} disabled={supply.isPending} />
        <p className="field-help">PDF, JPG, Word or ZIP, at most {formatBytes(MAX_EVIDENCE_BYTES)}.</p>
        {problem ? <p className="field-error" role="alert">{problem}</p> : null}
      </div>
      {doc ? (
        <div className="document-preview" role="group" aria-label="Document to send">
          <dl className="field-list">
            <div className="field-row"><dt>File</dt><dd><code>{doc.name}</code></dd></div>
            <div className="field-row"><dt>Type</dt><dd>{doc.type}{doc.antomFormat ? ` (${doc.antomFormat})` : ''}</dd></div>
            <div className="field-row"><dt>Size</dt><dd>{formatBytes(doc.size)} ({doc.base64.length.toLocaleString()} Base64 characters)</dd></div>
          </dl>
          {doc.antomFormat ? null : <p className="warning" role="note">Antom names PDF, JPG, Word and ZIP as evidence formats; a {doc.type} file may not be readable by the card scheme.</p>}
          {doc.preview.kind === 'image' ? <img className="evidence-image" src={doc.preview.dataUrl} alt={`Preview of ${doc.name}`} /> : null}
          {doc.preview.kind === 'text' ? (
            <pre className="evidence-text" aria-label={`Preview of ${doc.name}`}>{doc.preview.text}{doc.preview.truncated ? '\n…' : ''}</pre>
          ) : null}
          {doc.preview.kind === 'none' ? <p className="muted small">No preview for this type; open the file on your computer to check it before sending.</p> : null}
          <button type="button" className="primary" disabled={supply.isPending} onClick={() => setConfirming(true)}>Send defense…</button>
        </div>
      ) : null}
      <ConfirmDialog
        open={confirming && doc !== undefined}
        title="Send this defense?"
        confirmLabel="Send defense"
        busy={supply.isPending}
        requireTyping={production ? { expected: disputeId, label: `Production: type the disputeId ${disputeId} to confirm` } : undefined}
        onCancel={() => setConfirming(false)}
        onConfirm={(typed) => {
          setConfirming(false);
          if (!doc) return;
          supply.mutate({ disputeId, disputeEvidence: doc.base64, ...(typed ? { confirmation: typed } : {}) }, { onSuccess: onOutcome });
        }}
      >
        <p>Send <code>{doc?.name}</code> ({doc ? formatBytes(doc.size) : ''}) as the defense of dispute <code>{disputeId}</code>? Antom takes one defense per dispute; it cannot be replaced afterwards.</p>
      </ConfirmDialog>
      {supply.isError ? <ErrorPanel title="The defense was not sent" error={errorShapeOf(supply.error)} /> : null}
    </div>
  );
}
