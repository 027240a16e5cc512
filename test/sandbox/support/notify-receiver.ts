/** A small merchant notify endpoint for tests: records raw requests, answers per a script. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface ReceivedNotification {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  raw: Buffer;
}

export type ReceiverAnswer = { status: number; body: string };

export const ACK: ReceiverAnswer = { status: 200, body: '{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"Success"}}' };

export interface NotifyReceiver {
  url: (path: string) => string;
  received: ReceivedNotification[];
  close(): Promise<void>;
}

/** `answerFor(n)` decides the answer to the n-th request (1-based). */
export async function startReceiver(answerFor: (n: number) => ReceiverAnswer): Promise<NotifyReceiver> {
  const received: ReceivedNotification[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, raw: Buffer.concat(chunks) });
      const answer = answerFor(received.length);
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
