/**
 * Sandbox tools for the whole sandbox: the faults it injects (list, add one, clear all) and its
 * clock (current sandbox time, advance by N minutes or hours, e.g. to let sessions expire).
 */
import { useState } from 'react';
import { ANTOM_APIS, SANDBOX_FAULT_KINDS, type AntomApiName, type SandboxFaultKind } from '../../../src-shared/vocabulary';
import { errorShapeOf } from '../../bridge/client';
import { CompactTable } from '../../components/compact-table';
import { ErrorPanel } from '../../components/error-panel';
import { FormField } from '../../components/form-field';
import { Time } from '../../components/time';
import { readClockJump, readFault } from './sandbox-tool-rules';
import { useAddSandboxFault, useAdvanceSandboxClock, useClearSandboxFaults, useSandboxClock, useSandboxFaults } from '../../queries/sandbox-tools';

const KIND_LABELS: Readonly<Record<SandboxFaultKind, string>> = {
  latency: 'Latency (slow answer)',
  http5xx: 'HTTP 5xx (gateway error, nothing applied)',
  dropAfterApply: 'Drop after apply (applied, no answer)',
  unknownException: 'U / UNKNOWN_EXCEPTION (nothing applied)',
  missingSignature: 'Missing response signature',
  wrongSignature: 'Wrong response signature',
};

function FaultTools() {
  const faults = useSandboxFaults();
  const add = useAddSandboxFault();
  const clear = useClearSandboxFaults();
  const [kind, setKind] = useState<SandboxFaultKind>('http5xx');
  const [api, setApi] = useState<AntomApiName | ''>('capture');
  const [countText, setCountText] = useState('1');
  const [latencyText, setLatencyText] = useState('2000');
  const [statusText, setStatusText] = useState('503');
  const [mode, setMode] = useState<'changedBody' | 'otherKey'>('changedBody');

  const read = readFault({ kind, api, countText, latencyText, statusText, mode });
  const errors = 'errors' in read ? read.errors : {};
  const countError = errors.count;
  const latencyError = errors.latency;
  const statusError = errors.status;
  const invalid = countError ?? latencyError ?? statusError;
  const list = faults.data ?? [];

  return (
    <section className="sandbox-tool" aria-labelledby="sandbox-fault-tools">
      <h4 id="sandbox-fault-tools">Faults</h4>
      {faults.isError ? <ErrorPanel title="Could not read the sandbox's faults" error={errorShapeOf(faults.error)} /> : null}
      {list.length === 0 ? (
        <p className="muted">No faults: the sandbox answers every request normally.</p>
      ) : (
        <div className="table-scroll">
          <CompactTable
            caption="Active faults"
            headers={['Fault', 'API', 'Left', 'What it does']}
            rows={list}
            rowKey={(_, i) => i}
            cells={(f) => [f.kind, f.api ?? 'every API', f.remaining ?? 'until cleared', f.detail]}
          />
        </div>
      )}
      <form
        className="form-grid sandbox-tool-form"
        aria-label="Add a fault"
        onSubmit={(e) => {
          e.preventDefault();
          if ('fault' in read) add.mutate({ fault: read.fault });
        }}
      >
        <FormField label="Fault kind">
          {(props) => (
            <select {...props} value={kind} onChange={(e) => setKind(e.target.value as SandboxFaultKind)}>
              {SANDBOX_FAULT_KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
            </select>
          )}
        </FormField>
        <FormField label="API">
          {(props) => (
            <select {...props} value={api} onChange={(e) => setApi(e.target.value as AntomApiName | '')}>
              <option value="">Every API</option>
              {ANTOM_APIS.map((a) => <option key={a} value={a}>{a}</option>)}
            </select>
          )}
        </FormField>
        <FormField label="Next N requests" help="Empty: every matching request until cleared." error={countError}>
          {(props) => <input {...props} inputMode="numeric" value={countText} onChange={(e) => setCountText(e.target.value)} />}
        </FormField>
        {kind === 'latency' ? (
          <FormField label="Delay (ms)" error={latencyError}>
            {(props) => <input {...props} inputMode="numeric" value={latencyText} onChange={(e) => setLatencyText(e.target.value)} />}
          </FormField>
        ) : null}
        {kind === 'http5xx' ? (
          <FormField label="HTTP status" error={statusError}>
            {(props) => <input {...props} inputMode="numeric" value={statusText} onChange={(e) => setStatusText(e.target.value)} />}
          </FormField>
        ) : null}
        {kind === 'wrongSignature' ? (
          <FormField label="Signature">
            {(props) => (
              <select {...props} value={mode} onChange={(e) => setMode(e.target.value as 'changedBody' | 'otherKey')}>
                <option value="changedBody">Over a changed body</option>
                <option value="otherKey">Made with another key</option>
              </select>
            )}
          </FormField>
        ) : null}
        <div className="sandbox-tool-submit row">
          <button type="submit" className="primary" disabled={add.isPending || invalid !== undefined} title={invalid}>Add fault</button>
          <button type="button" disabled={clear.isPending || list.length === 0} title={list.length === 0 ? 'There are no faults to clear.' : undefined} onClick={() => clear.mutate()}>Clear all faults</button>
        </div>
      </form>
      {add.isError ? <ErrorPanel title="The fault was not added" error={errorShapeOf(add.error)} /> : null}
      {clear.isError ? <ErrorPanel title="The faults were not cleared" error={errorShapeOf(clear.error)} /> : null}
    </section>
  );
}

function ClockTools() {
  const clock = useSandboxClock();
  const advance = useAdvanceSandboxClock();
  const [amountText, setAmountText] = useState('60');
  const [unit, setUnit] = useState<'minutes' | 'hours'>('minutes');
  const jump = readClockJump(amountText, unit);
  const amountError = 'error' in jump ? jump.error : undefined;
  const shown = advance.data ?? clock.data;

  return (
    <section className="sandbox-tool" aria-labelledby="sandbox-clock-tools">
      <h4 id="sandbox-clock-tools">Clock</h4>
      {clock.isError ? <ErrorPanel title="Could not read the sandbox clock" error={errorShapeOf(clock.error)} /> : null}
      <p role="status" aria-label="Sandbox time">
        Sandbox time: {shown ? <Time value={shown.now} /> : '…'}
        {shown && shown.offsetMs > 0 ? <span className="muted"> ({Math.round(shown.offsetMs / 60_000)} min ahead of this computer)</span> : null}
      </p>
      <form
        className="form-grid sandbox-tool-form"
        aria-label="Advance the sandbox clock"
        onSubmit={(e) => {
          e.preventDefault();
          if (!('error' in jump)) advance.mutate(jump);
        }}
      >
        <FormField label="Advance by" error={amountError} help="Runs whatever became due: session expiry, PROCESSING results, notification resends.">
          {(props) => <input {...props} inputMode="numeric" value={amountText} onChange={(e) => setAmountText(e.target.value)} />}
        </FormField>
        <FormField label="Unit">
          {(props) => (
            <select {...props} value={unit} onChange={(e) => setUnit(e.target.value as 'minutes' | 'hours')}>
              <option value="minutes">minutes</option>
              <option value="hours">hours</option>
            </select>
          )}
        </FormField>
        <div className="sandbox-tool-submit">
          <button type="submit" disabled={advance.isPending || amountError !== undefined} title={amountError}>Advance clock</button>
        </div>
      </form>
      {advance.isError ? <ErrorPanel title="The sandbox clock did not move" error={errorShapeOf(advance.error)} /> : null}
    </section>
  );
}

export function SandboxFaultsAndClock() {
  return (
    <>
      <FaultTools />
      <ClockTools />
    </>
  );
}
