/** Shared setup for the client tests: a profile pointing at the fake gateway, a recorder, an instant sleep. */
import { AntomClient, type AntomClientOptions, type CallRecord, type ClientProfile } from '../../../src-main/core/client';
import { antomPublicKey, merchantPrivateKey, type FakeAntomServer } from '../../support/fake-antom-server';

export function profileFor(server: FakeAntomServer, overrides: Partial<ClientProfile> = {}): ClientProfile {
  return {
    name: 'test',
    environment: 'sandbox',
    baseUrl: server.baseUrl,
    clientId: server.clientId,
    keyVersion: '1',
    privateKey: merchantPrivateKey,
    antomPublicKey,
    timeoutMs: 2000,
    ...overrides,
  };
}

interface Kit {
  client: AntomClient;
  records: CallRecord[];
  sleeps: number[];
}

export function clientFor(server: FakeAntomServer, overrides: Partial<ClientProfile> = {}, options: AntomClientOptions = {}): Kit {
  const records: CallRecord[] = [];
  const sleeps: number[] = [];
  const client = new AntomClient(profileFor(server, overrides), {
    recorder: { record: async (r) => { records.push(r); } },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  });
  return { client, records, sleeps };
}

export const usd = (value: string) => ({ currency: 'USD', value });
