/**
 * Which uncaught exceptions the intake service survives (postgres-connection.ts): the driver's
 * timers touching the socket of a dropped connection, and a connection failure of a promise only
 * the driver held (its array-type fetch after connecting), and nothing else. The stacks are the
 * shapes seen in intake-database-restart.test.ts (nextWrite from a setImmediate; CI's
 * "write CONNECTION_CLOSED" from Socket.closed, which crashed the service before).
 */
import { describe, expect, it } from 'vitest';
import { isPostgresDriverFault, isPostgresDriverSocketFault } from '../../../../src-main/core/journal/postgres/postgres-connection';

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

function connectionError(message: string, code: string, frames: string[], name = 'Error'): Error {
  const error = Object.assign(new Error(message), { code });
  error.name = name;
  error.stack = [`${name}: ${message}`, ...frames.map((f) => `    at ${f}`)].join('\n');
  return error;
}

describe('isPostgresDriverFault', () => {
  it('survives a connection failure that only the driver could have handled (an unhandled rejection)', () => {
    const closed = connectionError('write CONNECTION_CLOSED 127.0.0.1:43995', 'CONNECTION_CLOSED', [`Socket.closed (${DRIVER}:453:57)`, 'Socket.emit (node:events:524:28)']);
    expect(isPostgresDriverFault(closed, 'unhandledRejection')).toBe(true);
    const reset = connectionError('read ECONNRESET', 'ECONNRESET', ['TCP.onStreamRead (node:internal/stream_base_commons:216:20)', `fetchArrayTypes (${DRIVER}:770:25)`]);
    expect(isPostgresDriverFault(reset, 'unhandledRejection')).toBe(true);
    const shutdown = connectionError('terminating connection due to administrator command', '57P01', [`ErrorResponse (${DRIVER}:790:26)`], 'PostgresError');
    expect(isPostgresDriverFault(shutdown, 'unhandledRejection')).toBe(true);
  });

  it('still crashes on anything else: other SQLSTATEs, our own rejections, a thrown connection error', () => {
    const unique = connectionError('duplicate key value violates unique constraint', '23505', [`ErrorResponse (${DRIVER}:790:26)`], 'PostgresError');
    expect(isPostgresDriverFault(unique, 'unhandledRejection')).toBe(false);
    const ours = connectionError('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED', ['forward (/srv/app/out/cli.js:10:5)']);
    expect(isPostgresDriverFault(ours, 'unhandledRejection')).toBe(false);
    const thrown = connectionError('write CONNECTION_CLOSED 127.0.0.1:43995', 'CONNECTION_CLOSED', [`Socket.closed (${DRIVER}:453:57)`]);
    expect(isPostgresDriverFault(thrown, 'uncaughtException')).toBe(false);
    expect(isPostgresDriverFault(typeError("Cannot read properties of null (reading 'write')", [`nextWrite (${DRIVER}:255:22)`]), 'uncaughtException')).toBe(true);
  });
});

describe('a bare socket error (only Node\'s frames on it)', () => {
  const bare = (code: string, syscall: string, frames: string[]): Error => {
    const error = Object.assign(connectionError(`${syscall} ${code}`, code, frames), { syscall });
    return error;
  };

  it('is survived from either origin: the driver is the only owner of bare sockets in these processes', () => {
    // CI's shape: the intake service with its database stopped, three group commits and the drain thread open.
    const reset = bare('ECONNRESET', 'read', ['TCP.onStreamRead (node:internal/stream_base_commons:218:20)']);
    expect(isPostgresDriverFault(reset, 'uncaughtException')).toBe(true);
    expect(isPostgresDriverFault(reset, 'unhandledRejection')).toBe(true);
    expect(isPostgresDriverFault(bare('EPIPE', 'write', ['afterWriteDispatched (node:internal/stream_base_commons:161:15)', 'writeGeneric (node:internal/stream_base_commons:152:3)']), 'uncaughtException')).toBe(true);
  });

  it('is still a crash with a module\'s frame on it, another syscall or another code', () => {
    expect(isPostgresDriverFault(bare('ECONNRESET', 'read', ['TCP.onStreamRead (node:internal/stream_base_commons:218:20)', 'forward (/srv/app/out/cli.js:10:5)']), 'uncaughtException')).toBe(false);
    expect(isPostgresDriverFault(bare('ECONNREFUSED', 'connect', ['TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)']), 'uncaughtException')).toBe(false);
    expect(isPostgresDriverFault(bare('EACCES', 'read', ['TCP.onStreamRead (node:internal/stream_base_commons:218:20)']), 'uncaughtException')).toBe(false);
  });
});
