export declare const projectRoot: string;
export type ElectronBinary = { found: true; executablePath: string } | { found: false; reason: string };
export declare function findElectronBinary(options?: { root?: string; env?: Record<string, string | undefined> }): ElectronBinary;
