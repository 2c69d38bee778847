-- description: usage by hour of day (UTC) over a date range: when is Bedrock used (usage_hourly)
-- Edit the two dates: the range is [start, end), UTC days. Hours are UTC hours, as the job's usage_hourly windows.
SELECT
  HOUR(window_start)          AS hour_of_day,
  SUM(invocations)            AS invocations,
  SUM(input_tokens)           AS input_tokens,
  SUM(output_tokens)          AS output_tokens,
  SUM(cost_usd)               AS cost_usd
FROM usage_hourly
WHERE window_start >= TIMESTAMP '2026-11-01 00:00:00'
  AND window_start <  TIMESTAMP '2026-12-01 00:00:00'
GROUP BY HOUR(window_start)
ORDER BY hour_of_day;
