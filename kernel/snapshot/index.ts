export * from './schema.js';
export { loadSnapshot, parseSnapshot, saveSnapshot, serializeSnapshot } from './io.js';
export { FAMILIES, familyOf, type FamilyDescriptor } from './families.js';
