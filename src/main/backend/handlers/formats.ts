import type { formatsContract } from '../../../shared/contract/formats';
import type { Backend } from '../backend';
import { detectFileFormat } from '../formats/detect';
import { deletePreset, listPresets, presetsDirFor, savePreset } from '../formats/presets';
import { dryRunFile, type WarehouseKeys } from '../formats/wizard/dry-run';
import { previewFile } from '../formats/wizard/preview';
import type { HandlersFor } from './types';

/** Read-only lookups on the main connection; dry runs never write. */
function warehouseKeys(backend: Backend): WarehouseKeys {
  const order = backend.db.prepare('SELECT 1 FROM fct_orders WHERE order_id = ?').pluck();
  const customer = backend.db.prepare('SELECT 1 FROM dim_customer WHERE customer_id = ?').pluck();
  return { hasOrder: (id) => order.get(id) !== undefined, hasCustomer: (id) => customer.get(id) !== undefined };
}

export const formatsHandlers = {
  'formats.inspect': async (args, backend) => {
    const presetsDir = presetsDirFor(backend.warehousePath);
    const detection = await detectFileFormat(args.path, { presetsDir });
    return { detection, preview: await previewFile(args.path, undefined, presetsDir) };
  },
  'formats.preview': (args, backend) => previewFile(args.path, args.mapping, presetsDirFor(backend.warehousePath)),
  'formats.dryRun': async (args, backend) => {
    const presetsDir = presetsDirFor(backend.warehousePath);
    const warehouse = warehouseKeys(backend);
    const files = [];
    // One file at a time: dry runs read whole files and the machine has few cores.
    for (const path of args.paths) files.push(await dryRunFile(path, { mapping: args.mapping, presetsDir, warehouse }));
    return { files };
  },
  'formats.presets.list': (_args, backend) => listPresets(presetsDirFor(backend.warehousePath)),
  'formats.presets.save': (args, backend) => savePreset(presetsDirFor(backend.warehousePath), args.name, args.header, args.mapping),
  'formats.presets.delete': async (args, backend) => ({ isDeleted: await deletePreset(presetsDirFor(backend.warehousePath), args.name) }),
} satisfies HandlersFor<typeof formatsContract>;
