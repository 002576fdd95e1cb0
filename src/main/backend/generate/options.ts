import { z } from 'zod';

/** Size presets offered by the "Generate a demo store" dialog and `--preset`. */
export const GENERATOR_PRESETS = {
  small: { customers: 4_000, products: 300, days: 365, lines: 50_000 },
  medium: { customers: 20_000, products: 800, days: 730, lines: 300_000 },
  large: { customers: 50_000, products: 1_500, days: 730, lines: 1_000_000 },
} as const;

export type GeneratorPreset = keyof typeof GENERATOR_PRESETS;

/** The default demo (`storelens generate` with no sizes), as in the example command. */
export const DEFAULT_STORE_SIZE = { customers: 20_000, products: 800, days: 730 } as const;

export const generateOptionsSchema = z
  .object({
    outDir: z.string().min(1),
    preset: z.enum(['small', 'medium', 'large']).optional(),
    customers: z.number().int().min(50).max(5_000_000).optional(),
    products: z.number().int().min(40).max(200_000).optional(),
    days: z.number().int().min(14).max(3_660).optional(),
    start: z.iso.date().default('2024-01-01'),
    seed: z.number().int().min(0).max(4_294_967_295).default(42),
    noise: z.number().min(0).max(0.5).default(0.02),
    /** Target order-line count; the purchase rate is calibrated to hit it within ±5%. */
    lines: z.number().int().min(100).max(50_000_000).optional(),
  })
  .strict();

export type GenerateOptions = z.input<typeof generateOptionsSchema>;

export interface ResolvedOptions {
  outDir: string;
  preset: GeneratorPreset | null;
  customers: number;
  products: number;
  days: number;
  start: string;
  seed: number;
  noise: number;
  lines: number | null;
}

/** Preset first, explicit options over it, then the default demo size. */
export function resolveOptions(input: GenerateOptions): ResolvedOptions {
  const parsed = generateOptionsSchema.parse(input);
  const preset = parsed.preset ? GENERATOR_PRESETS[parsed.preset] : null;
  return {
    outDir: parsed.outDir,
    preset: parsed.preset ?? null,
    customers: parsed.customers ?? preset?.customers ?? DEFAULT_STORE_SIZE.customers,
    products: parsed.products ?? preset?.products ?? DEFAULT_STORE_SIZE.products,
    days: parsed.days ?? preset?.days ?? DEFAULT_STORE_SIZE.days,
    start: parsed.start,
    seed: parsed.seed,
    noise: parsed.noise,
    lines: parsed.lines ?? preset?.lines ?? null,
  };
}
