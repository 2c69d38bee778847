-- description: the 10 callers that spent the most in a date range, with their share of the total
-- Edit the two dates (both places): the range is [start, end), UTC days. Change LIMIT for more or fewer.
WITH spend AS (
  SELECT account_id, caller_arn, SUM(cost_usd) AS cost_usd, SUM(invocations) AS invocations
  FROM usage_daily
  WHERE window_start >= TIMESTAMP '2026-11-01 00:00:00'
    AND window_start <  TIMESTAMP '2026-12-01 00:00:00'
  GROUP BY account_id, caller_arn
),
total AS (
  SELECT SUM(cost_usd) AS all_cost_usd FROM spend
)
SELECT
  account_id,
  caller_arn,
  invocations,
  cost_usd,
  CAST(CASE WHEN all_cost_usd = 0 THEN 0 ELSE cost_usd * 100 / all_cost_usd END AS DECIMAL(6, 2)) AS pct_of_total
FROM spend CROSS JOIN total
ORDER BY cost_usd DESC
LIMIT 10;
