-- description: metered usage as FOCUS 1.2 rows (what bin/report --format focus writes): hour x account x caller x model x token class
-- Edit the range [start, end) of UTC days in the view. A token class without a price (NULL cost) is left out: FOCUS has
-- no unknown cost. ListUnitPrice is the catalogue's base USD per million tokens (cache writes: the 5-minute rate),
-- priced as 5 × 200,000 tokens so that no long-context (> 200,000 input tokens) row applies.
CREATE TEMPORARY VIEW focus_usage AS
SELECT * FROM usage_hourly
WHERE window_start >= TIMESTAMP '2026-11-01 00:00:00'
  AND window_start <  TIMESTAMP '2026-12-01 00:00:00';

-- one row per usage row and priced token class; the FOCUS columns below are the same for every class
WITH token_classes AS (
SELECT window_start, region, account_id, caller_arn, model_id, input_tokens AS tokens, input_cost_usd AS cost_usd,
  BEDROCK_COST(model_id, region, window_start, 200000, 0, 0, 0) * 5 AS unit_price,
  CONCAT('Amazon Bedrock ', model_id, ' input tokens') AS description, 'input' AS token_class, 0 AS class_order
FROM focus_usage
WHERE input_tokens > 0 AND input_cost_usd IS NOT NULL
UNION ALL
SELECT window_start, region, account_id, caller_arn, model_id, output_tokens, output_cost_usd,
  BEDROCK_COST(model_id, region, window_start, 0, 200000, 0, 0) * 5,
  CONCAT('Amazon Bedrock ', model_id, ' output tokens'), 'output', 1
FROM focus_usage
WHERE output_tokens > 0 AND output_cost_usd IS NOT NULL
UNION ALL
SELECT window_start, region, account_id, caller_arn, model_id, cache_read_tokens, cache_read_cost_usd,
  BEDROCK_COST(model_id, region, window_start, 0, 0, 200000, 0) * 5,
  CONCAT('Amazon Bedrock ', model_id, ' cache read tokens'), 'cache_read', 2
FROM focus_usage
WHERE cache_read_tokens > 0 AND cache_read_cost_usd IS NOT NULL
UNION ALL
SELECT window_start, region, account_id, caller_arn, model_id, cache_write_tokens, cache_write_cost_usd,
  BEDROCK_COST(model_id, region, window_start, 0, 0, 0, 200000) * 5,
  CONCAT('Amazon Bedrock ', model_id, ' cache write tokens'), 'cache_write', 3
FROM focus_usage
WHERE cache_write_tokens > 0 AND cache_write_cost_usd IS NOT NULL
)
SELECT
  window_start                                        AS ChargePeriodStart,
  window_start + INTERVAL '1' HOUR                    AS ChargePeriodEnd,
  'USD'                                               AS BillingCurrency,
  cost_usd                                            AS ListCost,
  cost_usd                                            AS EffectiveCost,
  unit_price                                          AS ListUnitPrice,
  CAST(tokens AS DECIMAL(38, 6)) * 0.000001           AS PricingQuantity,
  '1000000 Tokens'                                    AS PricingUnit,
  CAST(tokens AS DECIMAL(38, 0))                      AS ConsumedQuantity,
  'Tokens'                                            AS ConsumedUnit,
  'Amazon Bedrock'                                    AS ServiceName,
  'AI and Machine Learning'                           AS ServiceCategory,
  'AWS'                                               AS ProviderName,
  region                                              AS RegionId,
  account_id                                          AS SubAccountId,
  model_id                                            AS ResourceId,
  'Usage'                                             AS ChargeCategory,
  description                                         AS ChargeDescription,
  CAST(NULL AS STRING)                                AS Tags,
  caller_arn                                          AS x_Caller,
  token_class                                         AS x_TokenClass,
  CAST(NULL AS STRING)                                AS x_CacheTTL,
  CAST(NULL AS STRING)                                AS x_ServiceTier
FROM token_classes
ORDER BY ChargePeriodStart, SubAccountId, x_Caller, ResourceId, RegionId, class_order;
