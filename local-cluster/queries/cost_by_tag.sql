-- description: cost allocation by a requestMetadata tag of the calls (here 'team'), from invocations
-- Edit the tag name (both places) and the two dates: the range is [start, end), UTC.
-- Calls without the tag are '(untagged)'; unpriced calls count in invocations but add no cost.
SELECT
  COALESCE(request_metadata['team'], '(untagged)') AS team,
  COUNT(*)                                         AS invocations,
  SUM(input_tokens)                                AS input_tokens,
  SUM(output_tokens)                               AS output_tokens,
  SUM(cost_usd)                                    AS cost_usd,
  SUM(CASE WHEN priced THEN 0 ELSE 1 END)          AS unpriced_invocations
FROM invocations
WHERE event_time >= TIMESTAMP '2026-11-01 00:00:00'
  AND event_time <  TIMESTAMP '2026-12-01 00:00:00'
GROUP BY COALESCE(request_metadata['team'], '(untagged)')
ORDER BY cost_usd DESC;
