-- description: usage per day and per weekday over a date range (usage_daily)
-- Edit the two dates (both queries): the range is [start, end), UTC days.
SELECT
  CAST(window_start AS DATE)  AS day_utc,
  SUM(invocations)            AS invocations,
  SUM(errors)                 AS errors,
  SUM(input_tokens)           AS input_tokens,
  SUM(output_tokens)          AS output_tokens,
  SUM(cost_usd)               AS cost_usd
FROM usage_daily
WHERE window_start >= TIMESTAMP '2026-11-01 00:00:00'
  AND window_start <  TIMESTAMP '2026-12-01 00:00:00'
GROUP BY CAST(window_start AS DATE)
ORDER BY day_utc;

-- 1 = Sunday ... 7 = Saturday
SELECT
  DAYOFWEEK(CAST(window_start AS DATE))   AS day_of_week,
  COUNT(DISTINCT CAST(window_start AS DATE)) AS days,
  SUM(invocations)                        AS invocations,
  SUM(cost_usd)                           AS cost_usd
FROM usage_daily
WHERE window_start >= TIMESTAMP '2026-11-01 00:00:00'
  AND window_start <  TIMESTAMP '2026-12-01 00:00:00'
GROUP BY DAYOFWEEK(CAST(window_start AS DATE))
ORDER BY day_of_week;
