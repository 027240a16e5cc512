/**
 * The setup most sandbox tests share: a sandbox that knows one test merchant's public key, and
 * a caller that signs as that merchant and verifies the sandbox's answers. The caller closes
 * nothing; close the sandbox yourself (afterAll / afterEach).
 */
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../src-main/core/sandbox/start-sandbox';
import { SandboxCaller, type TestMerchant } from './sandbox-caller';

export async function startSandboxFor(
  merchant: TestMerchant,
  options: Omit<SandboxOptions, 'merchants'> = {},
): Promise<{ sandbox: RunningSandbox; caller: SandboxCaller }> {
  const sandbox = await startSandbox({ ...options, merchants: [{ clientId: merchant.clientId, merchantPublicKeyBase64: merchant.publicKeyBase64 }] });
  return { sandbox, caller: new SandboxCaller(sandbox.baseUrl, sandbox.antomPublicKeyBase64, merchant) };
}
