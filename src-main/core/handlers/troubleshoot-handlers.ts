/**
 * Troubleshooting: explain a pasted log (codes plus the payments its IDs belong to) and the
 * signature lab.
 */
import type { ExplainLogResult, HandlerTable } from '../../../src-shared/contract';
import { ConsoleError } from '../../../src-shared/errors';
import { findCodesInText, isKnownCode } from '../../../src-shared/knowledge';
import { parsePublicKey } from '../keys/parse-keys';
import type { HandlerContext } from './handler-context';
import { runSignatureLab, type LabKey } from './signature-lab';

type TroubleshootHandlers = Pick<HandlerTable, 'explainLog' | 'verifySignatureLab'>;

/** Request IDs and Antom IDs: 8..64 of letters, digits, _ and -, with at least one digit. */
const ID_TOKEN = /[A-Za-z0-9][A-Za-z0-9_-]{7,63}/g;
const MAX_IDS_LOOKED_UP = 50;

function idCandidates(text: string): string[] {
  const out = new Set<string>();
  for (const match of text.matchAll(ID_TOKEN)) {
    const token = match[0];
    if (!/\d/.test(token) || isKnownCode(token)) continue;
    // Times and bare numbers are not IDs worth a lookup.
    if (/^\d{4}-\d{2}-\d{2}/.test(token)) continue;
    out.add(token);
    if (out.size >= MAX_IDS_LOOKED_UP) break;
  }
  return [...out];
}

export function troubleshootHandlers(ctx: HandlerContext): TroubleshootHandlers {
  return {
    async explainLog({ text }): Promise<ExplainLogResult> {
      const codes = findCodesInText(text);
      const ids: ExplainLogResult['ids'] = [];
      for (const id of idCandidates(text)) {
        const found = await ctx.journal.findById(id);
        if (found.calls.length === 0 && found.notifications.length === 0) continue;
        ids.push({ id, payments: found.payments });
      }
      return { codes, ids };
    },

    async verifySignatureLab(input) {
      const profiles = await ctx.profiles.list();
      const chosen = input.profile ? profiles.find((p) => p.name === input.profile) : profiles.find((p) => p.active);
      if (input.profile && !chosen) {
        throw new ConsoleError('PROFILE_NOT_FOUND', `There is no profile named "${input.profile}".`, 'Pick a profile from the list, or paste the public key to check against.', { name: input.profile });
      }
      let primary: LabKey;
      if (input.publicKey && input.publicKey.trim() !== '') {
        primary = { label: 'the pasted key', key: parsePublicKey(input.publicKey).keyObject };
      } else if (chosen?.antomPublicKey) {
        primary = { label: `profile "${chosen.name}"`, key: parsePublicKey(chosen.antomPublicKey).keyObject };
      } else {
        throw new ConsoleError('VALIDATION_FAILED', chosen ? `Profile "${chosen.name}" has no Antom public key.` : 'No profile is active and no public key was pasted.', 'Paste Antom\'s public key, or set it on the profile in Settings.', { field: 'publicKey' });
      }
      const primarySpki = primary.key.export({ type: 'spki', format: 'der' }).toString('base64');
      const others: LabKey[] = [];
      const seen = new Set([primarySpki]);
      const addOther = (label: string, spki: string | undefined): void => {
        if (!spki || seen.has(spki)) return;
        seen.add(spki);
        try {
          others.push({ label, key: parsePublicKey(spki).keyObject });
        } catch {
          // an unusable stored key cannot explain anything
        }
      };
      for (const p of profiles) addOther(`profile "${p.name}" (${p.environment})`, p.antomPublicKey);
      addOther('the embedded sandbox', ctx.sandboxAntomPublicKey());
      return runSignatureLab(
        { method: input.method, path: input.path, clientId: input.clientId, time: input.time, body: input.body, signature: input.signature },
        primary,
        others,
      );
    },
  };
}
