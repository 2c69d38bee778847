-- description: Amazon Q Developer users in a month against their limits (/dev uses, transformation lines, largest conversation); tokens are estimates
-- Edit the month (1 place). Limits are those in force when the job wrote the row (docs/q-developer.md).
SELECT
  account_id,
  user_id,
  chat_events,
  inline_events,
  dev_events                                                                  AS dev_uses,
  dev_uses_limit,
  CAST(100.0 * dev_events / dev_uses_limit AS DECIMAL(10, 1))                 AS dev_uses_pct,
  transformation_lines,
  transformation_lines_limit,
  CAST(100.0 * transformation_lines / transformation_lines_limit AS DECIMAL(10, 1)) AS transformation_pct,
  max_conversation_tokens,
  context_window_limit,
  input_tokens                                                                AS est_input_tokens,
  output_tokens                                                               AS est_output_tokens
FROM q_developer_usage_monthly
WHERE month_start = TIMESTAMP '2026-11-01 00:00:00'
ORDER BY dev_uses_pct DESC, user_id;
