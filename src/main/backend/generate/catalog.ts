import { csvField, type NamePools } from './pools';
import { cumulative, type Rng, sampleCumulative } from './prng';
import { AFFINITY_PAIRS, AFFINITY_TRIPLES, CATEGORIES, ZIPF_EXPONENT } from './world';

export interface PriceChange {
  day: number;
  product: number;
  listCents: number;
}

/** The product catalogue as parallel arrays (no per-product objects on the hot path). */
export interface Catalog {
  count: number;
  skus: string[];
  /** CSV-ready name, category, brand, supplier. */
  names: string[];
  categories: Int32Array;
  /** Products of category c are the contiguous range [categoryStart[c], categoryStart[c + 1]), by rank. */
  categoryStart: Int32Array;
  brands: string[];
  /** Index of the product's brand in CATEGORIES[category].brands. */
  brandIndex: Uint8Array;
  /** Zipf popularity within the category, rank^−s normalised to sum 1 per category. */
  zipfInCategory: Float64Array;
  suppliers: string[];
  costCents: Int32Array;
  /** Current list price in USD cents; price changes overwrite it on their day. */
  listCents: Int32Array;
  initialListCents: Int32Array;
  /** Probability of being drawn for a basket line (sums to 1). */
  weights: Float64Array;
  cumulativeWeights: Float64Array;
  /** Mean review rating of the product when it is kept. */
  quality: Float64Array;
  affinitySets: number[][];
  priceChanges: PriceChange[];
}

/** Prices end in .99, like a shop's. */
function shopPrice(usd: number): number {
  return Math.max(1, Math.round(usd)) * 100 - 1;
}

export function buildCatalog(count: number, days: number, pools: NamePools, rng: Rng): Catalog {
  const totalWeight = CATEGORIES.reduce((a, c) => a + c.weight, 0);
  const perCategory = CATEGORIES.map((c) => Math.max(3, Math.floor((count * c.weight) / totalWeight)));
  let assigned = perCategory.reduce((a, b) => a + b, 0);
  for (let c = 0; assigned !== count; c = (c + 1) % CATEGORIES.length) {
    const n = perCategory[c] as number;
    if (assigned < count) {
      perCategory[c] = n + 1;
      assigned += 1;
    } else if (n > 3) {
      perCategory[c] = n - 1;
      assigned -= 1;
    }
  }
  const skuWidth = Math.max(5, String(count).length);
  const catalog: Catalog = {
    count,
    skus: [],
    names: [],
    categories: new Int32Array(count),
    categoryStart: new Int32Array(CATEGORIES.length + 1),
    brands: [],
    brandIndex: new Uint8Array(count),
    zipfInCategory: new Float64Array(count),
    suppliers: [],
    costCents: new Int32Array(count),
    listCents: new Int32Array(count),
    initialListCents: new Int32Array(count),
    weights: new Float64Array(count),
    cumulativeWeights: new Float64Array(0),
    quality: new Float64Array(count),
    affinitySets: [],
    priceChanges: [],
  };
  const rankInCategory = new Int32Array(count);
  let index = 0;
  CATEGORIES.forEach((category, c) => {
    const n = perCategory[c] as number;
    catalog.categoryStart[c] = index;
    let zipfSum = 0;
    for (let rank = 1; rank <= n; rank += 1) zipfSum += Math.pow(rank, -ZIPF_EXPONENT);
    for (let rank = 1; rank <= n; rank += 1) {
      const brandIndex = rng.int(category.brands.length);
      const brand = category.brands[brandIndex] as string;
      catalog.brandIndex[index] = brandIndex;
      catalog.zipfInCategory[index] = Math.pow(rank, -ZIPF_EXPONENT) / zipfSum;
      const name = `${brand} ${rng.pick(pools.productAdjectives)} ${rng.pick(pools.productMaterials)} ${rng.pick(pools.productNouns)}`;
      const price = shopPrice(category.medianPrice * Math.exp(0.45 * rng.normal()));
      catalog.skus.push(`SKU-${String(index + 1).padStart(skuWidth, '0')}`);
      catalog.names.push(csvField(name));
      catalog.brands.push(csvField(brand));
      catalog.suppliers.push(rng.pick(pools.suppliers));
      catalog.categories[index] = c;
      catalog.listCents[index] = price;
      catalog.initialListCents[index] = price;
      catalog.costCents[index] = Math.round(price * rng.uniform(0.3, 0.6));
      catalog.weights[index] = ((category.weight / totalWeight) * Math.pow(rank, -ZIPF_EXPONENT)) / zipfSum;
      catalog.quality[index] = rng.uniform(3.5, 4.7);
      rankInCategory[index] = rank;
      index += 1;
    }
  });
  catalog.categoryStart[CATEGORIES.length] = index;
  catalog.cumulativeWeights = cumulative(catalog.weights);
  catalog.affinitySets = planAffinitySets(catalog, rankInCategory, rng);
  catalog.priceChanges = planPriceChanges(catalog, days, rng);
  return catalog;
}

export function drawProduct(catalog: Catalog, rng: Rng): number {
  return sampleCumulative(catalog.cumulativeWeights, rng.next());
}

/**
 * Sets are built from mid-popularity products (rank 3–15 in their category) in different
 * categories, so their co-occurrence stands out from what popularity alone would give.
 */
function planAffinitySets(catalog: Catalog, rankInCategory: Int32Array, rng: Rng): number[][] {
  const candidates: number[] = [];
  for (let i = 0; i < catalog.count; i += 1) {
    const rank = rankInCategory[i] as number;
    if (rank >= 3 && rank <= 15) candidates.push(i);
  }
  for (let i = candidates.length - 1; i > 0; i -= 1) {
    const j = rng.int(i + 1);
    [candidates[i], candidates[j]] = [candidates[j] as number, candidates[i] as number];
  }
  const sets: number[][] = [];
  const sizes = [...Array<number>(AFFINITY_PAIRS).fill(2), ...Array<number>(AFFINITY_TRIPLES).fill(3)];
  for (const size of sizes) {
    const set: number[] = [];
    for (let k = 0; k < candidates.length && set.length < size; k += 1) {
      const product = candidates[k] as number;
      if (set.every((p) => catalog.categories[p] !== catalog.categories[product]) || candidates.length < 60) {
        set.push(product);
        candidates.splice(k, 1);
        k -= 1;
      }
    }
    if (set.length === size) sets.push(set.sort((a, b) => a - b));
  }
  return sets;
}

/** About 15% of SKUs change list price once (some twice), always at 00:00:00Z of a day. */
function planPriceChanges(catalog: Catalog, days: number, rng: Rng): PriceChange[] {
  const changes: PriceChange[] = [];
  if (days < 40) return changes;
  for (let product = 0; product < catalog.count; product += 1) {
    const times = rng.chance(0.15) ? (rng.chance(0.2) ? 2 : 1) : 0;
    let price = catalog.listCents[product] as number;
    let after = 20;
    for (let k = 0; k < times && after < days - 10; k += 1) {
      const day = rng.between(after, days - 10);
      price = shopPrice(((price + 1) / 100) * rng.uniform(0.85, 1.2));
      changes.push({ day, product, listCents: price });
      after = day + 1;
    }
  }
  if (changes.length === 0) changes.push({ day: Math.floor(days / 2), product: 0, listCents: shopPrice(((catalog.listCents[0] as number) + 1) / 80) });
  return changes.sort((a, b) => a.day - b.day || a.product - b.product);
}
