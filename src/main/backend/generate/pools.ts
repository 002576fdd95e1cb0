import { faker } from '@faker-js/faker/locale/en';

/** RFC-4180: quote a field when it holds a comma, quote or line break; double inner quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface NamePools {
  /** Raw names: a full name is quoted as one CSV field when it is assembled. */
  firstNames: string[];
  lastNames: string[];
  /** Lower-case ASCII slugs for e-mail local parts, index-aligned with the names. */
  firstSlugs: string[];
  lastSlugs: string[];
  productAdjectives: string[];
  productMaterials: string[];
  productNouns: string[];
  suppliers: string[];
}

function slug(value: string): string {
  const cleaned = value
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return cleaned.length > 0 ? cleaned : 'x';
}

function distinct(draw: () => string, count: number): string[] {
  const seen = new Set<string>();
  for (let i = 0; i < count * 20 && seen.size < count; i += 1) seen.add(draw());
  return [...seen];
}

/**
 * Faker costs ~15 µs a call, so it runs only here, once per generation, seeded: every row
 * afterwards picks from these arrays with the generator's own PRNG.
 */
export function buildNamePools(seed: number): NamePools {
  faker.seed(seed);
  const firstNames = distinct(() => faker.person.firstName(), 400);
  const lastNames = distinct(() => faker.person.lastName(), 500);
  return {
    firstNames,
    lastNames,
    firstSlugs: firstNames.map(slug),
    lastSlugs: lastNames.map(slug),
    productAdjectives: distinct(() => faker.commerce.productAdjective(), 40),
    productMaterials: distinct(() => faker.commerce.productMaterial(), 25),
    productNouns: distinct(() => faker.commerce.product(), 40),
    suppliers: distinct(() => faker.company.name(), 30).map(csvField),
  };
}

/** Review texts by rating (1–5); some hold commas and quotes on purpose, to exercise CSV quoting. */
export const REVIEW_TEXTS: readonly (readonly string[])[] = [
  [],
  ['Broke after two days, returned it.', 'Not as described. Very disappointed', 'Poor quality, "premium" my foot.', 'Would not buy again'],
  ['Meh, it does the job, barely.', 'Sizing is off and the colour is dull', 'Arrived late and scratched'],
  ['Okay for the price.', 'Decent, nothing special', 'Fine, but shipping took a while, so 3 stars'],
  ['Good value, would buy again.', 'Nice quality', 'Works well, packaging could be better', 'Happy with it'],
  ['Excellent! Exactly what I wanted.', 'Love it, bought a second one', 'Great quality, fast delivery', 'Five stars, "perfect" gift'],
].map((texts) => texts.map(csvField));
