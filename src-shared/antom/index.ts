/** Antom wire types and pre-send validation (pure TypeScript, shared by main and renderer). */
export * from './wire-types';
export { assertValidRequest, validateRequest } from './validate-request';
