-- description: Amazon Q Developer use per user and UTC day: events by kind, estimated tokens, inline suggestions accepted (from the activity reports)
-- Edit the dates (2 places). inline_acceptance_pct is NULL on days without an activity report.
SELECT
  CAST(day_start AS DATE)                                                    AS day_utc,
  account_id,
  user_id,
  chat_events,
  inline_events,
  dev_events,
  input_tokens + output_tokens                                               AS est_tokens,
  inline_suggestions,
  inline_acceptances,
  CAST(100.0 * inline_acceptances / NULLIF(inline_suggestions, 0) AS DECIMAL(10, 1)) AS inline_acceptance_pct,
  transformation_lines
FROM q_developer_usage_daily
WHERE day_start >= TIMESTAMP '2026-11-01 00:00:00'
  AND day_start <  TIMESTAMP '2026-12-01 00:00:00'
ORDER BY day_utc, est_tokens DESC, user_id;
