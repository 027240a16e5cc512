/**
 * Antom gateways and API paths (API-FACTS b.1, b.2, b.3).
 */
import { ConsoleError } from '../../../src-shared/errors';
import type { Region } from '../../../src-shared/contract';
import type { AntomApiName } from './call-record';

/** Recommended (accelerated) domains per region, API-FACTS b.1. */
const REGION_GATEWAYS: Readonly<Record<'SG' | 'NA' | 'EU' | 'US', string>> = {
  SG: 'https://open-sea-global.alipay.com',
  NA: 'https://open-na-global.alipay.com',
  EU: 'https://open-de-global.alipay.com',
  US: 'https://open.antglobal-us.com',
};

/**
 * The gateway origin for a region. CUSTOM (e.g. an Antom alternative domain) and LOCAL (the
 * embedded sandbox, whose port is chosen at run time) have no fixed URL and must be given.
 */
export function gatewayBaseUrl(region: Region, explicitBaseUrl?: string): string {
  if (region === 'CUSTOM' || region === 'LOCAL') {
    if (!explicitBaseUrl) {
      throw new ConsoleError('PROFILE_INVALID', `Region ${region} has no fixed gateway URL.`, region === 'LOCAL' ? 'Start the embedded sandbox and use the URL it prints.' : 'Enter the gateway origin, e.g. https://open-sea.alipay.com.');
    }
    return explicitBaseUrl.replace(/\/+$/, '');
  }
  return REGION_GATEWAYS[region];
}

const PRODUCTION_PREFIX = '/ams/api';
const SANDBOX_PREFIX = '/ams/sandbox/api';

/** `/ams/api/v1/payments/<api>`, or the sandbox family by a first-occurrence replace as the SDKs do. */
export function apiPath(api: AntomApiName, sandbox: boolean): string {
  const path = `${PRODUCTION_PREFIX}/v1/payments/${api}`;
  return sandbox ? path.replace(PRODUCTION_PREFIX, SANDBOX_PREFIX) : path;
}
