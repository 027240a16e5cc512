/**
 * Which uncaught exception the intake service survives (postgres-connection.ts): the driver's
 * timers touching the socket of a dropped connection, and nothing else. The stacks are the shape
 * Node prints for the fault seen in intake-database-restart.test.ts (nextWrite from a setImmediate).
 */
import { describe, expect, it } from 'vitest';
import { isPostgresDriverSocketFault } from '../../../../src-main/core/journal/postgres/postgres-connection';

function typeError(message: string, frames: string[]): TypeError {
  const error = new TypeError(message);
  error.stack = [`TypeError: ${message}`, ...frames.map((f) => `    at ${f}`)].join('\n');
  return error;
}

const DRIVER = '/srv/app/node_modules/postgres/src/connection.js';
const DRIVER_CJS = 'C:\\app\\node_modules\\postgres\\cjs\\src\\connection.js';

describe('isPostgresDriverSocketFault', () => {
  it('recognises the driver touching a socket that is gone, from any of its timers', () => {
    expect(isPostgresDriverSocketFault(typeError("Cannot read properties of null (reading 'write')", [`nextWrite (${DRIVER}:255:22)`, 'process.processImmediate (node:internal/timers:483:21)']))).toBe(true);
    expect(isPostgresDriverSocketFault(typeError("Cannot read properties of null (reading 'destroy')", [`Timeout.connectTimedOut [as _onTimeout] (${DRIVER}:263:12)`]))).toBe(true);
    expect(isPostgresDriverSocketFault(typeError("Cannot read properties of undefined (reading 'end')", [`terminate (${DRIVER_CJS}:431:47)`]))).toBe(true);
  });

  it('leaves every other error a crash: our own code, other modules, other messages, other types', () => {
    expect(isPostgresDriverSocketFault(typeError("Cannot read properties of null (reading 'write')", ['storeBatch (/srv/app/out/cli.js:10:5)', `nextWrite (${DRIVER}:255:22)`]))).toBe(false);
    expect(isPostgresDriverSocketFault(typeError("Cannot read properties of null (reading 'write')", ['parse (/srv/app/node_modules/postgres/src/types.js:12:3)']))).toBe(false);
    expect(isPostgresDriverSocketFault(typeError('x is not a function', [`nextWrite (${DRIVER}:255:22)`]))).toBe(false);
    const notType = new Error("Cannot read properties of null (reading 'write')");
    notType.stack = `Error: x\n    at nextWrite (${DRIVER}:255:22)`;
    expect(isPostgresDriverSocketFault(notType)).toBe(false);
    expect(isPostgresDriverSocketFault('boom')).toBe(false);
  });
});
