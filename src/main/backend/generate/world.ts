/**
 * The planted truth that does not depend on the seed: the store's regions, channels,
 * categories, seasonality and model parameters. manifest.json repeats all of it.
 */

export interface Region {
  code: string;
  country: string;
  currency: string;
  /** Tax is added on top of (line gross − line discount), rounded to the cent per line. */
  taxRate: number;
  weight: number;
  /** Flat shipping in the region's cents, waived above the free-shipping threshold. */
  shippingCents: number;
  freeShippingCents: number;
  /** Multiplies USD list prices into the region's currency. */
  fxFromUsd: number;
  cities: readonly string[];
}

export const REGIONS: readonly Region[] = [
  { code: 'us-east', country: 'US', currency: 'USD', taxRate: 0.065, weight: 0.3, shippingCents: 599, freeShippingCents: 7500, fxFromUsd: 1, cities: ['New York', 'Boston', 'Philadelphia', 'Atlanta', 'Miami', 'Charlotte'] },
  { code: 'us-west', country: 'US', currency: 'USD', taxRate: 0.0825, weight: 0.25, shippingCents: 599, freeShippingCents: 7500, fxFromUsd: 1, cities: ['Los Angeles', 'San Francisco', 'Seattle', 'Portland', 'Denver', 'Phoenix'] },
  { code: 'canada', country: 'CA', currency: 'CAD', taxRate: 0.13, weight: 0.1, shippingCents: 799, freeShippingCents: 10000, fxFromUsd: 1.36, cities: ['Toronto', 'Montreal', 'Vancouver', 'Calgary', 'Ottawa'] },
  { code: 'uk', country: 'GB', currency: 'GBP', taxRate: 0.2, weight: 0.12, shippingCents: 499, freeShippingCents: 6000, fxFromUsd: 0.79, cities: ['London', 'Manchester', 'Bristol', 'Leeds', 'Edinburgh', 'Glasgow'] },
  { code: 'eu-de', country: 'DE', currency: 'EUR', taxRate: 0.19, weight: 0.13, shippingCents: 549, freeShippingCents: 7000, fxFromUsd: 0.92, cities: ['Berlin', 'Hamburg', 'Munich', 'Cologne', 'Frankfurt'] },
  { code: 'eu-fr', country: 'FR', currency: 'EUR', taxRate: 0.2, weight: 0.1, shippingCents: 549, freeShippingCents: 7000, fxFromUsd: 0.92, cities: ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Nantes'] },
];

export const CURRENCIES = ['USD', 'CAD', 'GBP', 'EUR'] as const;

export const CHANNELS = ['web', 'mobile_app', 'marketplace', 'pos'] as const;
export const CHANNEL_WEIGHTS = [0.45, 0.3, 0.15, 0.1];
/** Share of a customer's orders placed on their preferred channel. */
export const PREFERRED_CHANNEL_SHARE = 0.75;

export const SEGMENTS = ['consumer', 'business', 'student', 'wholesale'] as const;
export const SEGMENT_WEIGHTS = [0.72, 0.12, 0.12, 0.04];

export const ACQUISITION_CHANNELS = ['organic', 'paid_search', 'social', 'email', 'referral', 'marketplace'] as const;
export const ACQUISITION_WEIGHTS = [0.3, 0.22, 0.18, 0.1, 0.08, 0.12];

export interface Category {
  name: string;
  weight: number;
  /** Median USD list price (lognormal around it). */
  medianPrice: number;
  returnRate: number;
  brands: readonly string[];
}

export const CATEGORIES: readonly Category[] = [
  { name: 'Apparel', weight: 0.2, medianPrice: 38, returnRate: 0.16, brands: ['Northwind', 'Loomcraft', 'Urban Fable'] },
  { name: 'Footwear', weight: 0.1, medianPrice: 75, returnRate: 0.18, brands: ['Stridewell', 'Pebble & Pine'] },
  { name: 'Electronics', weight: 0.11, medianPrice: 95, returnRate: 0.08, brands: ['Voltara', 'Quanta Labs', 'Brightwave'] },
  { name: 'Home & Kitchen', weight: 0.14, medianPrice: 42, returnRate: 0.05, brands: ['Hearthline', 'Copper Crane'] },
  { name: 'Beauty', weight: 0.11, medianPrice: 24, returnRate: 0.04, brands: ['Lumiere', 'Petal Theory'] },
  { name: 'Sports & Outdoors', weight: 0.09, medianPrice: 55, returnRate: 0.07, brands: ['Summit Trail', 'Kinetic'] },
  { name: 'Toys & Games', weight: 0.07, medianPrice: 29, returnRate: 0.05, brands: ['Playforge', 'Tiny Giants'] },
  { name: 'Books', weight: 0.06, medianPrice: 17, returnRate: 0.02, brands: ['Inkwell Press', 'Marginalia'] },
  { name: 'Pet Supplies', weight: 0.07, medianPrice: 21, returnRate: 0.03, brands: ['Good Paws', 'Whisker Co'] },
  { name: 'Jewelry', weight: 0.05, medianPrice: 85, returnRate: 0.1, brands: ['Aurelia', 'Silverleaf'] },
];

/** Popularity within a category ∝ rank^−s. */
export const ZIPF_EXPONENT = 1.1;

/** BG/NBD before calibration: λ ~ Gamma(r, α) per day; p ~ Beta(a, b) after each repeat purchase. */
export const BASE_BGNBD = { r: 1.4, alpha: 80, a: 1.2, b: 3.8 } as const;
/** Gamma-Gamma: order value ~ Gamma(p, ν) with ν ~ Gamma(q, v) (rates, USD). Mean p·v/(q−1) = 80. */
export const GAMMA_GAMMA = { p: 6, q: 4, v: 40 } as const;

/** Share of customers who sign up and never buy (they are not part of the BG/NBD population). */
export const SIGNUP_ONLY_SHARE = 0.08;
/** The customer base grows: first purchases are (1 + growth·t/T)-weighted over the horizon. */
export const CUSTOMER_GROWTH = 1.5;

/** Monday first. */
export const WEEKDAY_FACTORS = [0.94, 0.9, 0.93, 0.98, 1.05, 1.15, 1.05];
/** January first: a November–December peak and a January slump. */
export const MONTH_FACTORS = [0.78, 0.82, 0.92, 0.95, 1.0, 0.95, 0.9, 0.93, 0.98, 1.05, 1.4, 1.6];
/** Hour-of-day weights (UTC) used to place events within a day. */
export const HOUR_WEIGHTS = [
  0.25, 0.18, 0.12, 0.1, 0.1, 0.15, 0.3, 0.55, 0.8, 0.95, 1.0, 1.05, 1.15, 1.1, 1.0, 1.0, 1.05, 1.15, 1.3, 1.45, 1.5, 1.35, 0.9, 0.5,
];

/**
 * Individual taste, so that "customers like you bought" beats plain popularity: each buyer has
 * one or two favourite categories (drawn by category weight) and, in each, a favourite brand.
 * Most basket lines come from those categories, where the favourite brand's products weigh
 * `brandBoost` times their Zipf weight; the other lines follow the store-wide popularity.
 */
export const TASTE = {
  /** Share of (non-affinity) basket lines drawn from the customer's favourite categories. */
  lineShare: 0.75,
  /** Share of buyers with a second favourite category. */
  secondCategoryShare: 0.5,
  /** For buyers with two, the share of taste lines that come from the second one. */
  secondCategoryLineShare: 0.4,
  /** Weight multiplier of the favourite brand's products within a favourite category. */
  brandBoost: 4,
} as const;

/** Number of lines before affinity bundles: P(1..6). */
export const LINE_COUNT_WEIGHTS = [0.4, 0.27, 0.16, 0.09, 0.05, 0.03];
/** Share of orders that contain one planted affinity set. */
export const AFFINITY_ORDER_SHARE = 0.12;
export const AFFINITY_PAIRS = 8;
export const AFFINITY_TRIPLES = 4;
/** Within AFFINITY_ORDER_SHARE, the share that is a pair rather than a triple. */
export const AFFINITY_PAIR_SHARE = 0.7;

export const LIFECYCLE = {
  cancelBeforePayment: 0.025,
  abandonedUnpaid: 0.01,
  cancelAfterPayment: 0.02,
  lostInTransit: 0.012,
  /** Of lost parcels, the share that comes back to the sender (a return with no refund). */
  returnToSender: 0.5,
  /** Of returns, the share that happens more than 30 days after delivery (no refund). */
  lateReturnShare: 0.25,
  reviewRate: 0.07,
  reviewRateWhenReturned: 0.3,
  /** Share of promo-day orders that apply the day's code. */
  promoCodeUse: 0.6,
  /** Share of first orders (on non-promo days, outside the marketplace) with the welcome code. */
  welcomeCodeUse: 0.3,
  welcomeDiscount: 0.1,
} as const;

export const RE_SEND = {
  /** Probability an order whose state changed is also sent at an intermediate state. */
  intermediate: 0.3,
  /** Probability the last sent state is sent again, unchanged, 1–3 days later. */
  exactRepeat: 0.02,
} as const;

export const RETURN_REASONS = ['too small', 'too large', 'damaged in transit', 'not as described', 'changed mind', 'arrived late', 'defective', 'better price elsewhere'];
