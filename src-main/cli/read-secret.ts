/**
 * A secret the user gives the CLI (a database login's password): never an argument, since argv is
 * visible to every user of the machine (ps) and kept in shell history. From a terminal it is
 * prompted for twice without echo; from a pipe (`printf '%s' "$PW" | antom-ops ...`) it is stdin's
 * first line.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { ConsoleError } from '../../src-shared/errors';

async function readPipedLine(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** One line from the terminal; the prompt is written to stderr, the typed characters are not echoed. */
function promptHidden(prompt: string, input: NodeJS.ReadableStream, errStream: NodeJS.WritableStream): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) errStream.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      errStream.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

export async function readSecret(what: string, stdin: NodeJS.ReadStream = process.stdin, stderr: NodeJS.WritableStream = process.stderr): Promise<string> {
  let secret: string;
  if (stdin.isTTY) {
    secret = await promptHidden(`${what}: `, stdin, stderr);
    const again = await promptHidden(`${what} (again): `, stdin, stderr);
    if (again !== secret) {
      throw new ConsoleError('VALIDATION_FAILED', `The two ${what} entries differ.`, 'Run the command again and type the same password twice.');
    }
  } else {
    secret = await readPipedLine(stdin);
  }
  if (secret === '') {
    throw new ConsoleError('VALIDATION_FAILED', `No ${what} was given.`, 'Type it when asked, or pipe it on stdin: printf \'%s\' "$PASSWORD" | antom-ops db roles ... (never as an argument).');
  }
  return secret;
}
