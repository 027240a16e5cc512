import type { KeychainStatus } from '../../src-shared/contract';
import { ErrorPanel } from '../components/error-panel';
import { FieldList } from '../components/field-list';

export function KeychainPanel({ keychain }: { keychain: KeychainStatus }) {
  return (
    <section className="panel" aria-labelledby="keychain-heading">
      <h2 id="keychain-heading">Keychain</h2>
      <FieldList
        rows={[
          ['Backend', keychain.backend === 'os-keychain' ? 'OS keychain' : 'Session memory'],
          ['Status', <span className={keychain.available ? 'badge ok' : 'badge bad'}>{keychain.available ? 'Available' : 'Unavailable'}</span>],
          ['Details', keychain.description],
        ]}
      />
      {keychain.backend === 'session-memory' ? (
        <p className="notice">Private keys are held in memory only and are forgotten when the console exits. Nothing is written to disk.</p>
      ) : null}
      {keychain.error ? <ErrorPanel title="Why the keychain is unavailable" error={keychain.error} /> : null}
    </section>
  );
}
