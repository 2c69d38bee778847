-- description: cost per caller (identity ARN and its role or user name) for a date range
-- Edit the two dates: the range is [start, end), UTC days.
SELECT
  account_id,
  CALLER_PRINCIPAL(caller_arn) AS principal,
  caller_arn,
  SUM(invocations)             AS invocations,
  SUM(input_tokens)            AS input_tokens,
  SUM(output_tokens)           AS output_tokens,
  SUM(cost_usd)                AS cost_usd
FROM usage_daily
WHERE window_start >= TIMESTAMP '2026-11-01 00:00:00'
  AND window_start <  TIMESTAMP '2026-12-01 00:00:00'
GROUP BY account_id, caller_arn
ORDER BY cost_usd DESC;
