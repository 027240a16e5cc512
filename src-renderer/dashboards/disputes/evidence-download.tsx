/** Download the pre-filled evidence template, or the defense document Antom holds (downloadDisputeEvidence). */
import { useState } from 'react';
import type { CallOutcome } from '../../../src-shared/call-outcome';
import type { OperationInput } from '../../../src-shared/contract';
import { errorShapeOf } from '../../bridge/client';
import { ErrorPanel } from '../../components/error-panel';
import { OutcomeView } from '../../components/outcome-view';
import { useDownloadDisputeEvidence } from '../../queries/disputes';
import { saveEvidence } from './evidence-file';

type EvidenceType = OperationInput<'downloadDisputeEvidence'>['disputeEvidenceType'];

export function EvidenceDownload({ disputeId, defenseSupplied }: { disputeId: string; defenseSupplied: boolean }) {
  const download = useDownloadDisputeEvidence();
  const [saved, setSaved] = useState<string | undefined>();
  const [failed, setFailed] = useState<CallOutcome<unknown> | undefined>();

  const run = (type: EvidenceType) => {
    setSaved(undefined);
    setFailed(undefined);
    download.mutate({ disputeId, disputeEvidenceType: type }, {
      onSuccess: (outcome) => {
        const response = outcome.response as { disputeEvidence?: unknown; disputeEvidenceFormat?: unknown } | undefined;
        if (outcome.resultStatus !== 'S' || typeof response?.disputeEvidence !== 'string') return setFailed(outcome);
        const format = typeof response.disputeEvidenceFormat === 'string' ? response.disputeEvidenceFormat : undefined;
        setSaved(saveEvidence(response.disputeEvidence, format, `${disputeId}-${type === 'DISPUTE_EVIDENCE_TEMPLATE' ? 'template' : 'defense'}`));
      },
    });
  };

  return (
    <div className="evidence-download">
      <h4>Evidence</h4>
      <div className="button-row">
        <button type="button" disabled={download.isPending} onClick={() => run('DISPUTE_EVIDENCE_TEMPLATE')}>Download evidence template</button>
        <button type="button" disabled={download.isPending || !defenseSupplied} title={defenseSupplied ? undefined : 'No defense document was uploaded yet'} onClick={() => run('DISPUTE_EVIDENCE_FILE')}>Download uploaded defense</button>
      </div>
      {saved ? <p className="muted small" role="status">Saved <code>{saved}</code>.</p> : null}
      {download.isError ? <ErrorPanel title="The evidence could not be downloaded" error={errorShapeOf(download.error)} /> : null}
      {failed ? <OutcomeView outcome={failed} title="Download result" showRequest={false} /> : null}
    </div>
  );
}
