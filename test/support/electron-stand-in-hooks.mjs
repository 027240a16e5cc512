// @ts-check
/**
 * Node module resolve hook for tests: `import ... from 'electron'` gets the STAND-IN
 * (electron-stand-in.mjs) instead of the electron npm package, whose index.js only names the
 * binary's path (and throws where the binary was never downloaded). Every other specifier
 * resolves as usual. Registered by electron-stand-in-register.mjs; runs on Node's loader thread.
 */
const STAND_IN_URL = new URL('./electron-stand-in.mjs', import.meta.url).href;

/**
 * @param {string} specifier
 * @param {{ conditions: string[], importAttributes: Record<string, string>, parentURL?: string }} context
 * @param {(specifier: string, context?: object) => Promise<{ url: string }>} nextResolve
 */
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: STAND_IN_URL, format: 'module', shortCircuit: true };
  return nextResolve(specifier, context);
}
