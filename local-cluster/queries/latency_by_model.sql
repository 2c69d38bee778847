-- description: latency per model: exact mean/min/max from invocations, worst hourly p50 and p99 from usage_hourly
-- Edit the dates (both parts of the query): the range is [start, end), UTC.
WITH calls AS (
  SELECT
    model_id,
    COUNT(latency_ms)                  AS calls_with_latency,
    CAST(AVG(CAST(latency_ms AS DOUBLE)) AS DECIMAL(12, 1)) AS avg_latency_ms,
    MIN(latency_ms)                    AS min_latency_ms,
    MAX(latency_ms)                    AS max_latency_ms,
    CAST(AVG(CAST(first_byte_latency_ms AS DOUBLE)) AS DECIMAL(12, 1)) AS avg_first_byte_ms
  FROM invocations
  WHERE event_time >= TIMESTAMP '2026-11-01 00:00:00'
    AND event_time <  TIMESTAMP '2026-12-01 00:00:00'
  GROUP BY model_id
),
hours AS (
  SELECT model_id, MAX(latency_p50_ms) AS worst_hourly_p50_ms, MAX(latency_p99_ms) AS worst_hourly_p99_ms
  FROM usage_hourly
  WHERE window_start >= TIMESTAMP '2026-11-01 00:00:00'
    AND window_start <  TIMESTAMP '2026-12-01 00:00:00'
  GROUP BY model_id
)
SELECT c.model_id, calls_with_latency, avg_latency_ms, min_latency_ms, max_latency_ms, avg_first_byte_ms,
       worst_hourly_p50_ms, worst_hourly_p99_ms
FROM calls c LEFT JOIN hours h ON c.model_id = h.model_id
ORDER BY avg_latency_ms DESC;
