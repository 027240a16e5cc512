/**
 * The one place every door (Electron IPC, browser preview, CLI) turns an untrusted call into a
 * handler call: look the operation up, validate the raw input with the contract's zod schema,
 * run the handler, and return an OperationResult. Nothing is thrown across the boundary and no
 * stack leaves the main process.
 */
import { operations, type HandlerTable, type OperationName, type OperationResult } from '../../src-shared/contract';
import { toErrorShape, type ConsoleErrorShape } from '../../src-shared/errors';

export function isOperationName(name: unknown): name is OperationName {
  // Own-property check so names like "toString" or "__proto__" are never treated as operations.
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(operations, name);
}

interface ValidationIssue {
  path: string;
  message: string;
}

function validationFailed(message: string, details: Record<string, unknown>): ConsoleErrorShape {
  return { code: 'VALIDATION_FAILED', message, hint: 'Correct the input named in the details and try again.', details };
}

export async function dispatchOperation(handlers: HandlerTable, name: unknown, rawInput: unknown): Promise<OperationResult<unknown>> {
  if (!isOperationName(name)) {
    return {
      ok: false,
      error: validationFailed(`There is no operation named ${JSON.stringify(String(name))}.`, { operation: String(name), known: Object.keys(operations) }),
    };
  }
  // A call with no argument means "no input"; operations without parameters take {}.
  const parsed = operations[name].input.safeParse(rawInput === undefined ? {} : rawInput);
  if (!parsed.success) {
    const issues: ValidationIssue[] = parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(input)',
      message: issue.message,
    }));
    const first = issues[0];
    const summary = first ? `${first.path}: ${first.message}` : 'the input does not match the operation';
    return { ok: false, error: validationFailed(`The input for ${name} is not valid (${summary}).`, { operation: name, issues }) };
  }
  try {
    // The table is keyed by name; TypeScript cannot correlate the union of handlers with the
    // union of inputs here, but the schema we just parsed with belongs to the same name.
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: toErrorShape(error) };
  }
}
