import type { Catalog } from './catalog';
import { cumulative, type Rng, sampleCumulative } from './prng';
import { CATEGORIES, TASTE } from './world';

/** Marks an empty second favourite-category slot. */
export const NO_CATEGORY = 255;

export interface TasteSummary {
  buyersWithOneCategory: number;
  buyersWithTwoCategories: number;
  /** Per category: buyers for whom it is the first / second favourite. */
  byCategory: { name: string; first: number; second: number }[];
}

/**
 * Each buyer's planted taste (see TASTE in world.ts), drawn once per generation from its own
 * seeded stream. Two slots per customer: favourite category (second slot may be NO_CATEGORY)
 * and, per slot, the favourite brand's index within that category.
 */
export class Tastes {
  readonly categories: Uint8Array;
  readonly brands: Uint8Array;
  /** Per category × brand index: cumulative weights over the category's products (brand boosted). */
  private readonly tables: Float64Array[][];

  constructor(
    count: number,
    isBuyer: Uint8Array,
    private readonly catalog: Catalog,
    rng: Rng,
  ) {
    this.categories = new Uint8Array(count * 2).fill(NO_CATEGORY);
    this.brands = new Uint8Array(count * 2);
    this.tables = CATEGORIES.map((category, c) => category.brands.map((_, brand) => this.boostedTable(c, brand)));
    const categoryCum = cumulative(CATEGORIES.map((category) => category.weight));
    for (let i = 0; i < count; i += 1) {
      if (isBuyer[i] === 0) continue;
      const first = sampleCumulative(categoryCum, rng.next());
      this.assign(i * 2, first, rng);
      if (rng.next() < TASTE.secondCategoryShare) {
        let second = first;
        while (second === first) second = sampleCumulative(categoryCum, rng.next());
        this.assign(i * 2 + 1, second, rng);
      }
    }
  }

  private assign(slot: number, category: number, rng: Rng): void {
    this.categories[slot] = category;
    this.brands[slot] = rng.int((CATEGORIES[category] as (typeof CATEGORIES)[number]).brands.length);
  }

  /** Zipf within the category, the favourite brand's products boosted. */
  private boostedTable(category: number, brand: number): Float64Array {
    const { categoryStart, zipfInCategory, brandIndex } = this.catalog;
    const start = categoryStart[category] as number;
    const end = categoryStart[category + 1] as number;
    const weights = new Float64Array(end - start);
    for (let j = start; j < end; j += 1) weights[j - start] = (zipfInCategory[j] as number) * (brandIndex[j] === brand ? TASTE.brandBoost : 1);
    return cumulative(weights);
  }

  /** A product from one of the customer's favourite categories. */
  drawFavourite(customer: number, rng: Rng): number {
    const hasSecond = this.categories[customer * 2 + 1] !== NO_CATEGORY;
    const slot = customer * 2 + (hasSecond && rng.next() < TASTE.secondCategoryLineShare ? 1 : 0);
    const category = this.categories[slot] as number;
    const table = (this.tables[category] as Float64Array[])[this.brands[slot] as number] as Float64Array;
    return (this.catalog.categoryStart[category] as number) + sampleCumulative(table, rng.next());
  }

  summary(): TasteSummary {
    const byCategory = CATEGORIES.map((category) => ({ name: category.name, first: 0, second: 0 }));
    let one = 0;
    let two = 0;
    for (let slot = 0; slot < this.categories.length; slot += 2) {
      const first = this.categories[slot] as number;
      if (first === NO_CATEGORY) continue;
      (byCategory[first] as { first: number }).first += 1;
      const second = this.categories[slot + 1] as number;
      if (second === NO_CATEGORY) {
        one += 1;
      } else {
        two += 1;
        (byCategory[second] as { second: number }).second += 1;
      }
    }
    return { buyersWithOneCategory: one, buyersWithTwoCategories: two, byCategory };
  }
}
