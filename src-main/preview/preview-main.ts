/**
 * `npm run preview`: build the renderer (the npm script does), then start the preview door and
 * print the page URL. --port N (default 0: any free port), --data-dir DIR (or
 * ANTOM_OPS_DATA_DIR), --time-scale N (sandbox clock), --json (print {url, token, dataDir} as
 * one JSON line, for tests and scripts). Ctrl-C closes the core cleanly.
 */
import { parseArgs } from 'node:util';
import { toErrorShape } from '../../src-shared/errors';
import { startPreviewServer } from './preview-server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'time-scale': { type: 'string' },
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be a port number (got ${values.port}).`);
  const timeScale = values['time-scale'] === undefined ? undefined : Number(values['time-scale']);
  if (timeScale !== undefined && !(timeScale > 0)) throw new Error(`--time-scale must be a positive number (got ${values['time-scale']}).`);
  const server = await startPreviewServer({
    port,
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    ...(timeScale !== undefined ? { sandboxTimeScale: timeScale } : {}),
    log: values.quiet ? undefined : (line) => console.error(line),
  });
  if (values.json) console.log(JSON.stringify({ url: server.url, token: server.token, dataDir: server.dataDir }));
  else console.log(`Antom Ops Console preview (sandbox profiles only): ${server.url}`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close().then(() => process.exit(0), (error: unknown) => {
      console.error(`The preview did not close cleanly: ${String(error)}`);
      process.exit(1);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const shape = toErrorShape(error);
  console.error(`The preview could not start: ${shape.code === 'INTERNAL' && error instanceof Error ? error.message : `${shape.message}\n${shape.hint}`}`);
  process.exit(1);
});
