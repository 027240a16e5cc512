/// <reference types="vite/client" />
/**
 * Is this run of the shell a development run? Decided from the build, not from the environment:
 * electron-vite replaces `import.meta.env.MODE` when it bundles main, with 'development' for
 * `electron-vite dev` (the only command that also starts the renderer dev server and sets
 * ELECTRON_RENDERER_URL) and 'production' for `electron-vite build` (npm start, packaging).
 * An environment variable can therefore never turn a production bundle into a development one.
 *
 * A development run additionally requires an unpackaged app, so even a bundle built in
 * development mode by mistake behaves like production once packaged.
 *
 * Pure module (no electron import): tests call isDevelopmentRun with explicit values. Only the
 * bundle may evaluate BUILD_MODE (under plain Node import.meta.env does not exist).
 */

/**
 * The mode electron-vite built this bundle in. Written as the exact expression
 * `import.meta.env.MODE`: the bundler replaces only that spelling (an optional chain or a
 * cast is left alone, and would read undefined at run time).
 */
function modeOfThisBuild(): string {
  return import.meta.env.MODE;
}

export const BUILD_MODE: string = modeOfThisBuild();

/**
 * What only a development run gets: DevTools in the window and the renderer from the dev server
 * named in ELECTRON_RENDERER_URL.
 */
export function isDevelopmentRun(buildMode: string, isPackaged: boolean): boolean {
  return buildMode === 'development' && !isPackaged;
}
