/**
 * Keys for one profile: import your private key (pasted, or read from a file in the page) into
 * the keychain, or generate a pair and upload the public half to Antom; paste Antom's public key.
 * The private key text goes to main once and is cleared here at once; it is never shown again.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ProfileSummary } from '../../../src-shared/contract';
import { errorShapeOf } from '../../bridge/client';
import { CodeBlock } from '../../components/code-block';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorPanel } from '../../components/error-panel';
import { useGenerateKeyPair, useImportPrivateKey, useSetAntomPublicKey } from '../../queries/profiles';

const MAX_KEY_FILE_BYTES = 16_384;

export function KeysPanel({ profiles }: { profiles: readonly ProfileSummary[] }) {
  const id = useId();
  const active = profiles.find((p) => p.active) ?? profiles[0];
  const [profileName, setProfileName] = useState(active?.name ?? '');
  useEffect(() => {
    if (!profiles.some((p) => p.name === profileName) && active) setProfileName(active.name);
  }, [profiles, profileName, active]);
  const profile = profiles.find((p) => p.name === profileName);

  if (!profile) return null;
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Keys</h3>
      <div className="field">
        <label htmlFor={`${id}-profile`}>Profile for keys</label>
        <select id={`${id}-profile`} value={profile.name} onChange={(e) => setProfileName(e.target.value)}>
          {profiles.map((p) => <option key={p.name} value={p.name}>{p.name} ({p.environment})</option>)}
        </select>
        <p className="field-help">
          Private key: {profile.keyStorage === 'keychain' ? 'in the OS keychain' : profile.keyStorage === 'session' ? 'held for this session only' : 'missing'}.
          Antom public key: {profile.antomPublicKey ? 'set' : 'missing'}.
        </p>
      </div>
      <div className="grid-2">
        <ImportKeyForm key={`import-${profile.name}`} profile={profile} />
        <GenerateKeyForm key={`generate-${profile.name}`} profile={profile} />
      </div>
      <AntomKeyForm key={`antom-${profile.name}`} profile={profile} />
    </section>
  );
}

function ImportKeyForm({ profile }: { profile: ProfileSummary }) {
  const id = useId();
  const [keyText, setKeyText] = useState('');
  const [fileNote, setFileNote] = useState<string | undefined>(undefined);
  const [sessionOnly, setSessionOnly] = useState(false);
  const [replaceExisting, setReplaceExisting] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const importKey = useImportPrivateKey();
  const hasKey = profile.keyStorage !== 'missing';
  const [confirmingReplace, setConfirmingReplace] = useState(false);
  // Said next to the button rather than leaving it silently disabled.
  const blockedBecause = importKey.isPending
    ? undefined
    : keyText.trim() === ''
      ? 'Paste a private key or read a key file first.'
      : hasKey && !replaceExisting
        ? `${profile.name} already has a private key: tick "Replace the key this profile already has" to import over it.`
        : undefined;

  const readFile = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_KEY_FILE_BYTES) {
      setFileNote(`${file.name} is ${file.size} bytes: too large for an RSA private key. Pick the .pem file of the key.`);
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      // Held in state only until it is sent; the textarea shows a note, not the key.
      setKeyText(typeof reader.result === 'string' ? reader.result : '');
      setFileNote(`${file.name} read (${file.size} bytes). It is sent to the keychain when you import.`);
    };
    reader.onerror = () => setFileNote(`${file.name} could not be read: ${reader.error?.message ?? 'unknown error'}.`);
    reader.readAsText(file);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (blockedBecause) return;
    // Replacing a key breaks every call until Antom has the new public key: ask first.
    if (hasKey) {
      setConfirmingReplace(true);
      return;
    }
    send();
  };

  const send = () => {
    setConfirmingReplace(false);
    const text = keyText;
    // Forget the key in the page before the answer arrives: success or not, it is not kept here.
    setKeyText('');
    setFileNote(undefined);
    if (fileInput.current) fileInput.current.value = '';
    importKey.mutate({ profile: profile.name, keyText: text, ...(sessionOnly ? { sessionOnly } : {}), ...(replaceExisting ? { replaceExisting } : {}) });
  };

  return (
    <>
      <form onSubmit={submit} aria-label="Import private key" className="key-form">
        <h4>Import your private key</h4>
        <div className="field">
          <label htmlFor={`${id}-text`}>Private key (PEM or base64 PKCS#8)</label>
          <textarea
            id={`${id}-text`}
            className="wide"
            rows={4}
            autoComplete="off"
            spellCheck={false}
            value={fileNote && keyText ? '' : keyText}
            placeholder={fileNote && keyText ? 'Key read from the file (not shown).' : '-----BEGIN PRIVATE KEY-----'}
            onChange={(e) => {
              setFileNote(undefined);
              setKeyText(e.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-file`}>Or read a key file</label>
          <input id={`${id}-file`} ref={fileInput} type="file" accept=".pem,.key,.txt" onChange={(e) => readFile(e.target.files?.[0])} />
          {fileNote ? <p className="field-help" role="status">{fileNote}</p> : null}
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={sessionOnly} onChange={(e) => setSessionOnly(e.target.checked)} />
          Session only (keep in memory, forget when the console exits)
        </label>
        {hasKey ? (
          <label className="checkbox">
            <input type="checkbox" checked={replaceExisting} onChange={(e) => setReplaceExisting(e.target.checked)} />
            Replace the key this profile already has
          </label>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={blockedBecause !== undefined || importKey.isPending} aria-describedby={blockedBecause ? `${id}-blocked` : undefined}>
            {importKey.isPending ? 'Importing…' : 'Import private key'}
          </button>
          {blockedBecause ? <p className="field-help key-import-reason" id={`${id}-blocked`}>{blockedBecause}</p> : null}
        </div>
        {importKey.isError ? <ErrorPanel title="The key was not imported" error={errorShapeOf(importKey.error)} /> : null}
        {importKey.data ? (
          <div role="status">
            <p className="notice">Imported into {sessionOnly ? 'this session\'s memory' : 'the keychain'}. Its public key (the one Antom must have):</p>
            <CodeBlock label="Your public key" text={importKey.data.merchantPublicKey} copyLabel="Copy public key" />
          </div>
        ) : null}
      </form>
      <ConfirmDialog
        open={confirmingReplace}
        title={`Replace the private key of ${profile.name}?`}
        confirmLabel={`Replace the key of ${profile.name}`}
        danger
        busy={importKey.isPending}
        onCancel={() => setConfirmingReplace(false)}
        onConfirm={send}
      >
        <p>
          Profile <strong>{profile.name}</strong> ({profile.environment}) already has a private key. The imported key replaces it{sessionOnly ? ' for this session' : ' in the keychain'}; calls fail until Antom has the matching public key.
        </p>
      </ConfirmDialog>
    </>
  );
}

function GenerateKeyForm({ profile }: { profile: ProfileSummary }) {
  const [sessionOnly, setSessionOnly] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const generate = useGenerateKeyPair();
  const hasKey = profile.keyStorage !== 'missing';
  const run = () => generate.mutate({ profile: profile.name, ...(sessionOnly ? { sessionOnly } : {}) }, { onSettled: () => setConfirming(false) });

  return (
    <div className="key-form">
      <h4>Or generate a key pair</h4>
      <p className="small">A 2048-bit RSA pair is made in the main process; the private half goes straight to the keychain. You upload the public half to Antom.</p>
      <label className="checkbox">
        <input type="checkbox" checked={sessionOnly} onChange={(e) => setSessionOnly(e.target.checked)} />
        Session only (for a quick test)
      </label>
      <div className="form-actions">
        <button type="button" disabled={generate.isPending} onClick={() => (hasKey ? setConfirming(true) : run())}>
          {generate.isPending ? 'Generating…' : 'Generate key pair'}
        </button>
      </div>
      {generate.isError ? <ErrorPanel title="No key pair was generated" error={errorShapeOf(generate.error)} /> : null}
      {generate.data ? (
        <div role="status">
          <CodeBlock label="Public key to upload" text={generate.data.merchantPublicKeyPem} copyLabel="Copy public key" />
          <ol className="small notes">
            <li>Open Antom Dashboard › Developer › Quick start › Integration resources and tools ({profile.environment === 'production' ? 'live mode' : 'test mode'}).</li>
            <li>Choose to replace your public key and paste the key above (the base64 between the BEGIN/END lines if the form asks for it alone).</li>
            <li>Save, then copy Antom's public key from the same page into "Antom public key" below.</li>
          </ol>
        </div>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={`Replace the key of ${profile.name}?`}
        confirmLabel="Generate and replace"
        danger
        busy={generate.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={run}
      >
        <p>This profile already has a private key. A new pair replaces it; calls fail until you upload the new public key to Antom.</p>
      </ConfirmDialog>
    </div>
  );
}

function AntomKeyForm({ profile }: { profile: ProfileSummary }) {
  const id = useId();
  const [text, setText] = useState('');
  const save = useSetAntomPublicKey();
  return (
    <form
      className="key-form"
      aria-label="Antom public key"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ profile: profile.name, keyText: text.trim() }, { onSuccess: () => setText('') });
      }}
    >
      <h4>Antom public key</h4>
      <div className="field">
        <label htmlFor={`${id}-antom`}>Antom public key for {profile.name}</label>
        <textarea id={`${id}-antom`} className="wide" rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder={profile.antomPublicKey ? 'Set. Paste a new one to replace it.' : 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA…'} />
        <p className="field-help">Sandbox and production have different Antom keys: a response or notification signed with the other one is rejected.</p>
      </div>
      <div className="form-actions">
        <button type="submit" disabled={text.trim() === '' || save.isPending}>{save.isPending ? 'Saving…' : 'Save Antom public key'}</button>
      </div>
      {save.isError ? <ErrorPanel title="The Antom public key was not saved" error={errorShapeOf(save.error)} /> : null}
      {save.isSuccess ? <p className="notice" role="status">Saved.</p> : null}
      {profile.antomPublicKey ? <CodeBlock label="Current Antom public key" text={profile.antomPublicKey} /> : null}
    </form>
  );
}
