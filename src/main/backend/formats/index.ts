/**
 * Foreign file formats: the two entry points the import pipeline calls for files that are not
 * in our native format, plus what the wizard, the contract handlers and the CLI use.
 */
export { detectFileFormat, type DetectOptions } from './detect';
export { openForeignSource, type OpenForeignOptions } from './open-source';
export type { ForeignRecordSource } from './row-source';
export type { FileDetection, ColumnMapping } from '../../../shared/contract/formats';
export { columnMappingSchema } from '../../../shared/contract/formats';
export { presetsDirFor, listPresets, savePreset, deletePreset, findPresetFor } from './presets';
export { NON_PRODUCT_CATEGORY, GUEST_PREFIX } from './native-record';
