-- description: month-to-date spend per account and a straight-line projection to the end of the month
-- Edit the dates: the month's first day (3 places) and "as of" (2 places; exclusive: the days before it count).
-- Aggregate first, then join the day counts: Flink's planner can lose decimals of a SUM computed after a join.
WITH mtd AS (
  SELECT account_id, SUM(invocations) AS invocations, SUM(cost_usd) AS mtd_cost_usd
  FROM usage_daily
  WHERE window_start >= TIMESTAMP '2026-11-01 00:00:00'
    AND window_start <  TIMESTAMP '2026-11-05 00:00:00'
  GROUP BY account_id
),
days AS (
  SELECT
    TIMESTAMPDIFF(DAY, TIMESTAMP '2026-11-01 00:00:00', TIMESTAMP '2026-11-05 00:00:00') AS days_elapsed,
    TIMESTAMPDIFF(DAY, TIMESTAMP '2026-11-01 00:00:00',
                  TIMESTAMP '2026-11-01 00:00:00' + INTERVAL '1' MONTH)                AS days_in_month
)
SELECT
  account_id,
  invocations,
  mtd_cost_usd,
  days_elapsed,
  days_in_month,
  -- DECIMAL(26, 12) keeps all 12 decimals through the multiplication (38 digits would force rounding)
  CAST(CAST(mtd_cost_usd AS DECIMAL(26, 12)) * days_in_month / days_elapsed AS DECIMAL(38, 6)) AS projected_month_usd
FROM mtd CROSS JOIN days
ORDER BY mtd_cost_usd DESC;
