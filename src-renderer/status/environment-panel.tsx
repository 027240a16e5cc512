import type { AppStatus } from '../../src-shared/contract';
import { FieldList } from '../components/field-list';

/** The embedded sandbox and where this console keeps its data. */
export function EnvironmentPanel({ status }: { status: AppStatus }) {
  return (
    <section className="panel" aria-labelledby="environment-heading">
      <h2 id="environment-heading">Embedded sandbox and data</h2>
      <FieldList
        rows={[
          ['Sandbox', <span className={status.sandbox.running ? 'badge ok' : 'badge'}>{status.sandbox.running ? 'Running' : 'Not running'}</span>],
          ['Sandbox URL', status.sandbox.baseUrl ? <code>{status.sandbox.baseUrl}</code> : undefined],
          ['Data directory', <code>{status.dataDir}</code>],
          ['Console version', status.version],
        ]}
      />
      {!status.sandbox.running ? (
        <p className="notice">
          The embedded sandbox is off in this run. Start the console with <code>npm start</code> to run it, or use{' '}
          <code>npx antom-ops sandbox start</code>.
        </p>
      ) : null}
    </section>
  );
}
