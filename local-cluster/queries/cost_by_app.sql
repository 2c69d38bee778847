-- description: cost per application, from the role-name convention {App}-BedrockRole (CALLER_APP)
-- Callers whose role does not follow the convention are grouped under their account and role or user name.
-- Change the convention with: bin/sql --app-pattern '^svc-(.+)$' -f queries/cost_by_app.sql
-- Edit the two dates: the range is [start, end), UTC days.
SELECT
  COALESCE(CALLER_APP(caller_arn), CONCAT('(other) ', account_id, ' ', COALESCE(CALLER_PRINCIPAL(caller_arn), caller_arn))) AS app,
  COUNT(DISTINCT caller_arn) AS callers,
  SUM(invocations)           AS invocations,
  SUM(input_tokens)          AS input_tokens,
  SUM(output_tokens)         AS output_tokens,
  SUM(cost_usd)              AS cost_usd
FROM usage_daily
WHERE window_start >= TIMESTAMP '2026-11-01 00:00:00'
  AND window_start <  TIMESTAMP '2026-12-01 00:00:00'
GROUP BY COALESCE(CALLER_APP(caller_arn), CONCAT('(other) ', account_id, ' ', COALESCE(CALLER_PRINCIPAL(caller_arn), caller_arn)))
ORDER BY cost_usd DESC;
