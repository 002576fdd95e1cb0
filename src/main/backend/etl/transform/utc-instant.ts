/**
 * SQL for a staged timestamp as UTC text to the second ('YYYY-MM-DDTHH:MM:SSZ'), the form
 * dim_product.valid_from is compared in. Staging accepts only valid timestamps (field-parsers.ts),
 * so one that is 20 characters long and ends in Z is already that form and skips strftime,
 * which is most of the per-line cost of resolving a million product versions.
 */
export function utcInstantSql(expr: string): string {
  return `CASE WHEN length(${expr}) = 20 AND substr(${expr}, 20) = 'Z' THEN ${expr} ELSE strftime('%Y-%m-%dT%H:%M:%SZ', ${expr}) END`;
}
