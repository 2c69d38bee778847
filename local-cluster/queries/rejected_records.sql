-- description: records the job could not read, per reason and day (ingest health)
SELECT
  CAST(ingest_time AS DATE) AS day_utc,
  reason,
  source,
  COUNT(*)                  AS records,
  MAX(raw_excerpt)          AS example
FROM rejected_records
GROUP BY CAST(ingest_time AS DATE), reason, source
ORDER BY day_utc DESC, records DESC;
