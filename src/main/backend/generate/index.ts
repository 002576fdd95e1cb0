export { generateStore, type GenerateHooks, type GenerateSummary } from './generate-store';
export { GENERATOR_PRESETS, DEFAULT_STORE_SIZE, generateOptionsSchema, resolveOptions, type GenerateOptions, type GeneratorPreset, type ResolvedOptions } from './options';
export { AT_RISK_RULE, TOTALS_DEFINITIONS, type StoreManifest } from './manifest';
