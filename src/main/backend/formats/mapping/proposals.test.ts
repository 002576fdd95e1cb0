import { afterAll, describe, expect, it } from 'vitest';
import { detectFileFormat } from '../detect';
import { tempFolder } from '../testing';

/** Order-line exports as shops in other languages write them: the wizard should need no help with the columns. */
const folder = tempFolder('storelens-proposals-');
afterAll(() => folder.dispose());

/** The proposed column of each field, keeping only proposals made by a known header name (confidence ≥ 0.9). */
async function proposed(name: string, lines: string[]): Promise<Record<string, string | null>> {
  const detection = await detectFileFormat(folder.write(name, lines.join('\n')));
  expect(detection.proposedEntity).toBe('flat_order_lines');
  return Object.fromEntries(detection.fields.map((f) => [f.field, f.confidence >= 0.9 ? f.column : null]));
}

describe('column proposals for foreign order-line exports', () => {
  it('German: Beleg is the order, Artikelnr the SKU, Bezeichnung the name', async () => {
    const columns = await proposed('bestellungen.csv', [
      'Beleg;Datum;Kunde;E-Mail;Artikelnr;Bezeichnung;Menge;Einzelpreis;Rabatt;Versand',
      'B-1001;2024-03-05T14:22:00+01:00;Anna Schmidt;anna@example.de;A-1;Tasse;2;12,50;0,00;4,90',
      'B-1002;2024-03-06T09:10:00+01:00;Jonas Weber;jonas@example.de;A-2;Teller;1;1.234,56;34,56;4,90',
    ]);
    expect(columns).toMatchObject({
      order_id: 'Beleg', created_at: 'Datum', customer_name: 'Kunde', email: 'E-Mail', sku: 'Artikelnr', product_name: 'Bezeichnung',
      quantity: 'Menge', unit_price: 'Einzelpreis', line_discount: 'Rabatt', shipping: 'Versand',
    });
  });

  it('French: commande, quantité and prix unitaire', async () => {
    const columns = await proposed('commandes.csv', [
      'Numéro de commande,Date,Client,Courriel,Référence,Désignation,Quantité,Prix unitaire',
      'C-1,2024-03-05T14:22:00+01:00,Anne Martin,anne@example.fr,R-1,Tasse,2,12.50',
      'C-2,2024-03-06T09:10:00+01:00,Luc Bernard,luc@example.fr,R-2,Assiette,1,8.00',
    ]);
    expect(columns).toMatchObject({ order_id: 'Numéro de commande', created_at: 'Date', sku: 'Référence', product_name: 'Désignation', quantity: 'Quantité', unit_price: 'Prix unitaire' });
  });
});
