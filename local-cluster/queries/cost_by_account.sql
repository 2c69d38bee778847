-- description: cost, tokens and calls per AWS account for a date range (usage_daily)
-- Edit the two dates: the range is [start, end), UTC days.
SELECT
  account_id,
  SUM(invocations)          AS invocations,
  SUM(input_tokens)         AS input_tokens,
  SUM(output_tokens)        AS output_tokens,
  SUM(cost_usd)             AS cost_usd,
  SUM(unpriced_invocations) AS unpriced_invocations
FROM usage_daily
WHERE window_start >= TIMESTAMP '2026-11-01 00:00:00'
  AND window_start <  TIMESTAMP '2026-12-01 00:00:00'
GROUP BY account_id
ORDER BY cost_usd DESC;
