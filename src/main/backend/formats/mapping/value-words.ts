import { MOVEMENT_KINDS } from '../../../../shared/data-contract/native-format';
import { normaliseName } from '../dialect';
import type { OrderStatus } from '../native-record';

/** Status words seen in exports (EN, PT, ES, DE, FR, and shop systems) → our order state. */
const STATUS_WORDS: Record<string, OrderStatus> = {};
const add = (status: OrderStatus, words: string[]) => words.forEach((word) => (STATUS_WORDS[normaliseName(word)] = status));
add('created', ['created', 'new', 'open', 'pending', 'pending payment', 'awaiting payment', 'unpaid', 'authorized', 'on hold', 'draft', 'novo', 'aberto', 'pendente', 'aguardando pagamento', 'nuevo', 'pendiente', 'neu', 'offen', 'ausstehend', 'nouveau', 'en attente']);
add('paid', ['paid', 'processing', 'complete', 'completed', 'confirmed', 'approved', 'partially refunded', 'pago', 'paga', 'aprovado', 'confirmado', 'concluido', 'pagado', 'completado', 'bezahlt', 'abgeschlossen', 'paye', 'payee', 'termine', 'confirme']);
add('fulfilled', ['fulfilled', 'shipped', 'dispatched', 'sent', 'in transit', 'enviado', 'despachado', 'em transito', 'faturado', 'versendet', 'versandt', 'expedie', 'expediee']);
add('delivered', ['delivered', 'entregue', 'entregado', 'geliefert', 'zugestellt', 'livre', 'livree']);
add('returned', ['returned', 'refunded', 'devolvido', 'reembolsado', 'devuelto', 'zuruckgegeben', 'erstattet', 'retourne', 'rembourse']);
add('cancelled', ['cancelled', 'canceled', 'voided', 'void', 'failed', 'cancelado', 'cancelada', 'anulado', 'storniert', 'abgebrochen', 'annule', 'annulee']);

export function parseOrderStatus(value: string): OrderStatus | null {
  return STATUS_WORDS[normaliseName(value)] ?? null;
}

const KIND_WORDS: Record<string, (typeof MOVEMENT_KINDS)[number]> = {};
for (const kind of MOVEMENT_KINDS) KIND_WORDS[kind] = kind;
Object.assign(KIND_WORDS, {
  receipt: 'receipt', received: 'receipt', purchase: 'receipt', entrada: 'receipt', recebimento: 'receipt', wareneingang: 'receipt', reception: 'receipt',
  sale: 'sale', sold: 'sale', saida: 'sale', venda: 'sale', venta: 'sale', verkauf: 'sale', vente: 'sale',
  adjustment: 'adjustment', ajuste: 'adjustment', korrektur: 'adjustment', ajustement: 'adjustment', inventory: 'adjustment',
  return: 'return', devolucao: 'return', devolucion: 'return', retoure: 'return', retour: 'return',
  allocation: 'allocation', reserved: 'allocation', reserva: 'allocation', release: 'release',
});

export function parseMovementKind(value: string): (typeof MOVEMENT_KINDS)[number] | null {
  return KIND_WORDS[normaliseName(value)] ?? null;
}
