import type { MappingTarget } from '../../../../shared/contract/formats';

export type FieldKind =
  | 'id'
  | 'text'
  | 'email'
  | 'money'
  | 'integer'
  | 'timestamp'
  | 'date'
  | 'status'
  | 'currency'
  | 'rating'
  | 'movement_kind';

export interface TargetField {
  name: string;
  kind: FieldKind;
  /** Header names that mean this field, in EN, PT, ES, DE and FR (compared after normaliseName). */
  synonyms: readonly string[];
}

/** One vocabulary for every target: a field means the same wherever it appears. */
const FIELDS: Record<string, TargetField> = Object.fromEntries(
  (
    [
      ['order_id', 'id', ['order id', 'order', 'order number', 'order no', 'order nr', 'order #', 'order ref', 'name', 'invoice', 'invoice no', 'invoice number', 'transaction id', 'pedido', 'numero do pedido', 'n pedido', 'no pedido', 'id do pedido', 'codigo do pedido', 'id pedido', 'numero pedido', 'venda', 'id venda', 'numero de pedido', 'orden', 'numero de orden', 'id orden', 'bestellung', 'bestellnummer', 'bestell nr', 'bestellnr', 'auftragsnummer', 'auftrag', 'auftragsnr', 'beleg', 'belegnummer', 'beleg nr', 'belegnr', 'vorgangsnummer', 'commande', 'numero de commande', 'n commande', 'no commande', 'id commande', 'fatura', 'factura', 'rechnungsnummer', 'facture']],
      ['created_at', 'timestamp', ['created at', 'date', 'order date', 'created', 'datetime', 'timestamp', 'purchase date', 'placed at', 'ordered at', 'invoice date', 'data', 'data do pedido', 'data da compra', 'data da venda', 'data de criacao', 'fecha', 'fecha de pedido', 'fecha del pedido', 'fecha de compra', 'datum', 'bestelldatum', 'erstellt am', 'date de commande', 'date commande']],
      ['customer_id', 'id', ['customer id', 'customer', 'customer number', 'customer no', 'client id', 'buyer id', 'user id', 'id cliente', 'codigo do cliente', 'codigo cliente', 'cliente id', 'cliente', 'id del cliente', 'kunden id', 'kundennummer', 'kunde', 'id client', 'numero client', 'client']],
      ['email', 'email', ['email', 'e mail', 'mail', 'customer email', 'email address', 'buyer email', 'e mail do cliente', 'email do cliente', 'correo', 'correo electronico', 'courriel', 'adresse email', 'adresse e mail', 'e mail adresse']],
      ['customer_name', 'text', ['customer name', 'name', 'full name', 'buyer', 'buyer name', 'billing name', 'nome', 'nome do cliente', 'cliente', 'comprador', 'nombre', 'nombre del cliente', 'kundenname', 'name des kunden', 'kunde', 'nom', 'nom du client', 'client']],
      ['name', 'text', ['name', 'product name', 'title', 'product', 'nome', 'nome do produto', 'produto', 'nombre', 'producto', 'produktname', 'bezeichnung', 'nom', 'produit', 'full name', 'customer name']],
      ['country', 'text', ['country', 'pais', 'land', 'pays', 'billing country', 'shipping country', 'country code']],
      ['city', 'text', ['city', 'cidade', 'ciudad', 'stadt', 'ort', 'ville', 'town']],
      ['region', 'text', ['region', 'state', 'province', 'estado', 'uf', 'provincia', 'bundesland', 'departement', 'county']],
      ['signup_date', 'date', ['signup date', 'sign up date', 'registration date', 'registered at', 'customer since', 'joined', 'data de cadastro', 'cadastro', 'fecha de registro', 'fecha de alta', 'registriert am', 'anmeldedatum', 'date d inscription']],
      ['segment', 'text', ['segment', 'segmento', 'kundensegment', 'tier']],
      ['acquisition_channel', 'text', ['acquisition channel', 'acquisition source', 'utm source', 'referrer', 'origem', 'origen', 'herkunft', 'canal d acquisition']],
      ['updated_at', 'timestamp', ['updated at', 'last modified', 'modified at', 'modified', 'last updated', 'atualizado em', 'data de atualizacao', 'actualizado', 'fecha de actualizacion', 'geandert am', 'aktualisiert am', 'mis a jour', 'date de mise a jour']],
      ['sku', 'id', ['sku', 'product id', 'product code', 'item code', 'item id', 'stock code', 'stockcode', 'variant sku', 'article number', 'article', 'codigo do produto', 'cod produto', 'codigo', 'referencia', 'ref', 'sku do produto', 'codigo de producto', 'codigo producto', 'artikelnummer', 'art nr', 'artnr', 'artikel nr', 'artikelnr', 'reference', 'code produit', 'ean', 'lineitem sku']],
      ['product_name', 'text', ['product name', 'product', 'item', 'item name', 'description', 'title', 'produto', 'nome do produto', 'descricao', 'item', 'producto', 'nombre del producto', 'descripcion', 'articulo', 'artikel', 'artikelname', 'produktname', 'bezeichnung', 'beschreibung', 'produit', 'nom du produit', 'designation', 'libelle', 'lineitem name']],
      ['category', 'text', ['category', 'categoria', 'kategorie', 'categorie', 'product type', 'type', 'department', 'departamento', 'rubrique', 'warengruppe']],
      ['brand', 'text', ['brand', 'marca', 'marke', 'marque', 'vendor', 'manufacturer', 'fabricante', 'hersteller', 'fabricant']],
      ['supplier', 'text', ['supplier', 'fornecedor', 'proveedor', 'lieferant', 'fournisseur', 'vendor']],
      ['cost', 'money', ['cost', 'unit cost', 'cost price', 'custo', 'custo unitario', 'costo', 'coste', 'kosten', 'einkaufspreis', 'einstandspreis', 'cout', 'prix d achat']],
      ['list_price', 'money', ['list price', 'price', 'retail price', 'msrp', 'preco', 'preco de venda', 'precio', 'precio de venta', 'preis', 'verkaufspreis', 'prix', 'prix de vente']],
      ['reorder_point', 'integer', ['reorder point', 'reorder level', 'min stock', 'minimum stock', 'safety stock', 'estoque minimo', 'ponto de pedido', 'stock minimo', 'punto de pedido', 'mindestbestand', 'meldebestand', 'seuil de reapprovisionnement', 'stock minimum']],
      ['quantity', 'integer', ['quantity', 'qty', 'units', 'quantidade', 'qtd', 'qtde', 'quant', 'cantidad', 'cant', 'unidades', 'menge', 'anzahl', 'stuck', 'quantite', 'qte', 'lineitem quantity']],
      ['unit_price', 'money', ['unit price', 'price', 'item price', 'unitprice', 'price each', 'sale price', 'preco unitario', 'preco', 'valor unitario', 'preco unit', 'vl unitario', 'precio unitario', 'precio', 'einzelpreis', 'stuckpreis', 'preis', 'prix unitaire', 'prix', 'lineitem price']],
      ['line_discount', 'money', ['line discount', 'discount', 'item discount', 'desconto', 'descuento', 'rabatt', 'remise', 'reduction', 'lineitem discount']],
      ['line_tax', 'money', ['line tax', 'tax', 'item tax', 'vat', 'imposto', 'impostos', 'iva', 'impuesto', 'mwst', 'ust', 'steuer', 'tva', 'taxe']],
      ['discount', 'money', ['discount', 'discount amount', 'order discount', 'total discount', 'desconto', 'desconto total', 'descuento', 'rabatt', 'remise']],
      ['tax', 'money', ['tax', 'taxes', 'tax amount', 'vat', 'total tax', 'imposto', 'impostos', 'iva', 'impuesto', 'impuestos', 'mwst', 'steuer', 'tva', 'taxes']],
      ['shipping', 'money', ['shipping', 'shipping cost', 'shipping amount', 'freight', 'postage', 'delivery', 'delivery fee', 'frete', 'valor do frete', 'envio', 'gastos de envio', 'costo de envio', 'versand', 'versandkosten', 'porto', 'livraison', 'frais de port', 'frais de livraison']],
      ['subtotal', 'money', ['subtotal', 'sub total', 'zwischensumme', 'sous total', 'valor dos produtos', 'total produtos']],
      ['total', 'money', ['total', 'order total', 'grand total', 'amount', 'total amount', 'valor total', 'total do pedido', 'valor', 'importe total', 'importe', 'total pedido', 'gesamt', 'gesamtbetrag', 'summe', 'montant', 'montant total', 'total ttc']],
      ['currency', 'currency', ['currency', 'currency code', 'moeda', 'moneda', 'divisa', 'wahrung', 'waehrung', 'devise', 'monnaie']],
      ['channel', 'text', ['channel', 'sales channel', 'source', 'marketplace', 'platform', 'store', 'canal', 'canal de venda', 'canal de venta', 'loja', 'plataforma', 'tienda', 'kanal', 'vertriebskanal', 'verkaufskanal', 'canal de vente', 'boutique']],
      ['status', 'status', ['status', 'order status', 'state', 'financial status', 'situacao', 'status do pedido', 'estado', 'estado del pedido', 'bestellstatus', 'zustand', 'statut', 'etat']],
      ['paid_at', 'timestamp', ['paid at', 'payment date', 'paid date', 'data de pagamento', 'data do pagamento', 'fecha de pago', 'bezahlt am', 'zahlungsdatum', 'date de paiement']],
      ['fulfilled_at', 'timestamp', ['fulfilled at', 'shipped at', 'ship date', 'shipping date', 'dispatch date', 'data de envio', 'data de expedicao', 'fecha de envio', 'versanddatum', 'versendet am', 'date d expedition']],
      ['delivered_at', 'timestamp', ['delivered at', 'delivery date', 'data de entrega', 'entregue em', 'fecha de entrega', 'lieferdatum', 'zugestellt am', 'date de livraison', 'livre le']],
      ['cancelled_at', 'timestamp', ['cancelled at', 'canceled at', 'cancel date', 'cancellation date', 'data de cancelamento', 'cancelado em', 'fecha de cancelacion', 'storniert am', 'stornodatum', 'date d annulation', 'annule le']],
      ['line_no', 'integer', ['line no', 'line', 'line number', 'item no', 'item number', 'linha', 'numero da linha', 'linea', 'position', 'pos', 'positionsnummer', 'ligne', 'numero de ligne']],
      ['returned_at', 'timestamp', ['returned at', 'return date', 'data da devolucao', 'data de devolucao', 'devolvido em', 'fecha de devolucion', 'rucksendedatum', 'retourdatum', 'date de retour']],
      ['refund_amount', 'money', ['refund amount', 'refunded amount', 'refund', 'amount refunded', 'valor reembolsado', 'reembolso', 'importe reembolsado', 'erstattungsbetrag', 'erstattung', 'montant rembourse', 'remboursement']],
      ['reason', 'text', ['reason', 'return reason', 'motivo', 'motivo da devolucao', 'motivo de devolucion', 'grund', 'rucksendegrund', 'raison', 'motif']],
      ['moved_at', 'timestamp', ['moved at', 'date', 'movement date', 'timestamp', 'data', 'data do movimento', 'fecha', 'fecha del movimiento', 'datum', 'buchungsdatum', 'date du mouvement']],
      ['kind', 'movement_kind', ['kind', 'type', 'movement type', 'movement', 'tipo', 'tipo de movimento', 'tipo de movimiento', 'bewegungsart', 'art', 'type de mouvement']],
      ['review_id', 'id', ['review id', 'id', 'id da avaliacao', 'id resena', 'bewertungs id', 'id avis']],
      ['rating', 'rating', ['rating', 'stars', 'score', 'nota', 'avaliacao', 'estrelas', 'puntuacion', 'calificacion', 'estrellas', 'bewertung', 'sterne', 'note', 'etoiles']],
      ['text', 'text', ['text', 'review', 'review text', 'comment', 'body', 'comentario', 'texto', 'resena', 'kommentar', 'rezension', 'commentaire', 'avis']],
      ['reviewed_at', 'timestamp', ['reviewed at', 'review date', 'date', 'data da avaliacao', 'data', 'fecha', 'datum', 'date de l avis']],
    ] as const
  ).map(([name, kind, synonyms]) => [name, { name, kind, synonyms }]),
);

export interface TargetSpec {
  fields: readonly string[];
  /** Each inner list is one requirement met by any of its fields (a column or a constant). */
  required: readonly (readonly string[])[];
}

/**
 * What each mapping target reads. Names match the native columns, plus `customer_name`,
 * `product_name` and order-level money on flat order lines.
 */
export const TARGETS: Record<MappingTarget, TargetSpec> = {
  flat_order_lines: {
    fields: ['order_id', 'created_at', 'status', 'channel', 'currency', 'customer_id', 'email', 'customer_name', 'country', 'region', 'city', 'sku', 'product_name', 'category', 'brand', 'quantity', 'unit_price', 'line_discount', 'line_tax', 'discount', 'tax', 'shipping', 'total', 'paid_at', 'fulfilled_at', 'delivered_at', 'cancelled_at'],
    required: [['order_id'], ['created_at'], ['sku', 'product_name'], ['quantity'], ['unit_price'], ['currency']],
  },
  orders: {
    fields: ['order_id', 'customer_id', 'email', 'channel', 'status', 'created_at', 'paid_at', 'fulfilled_at', 'delivered_at', 'cancelled_at', 'currency', 'subtotal', 'discount', 'tax', 'shipping', 'total', 'updated_at'],
    required: [['order_id'], ['created_at'], ['total', 'subtotal'], ['currency']],
  },
  order_items: {
    fields: ['order_id', 'line_no', 'sku', 'quantity', 'unit_price', 'line_discount', 'line_tax'],
    required: [['order_id'], ['sku'], ['quantity'], ['unit_price']],
  },
  customers: {
    fields: ['customer_id', 'email', 'name', 'region', 'country', 'city', 'signup_date', 'segment', 'acquisition_channel', 'updated_at'],
    required: [['customer_id', 'email']],
  },
  products: {
    fields: ['sku', 'name', 'category', 'brand', 'supplier', 'cost', 'list_price', 'reorder_point', 'updated_at'],
    required: [['sku'], ['list_price']],
  },
  inventory_movements: {
    fields: ['sku', 'moved_at', 'kind', 'quantity'],
    required: [['sku'], ['moved_at'], ['quantity']],
  },
  returns: {
    fields: ['order_id', 'line_no', 'quantity', 'returned_at', 'reason', 'refund_amount'],
    required: [['order_id'], ['line_no'], ['quantity'], ['returned_at']],
  },
  reviews: {
    fields: ['review_id', 'sku', 'customer_id', 'rating', 'text', 'reviewed_at'],
    required: [['sku'], ['rating'], ['reviewed_at']],
  },
};

export function fieldInfo(name: string): TargetField {
  const info = FIELDS[name];
  if (!info) throw new Error(`unknown mapping field ${name}`);
  return info;
}

export function isRequiredField(target: MappingTarget, field: string): boolean {
  return TARGETS[target].required.some((group) => group.length === 1 && group[0] === field);
}
