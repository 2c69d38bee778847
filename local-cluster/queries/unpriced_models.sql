-- description: calls the job could not price (model missing from the price catalogue), per model and region
-- Their tokens are metered but their cost is missing: add the model to your price CSV, then check with
-- BEDROCK_COST below (bin/sql --pricing-catalog my-prices.csv -f queries/unpriced_models.sql).
-- Edit the two dates: the range is [start, end), UTC.
SELECT
  model_id,
  region,
  BEDROCK_MODEL(model_id)  AS catalogue_model,
  COUNT(*)                 AS calls,
  SUM(input_tokens)        AS input_tokens,
  SUM(output_tokens)       AS output_tokens,
  SUM(BEDROCK_COST(model_id, region, event_time, input_tokens, output_tokens, cache_read_tokens,
                   cache_write_tokens, cache_write_1h_tokens, service_tier, unit, unit_variant,
                   unit_quantity)) AS cost_usd_with_current_catalogue,
  MIN(event_time)          AS first_seen,
  MAX(event_time)          AS last_seen
FROM invocations
WHERE NOT priced
  AND event_time >= TIMESTAMP '2026-11-01 00:00:00'
  AND event_time <  TIMESTAMP '2026-12-01 00:00:00'
GROUP BY model_id, region
ORDER BY calls DESC;
