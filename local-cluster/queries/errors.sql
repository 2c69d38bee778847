-- description: error rates per model and caller, and the most frequent error codes
-- Edit the dates (both queries): the range is [start, end), UTC.
SELECT
  model_id,
  caller_arn,
  SUM(invocations)  AS invocations,
  SUM(errors)       AS errors,
  CAST(SUM(errors) * 100.0 / SUM(invocations) AS DECIMAL(6, 2)) AS error_pct
FROM usage_daily
WHERE window_start >= TIMESTAMP '2026-11-01 00:00:00'
  AND window_start <  TIMESTAMP '2026-12-01 00:00:00'
GROUP BY model_id, caller_arn
HAVING SUM(errors) > 0
ORDER BY errors DESC;

SELECT
  error_code,
  model_id,
  COUNT(*)           AS calls,
  MIN(event_time)    AS first_seen,
  MAX(event_time)    AS last_seen
FROM invocations
WHERE error_code IS NOT NULL
  AND event_time >= TIMESTAMP '2026-11-01 00:00:00'
  AND event_time <  TIMESTAMP '2026-12-01 00:00:00'
GROUP BY error_code, model_id
ORDER BY calls DESC;
