-- description: stored cost vs. BEDROCK_COST: equal with the job's prices (the default), or what-if with --pricing
-- bin/sql --pricing new-prices.csv -f queries/reprice.sql shows what the range would cost at new prices.
-- Edit the two dates: the range is [start, end), UTC.
-- With the job's own catalogue the two columns are equal: both round each cost component HALF_EVEN to 12 decimals.
SELECT
  model_id,
  region,
  COUNT(*)       AS calls,
  SUM(cost_usd)  AS stored_cost_usd,
  SUM(BEDROCK_COST(model_id, region, event_time, input_tokens, output_tokens, cache_read_tokens,
                   cache_write_tokens, cache_write_1h_tokens, service_tier, unit, unit_variant,
                   unit_quantity)) AS repriced_cost_usd
FROM invocations
WHERE event_time >= TIMESTAMP '2026-11-01 00:00:00'
  AND event_time <  TIMESTAMP '2026-12-01 00:00:00'
GROUP BY model_id, region
ORDER BY stored_cost_usd DESC;
