-- description: cost per model as logged, with provider, inference-profile scope and catalogue model
-- Edit the two dates: the range is [start, end), UTC days.
SELECT
  model_id,
  MODEL_PROVIDER(model_id)          AS provider,
  INFERENCE_PROFILE_SCOPE(model_id) AS profile_scope,
  BEDROCK_MODEL(model_id)           AS catalogue_model,
  SUM(invocations)                  AS invocations,
  SUM(input_tokens)                 AS input_tokens,
  SUM(output_tokens)                AS output_tokens,
  SUM(cache_read_tokens)            AS cache_read_tokens,
  SUM(cache_write_tokens)           AS cache_write_tokens,
  SUM(cost_usd)                     AS cost_usd
FROM usage_daily
WHERE window_start >= TIMESTAMP '2026-11-01 00:00:00'
  AND window_start <  TIMESTAMP '2026-12-01 00:00:00'
GROUP BY model_id
ORDER BY cost_usd DESC;
