-- A return may state its refund (net of tax) instead of implying it from whole units: Shopify's
-- partial refunds smaller than one unit's price. NULL keeps the pro-rata 30-day rule.
ALTER TABLE stg_returns ADD COLUMN refund_amount_cents INTEGER;
