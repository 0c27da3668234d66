export * from './schema.js';
export { loadSnapshot, parseSnapshot, saveSnapshot, serializeSnapshot } from './io.js';
