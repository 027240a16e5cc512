/** Create a profile: environment, region (base URL for CUSTOM), client-id, key version, Antom public key, notify URL, read-only. */
import { useId, useState, type FormEvent } from 'react';
import type { Environment, Region } from '../../../src-shared/contract';
import { errorShapeOf } from '../../bridge/client';
import { ErrorPanel } from '../../components/error-panel';
import { useCreateProfile } from '../../queries/profiles';
import { profileFormState } from './profile-form-state';

const REGIONS: ReadonlyArray<readonly [Region, string]> = [
  ['SG', 'Asia (open-sea-global.alipay.com)'],
  ['NA', 'North America, non-US merchants (open-na-global.alipay.com)'],
  ['US', 'US merchants (open.antglobal-us.com)'],
  ['EU', 'Europe (open-de-global.alipay.com)'],
  ['CUSTOM', 'Custom base URL'],
  ['LOCAL', 'Local (embedded sandbox)'],
];

export function CreateProfileForm() {
  const id = useId();
  const create = useCreateProfile();
  const [name, setName] = useState('');
  const [environment, setEnvironment] = useState<Environment>('sandbox');
  const [region, setRegion] = useState<Region>('SG');
  const [baseUrl, setBaseUrl] = useState('');
  const [clientId, setClientId] = useState('');
  const [keyVersion, setKeyVersion] = useState('');
  const [antomPublicKey, setAntomPublicKey] = useState('');
  const [notifyUrl, setNotifyUrl] = useState('');
  const [readOnly, setReadOnly] = useState(false);

  // The same rules main applies (src-shared/profile-rules.ts): ready only when main would accept.
  const { input, ready, errors, warnings } = profileFormState({ name, environment, region, baseUrl, clientId, keyVersion, antomPublicKey, notifyUrl, readOnly });
  const { name: nameError, keyVersion: versionError, baseUrl: baseUrlError, clientId: clientIdError, region: regionError, notifyUrl: notifyUrlError } = errors;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    create.mutate(input, {
      onSuccess: () => {
        setName('');
        setClientId('');
        setAntomPublicKey('');
        setNotifyUrl('');
        setBaseUrl('');
        setKeyVersion('');
      },
    });
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Create a profile</h3>
      <form onSubmit={submit} aria-label="Create a profile">
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-name`}>Profile name</label>
            <input id={`${id}-name`} value={name} aria-invalid={nameError ? true : undefined} onChange={(e) => setName(e.target.value)} placeholder="Acme SG sandbox" />
            {nameError ? <p className="field-error">{nameError}</p> : null}
          </div>
          <div className="field">
            <label htmlFor={`${id}-env`}>Environment</label>
            <select id={`${id}-env`} value={environment} onChange={(e) => {
              const next = e.target.value as Environment;
              setEnvironment(next);
              if (next === 'embedded') setRegion('LOCAL');
              else if (region === 'LOCAL') setRegion('SG');
            }}>
              <option value="embedded">Embedded sandbox (local simulator)</option>
              <option value="sandbox">Antom sandbox</option>
              <option value="production">Production</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-region`}>Region</label>
            <select id={`${id}-region`} value={region} onChange={(e) => setRegion(e.target.value as Region)}>
              {REGIONS.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
            </select>
            {regionError ? <p className="field-error">{regionError}</p> : null}
          </div>
          {region === 'CUSTOM' ? (
            <div className="field">
              <label htmlFor={`${id}-base`}>Base URL</label>
              <input id={`${id}-base`} type="url" value={baseUrl} aria-invalid={baseUrlError ? true : undefined} onChange={(e) => setBaseUrl(e.target.value)} placeholder="https://open-sea-global.alipay.com" />
              {baseUrlError ? <p className="field-error">{baseUrlError}</p> : null}
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={`${id}-client`}>Client ID</label>
            <input id={`${id}-client`} value={clientId} aria-invalid={clientIdError ? true : undefined} onChange={(e) => setClientId(e.target.value)} placeholder="SANDBOX_5YEZ2N2ZR0X004568" />
            {clientIdError ? <p className="field-error">{clientIdError}</p> : null}
          </div>
          <div className="field">
            <label htmlFor={`${id}-kv`}>Key version</label>
            <input id={`${id}-kv`} inputMode="numeric" value={keyVersion} aria-invalid={versionError ? true : undefined} onChange={(e) => setKeyVersion(e.target.value)} placeholder="1" />
            {versionError ? <p className="field-error">{versionError}</p> : null}
          </div>
          <div className="field">
            <label htmlFor={`${id}-notify`}>Notify URL</label>
            <input id={`${id}-notify`} type="url" value={notifyUrl} aria-invalid={notifyUrlError ? true : undefined} onChange={(e) => setNotifyUrl(e.target.value)} placeholder="https://your-tunnel.example/antom/notify" />
            {notifyUrlError ? <p className="field-error">{notifyUrlError}</p> : null}
            <p className="field-help">Sent as paymentNotifyUrl; its path is signed, so it must match the receiver's path.</p>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-antom`}>Antom public key</label>
          <textarea id={`${id}-antom`} className="wide" rows={3} value={antomPublicKey} onChange={(e) => setAntomPublicKey(e.target.value)} placeholder="MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA… (from Antom Dashboard › Developer › Integration resources)" />
          <p className="field-help">Used to verify Antom's responses and notifications. It is public; your private key is imported separately below.</p>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} />
          Read-only (support agents: no money-moving actions)
        </label>
        {warnings.map((w) => <p key={w} className="field-warning">{w}</p>)}
        {environment === 'production' ? <p className="field-warning">Production profiles move real money: captures and refunds ask for the amount to be typed, cancels for CANCEL.</p> : null}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!ready || create.isPending}>{create.isPending ? 'Creating…' : 'Create profile'}</button>
        </div>
      </form>
      {create.isError ? <ErrorPanel title="The profile was not created" error={errorShapeOf(create.error)} /> : null}
      {create.data ? (
        <div className="notice" role="status">
          <p>Profile {create.data.profile.name} created. Next: import or generate its private key below.</p>
          {create.data.warnings.length > 0 ? <ul className="warnings">{create.data.warnings.map((w) => <li key={w} className="warning">{w}</li>)}</ul> : null}
        </div>
      ) : null}
    </section>
  );
}
