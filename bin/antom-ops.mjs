#!/usr/bin/env node
// The antom-ops CLI runs the TypeScript core directly through tsx, so `npx antom-ops` works
// straight after `npm install` with no separate build that could go stale.
import { register } from 'tsx/esm/api';

register();
// `antom-ops ... | head` closes stdout early; that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { runCli } = await import('../src-main/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
