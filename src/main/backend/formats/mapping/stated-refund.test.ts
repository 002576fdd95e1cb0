import { afterAll, describe, expect, it } from 'vitest';
import { columnMappingSchema } from '../../../../shared/contract/formats';
import { detectFileFormat, openForeignSource } from '../index';
import { drain, tempFolder } from '../testing';

const folder = tempFolder();
afterAll(() => folder.dispose());

// A returns export that states the refund: one price adjustment without goods back (0 units).
const FILE = ['Pedido;Linha;Quantidade;Data da devolução;Valor reembolsado', 'MP-1;1;1;05/03/2024;', 'MP-2;2;0;06/03/2024;12,50', 'MP-3;1;0;07/03/2024;'].join('\n');

describe('returns that state their refund, through a mapping', () => {
  it('proposes refund_amount for a refunded-amount column', async () => {
    const file = folder.write('devolucoes.csv', FILE);
    const detection = await detectFileFormat(file);
    const proposed = Object.fromEntries(detection.fields.filter((f) => f.column).map((f) => [f.field, f.column]));
    expect(proposed.refund_amount).toBe('Valor reembolsado');
  });

  it('loads 0-unit returns with an amount and refuses a 0-unit return without one, naming the column', async () => {
    const file = folder.write('devolucoes.csv', FILE);
    const mapping = columnMappingSchema.parse({
      entity: 'returns',
      columns: { order_id: 'Pedido', line_no: 'Linha', quantity: 'Quantidade', returned_at: 'Data da devolução', refund_amount: 'Valor reembolsado' },
      dateFormat: 'dmy',
      timeZone: 'UTC',
      decimalSeparator: ',',
      delimiter: ';',
    });
    const out = await drain(await openForeignSource(file, { mapping }));
    expect(out.byEntity('returns').map((r) => [r.order_id, r.quantity, r.refund_amount])).toEqual([
      ['MP-1', '1', ''],
      ['MP-2', '0', '12.50'],
    ]);
    expect(out.rejects).toEqual([expect.objectContaining({ line: 4, column: 'Quantidade', reason: expect.stringContaining('not positive') })]);
  });
});
