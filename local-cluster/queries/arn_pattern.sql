-- description: cost of the callers whose identity ARN matches a pattern (here: roles of the DataAnalysis team)
-- Edit the LIKE pattern ('%' = any text) and the two dates: the range is [start, end), UTC days.
SELECT
  caller_arn,
  CALLER_SESSION(caller_arn)  AS session,
  model_id,
  SUM(invocations)            AS invocations,
  SUM(input_tokens)           AS input_tokens,
  SUM(output_tokens)          AS output_tokens,
  SUM(cost_usd)               AS cost_usd
FROM usage_daily
WHERE caller_arn LIKE '%DataAnalysis%'
  AND window_start >= TIMESTAMP '2026-11-01 00:00:00'
  AND window_start <  TIMESTAMP '2026-12-01 00:00:00'
GROUP BY caller_arn, model_id
ORDER BY cost_usd DESC;
