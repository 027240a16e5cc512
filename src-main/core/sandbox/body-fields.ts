/**
 * Request-body field checks that answer PARAM_ILLEGAL naming the field, the way Antom does
 * ("paymentAmount.value must be a positive integer string"). Nested objects keep their dotted
 * path so the message always points at the exact field.
 */
import { parseMinorUnits, type Amount } from '../../../src-shared/money';
import { isConsoleError } from '../../../src-shared/errors';

export class ParamIllegal extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = 'ParamIllegal';
  }
}

export interface ParsedAmount {
  amount: Amount;
  minor: bigint;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class Fields {
  constructor(private readonly obj: Record<string, unknown>, private readonly prefix = '') {}

  static of(body: unknown): Fields {
    if (!isRecord(body)) throw new ParamIllegal('body', 'The request body must be a JSON object.');
    return new Fields(body);
  }

  name(key: string): string {
    return this.prefix ? `${this.prefix}.${key}` : key;
  }

  has(key: string): boolean {
    return this.obj[key] !== undefined && this.obj[key] !== null;
  }

  optionalString(key: string, max: number): string | undefined {
    const value = this.obj[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw new ParamIllegal(this.name(key), `${this.name(key)} must be a string.`);
    if (value === '') throw new ParamIllegal(this.name(key), `${this.name(key)} must not be empty.`);
    if (value.length > max) throw new ParamIllegal(this.name(key), `${this.name(key)} is ${value.length} characters; at most ${max} are allowed.`);
    return value;
  }

  string(key: string, max: number): string {
    const value = this.optionalString(key, max);
    if (value === undefined) throw new ParamIllegal(this.name(key), `${this.name(key)} is required.`);
    return value;
  }

  optionalUrl(key: string, max: number): string | undefined {
    const value = this.optionalString(key, max);
    if (value === undefined) return undefined;
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw new ParamIllegal(this.name(key), `${this.name(key)} must be an absolute http(s) URL.`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new ParamIllegal(this.name(key), `${this.name(key)} must be an absolute http(s) URL.`);
    }
    return value;
  }

  url(key: string, max: number): string {
    const value = this.optionalUrl(key, max);
    if (value === undefined) throw new ParamIllegal(this.name(key), `${this.name(key)} is required.`);
    return value;
  }

  optionalObject(key: string): Fields | undefined {
    const value = this.obj[key];
    if (value === undefined || value === null) return undefined;
    if (!isRecord(value)) throw new ParamIllegal(this.name(key), `${this.name(key)} must be a JSON object.`);
    return new Fields(value, this.name(key));
  }

  object(key: string): Fields {
    const value = this.optionalObject(key);
    if (value === undefined) throw new ParamIllegal(this.name(key), `${this.name(key)} is required.`);
    return value;
  }

  /** Antom asks for quoted booleans ("true"); the Java and Go SDKs send JSON booleans. Take both. */
  optionalBoolean(key: string): boolean | undefined {
    const value = this.obj[key];
    if (value === undefined || value === null) return undefined;
    if (value === true || value === 'true') return true;
    if (value === false || value === 'false') return false;
    throw new ParamIllegal(this.name(key), `${this.name(key)} must be "true" or "false".`);
  }

  optionalTime(key: string): number | undefined {
    const value = this.optionalString(key, 64);
    if (value === undefined) return undefined;
    const ms = Date.parse(value);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms)) {
      throw new ParamIllegal(this.name(key), `${this.name(key)} must be an ISO-8601 time such as 2026-11-22T08:15:31+00:00.`);
    }
    return ms;
  }

  optionalAmount(key: string): ParsedAmount | undefined {
    if (!this.has(key)) return undefined;
    const amount = this.object(key);
    const field = this.name(key);
    const currency = amount.obj.currency;
    const value = amount.obj.value;
    if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
      throw new ParamIllegal(`${field}.currency`, `${field}.currency must be a 3-letter ISO 4217 code such as USD.`);
    }
    if (typeof value !== 'string' || !/^[1-9][0-9]*$/.test(value)) {
      throw new ParamIllegal(`${field}.value`, `${field}.value must be a positive integer string in the currency's minor unit (e.g. "1000").`);
    }
    try {
      return { amount: { currency, value }, minor: parseMinorUnits({ currency, value }, field) };
    } catch (error) {
      if (isConsoleError(error)) {
        if (error.code === 'CURRENCY_UNKNOWN') throw new ParamIllegal(`${field}.currency`, `${field}.currency "${currency}" is not a known ISO 4217 currency.`);
        throw new ParamIllegal(`${field}.value`, error.message);
      }
      throw error;
    }
  }

  amount(key: string): ParsedAmount {
    const value = this.optionalAmount(key);
    if (value === undefined) throw new ParamIllegal(this.name(key), `${this.name(key)} is required.`);
    return value;
  }
}
