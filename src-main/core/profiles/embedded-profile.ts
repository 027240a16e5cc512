/**
 * The profile a fresh install starts on: the embedded Antom sandbox, in region LOCAL. Its
 * client-id starts with SANDBOX_ so the client treats it exactly like an Antom sandbox
 * credential (sandbox path family, sandbox-only doors such as the browser preview).
 */
export const EMBEDDED_PROFILE_NAME = 'Embedded sandbox';
export const EMBEDDED_CLIENT_ID = 'SANDBOX_EMBEDDED_MERCHANT';
