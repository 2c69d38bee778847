-- description: the daily usage report (what bin/report writes) for one UTC day, as a query
-- Edit the day (both places). bin/report --date 2026-11-03 writes the same as CSV with the classic header.
SELECT
  account_id     AS `Account Id`,
  caller_arn     AS `Identity ARN`,
  model_id       AS `Model Id`,
  region         AS `Region Name`,
  SUM(input_tokens)  AS `Number of Input tokens`,
  SUM(output_tokens) AS `Number of output tokens`,
  SUM(cost_usd)      AS `Charges incurred`
FROM usage_daily
WHERE window_start >= TIMESTAMP '2026-11-03 00:00:00'
  AND window_start <  TIMESTAMP '2026-11-04 00:00:00'
GROUP BY account_id, caller_arn, model_id, region
ORDER BY account_id, caller_arn, model_id, region;
