#!/usr/bin/env node
// The antom-ops CLI runs its JavaScript build (out/cli/main.js, from `npm run build`), so no
// TypeScript is compiled at run time. A missing build is reported, not built here: building
// needs the dev tools (vite), and a command should not silently take seconds to compile.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const EXIT_UNAVAILABLE = 3;
const entry = new URL('../out/cli/main.js', import.meta.url);

// `antom-ops ... | head` closes stdout early; that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

if (!existsSync(entry)) {
  const projectRoot = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(
    `error: the antom-ops CLI has not been built (${fileURLToPath(entry)} is missing).\n` +
      `  what to do: run \`npm run build\` (or just \`npm run build:node\`) in ${projectRoot}, then run the command again.\n`,
  );
  process.exitCode = EXIT_UNAVAILABLE;
} else {
  const { runCli } = await import(entry.href);
  process.exitCode = await runCli(process.argv.slice(2));
}
