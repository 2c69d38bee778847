-- description: metered usage as FOCUS 1.2 rows (what bin/report --format focus writes): hour x account x caller x model x token class
-- Edit the range [start, end) of UTC days in the view. A token class without a price (NULL cost) is left out: FOCUS has
-- no unknown cost. ListUnitPrice is the catalogue's base USD per million tokens (cache writes: the 5-minute rate),
-- priced as 5 × 200,000 tokens so that no long-context (> 200,000 input tokens) row applies.
CREATE TEMPORARY VIEW focus_usage AS
SELECT * FROM usage_hourly
WHERE window_start >= TIMESTAMP '2026-11-01 00:00:00'
  AND window_start <  TIMESTAMP '2026-12-01 00:00:00';

SELECT ChargePeriodStart, ChargePeriodEnd, BillingCurrency, ListCost, EffectiveCost, ListUnitPrice, PricingQuantity,
  PricingUnit, ConsumedQuantity, ConsumedUnit, ServiceName, ServiceCategory, ProviderName, RegionId, SubAccountId,
  ResourceId, ChargeCategory, ChargeDescription, Tags, x_Caller, x_TokenClass, x_CacheTTL, x_ServiceTier
FROM (
SELECT
  window_start                                        AS ChargePeriodStart,
  window_start + INTERVAL '1' HOUR                    AS ChargePeriodEnd,
  'USD'                                               AS BillingCurrency,
  input_cost_usd                                   AS ListCost,
  input_cost_usd                                   AS EffectiveCost,
  BEDROCK_COST(model_id, region, window_start, 200000, 0, 0, 0) * 5 AS ListUnitPrice,
  CAST(input_tokens AS DECIMAL(38, 6)) * 0.000001         AS PricingQuantity,
  '1000000 Tokens'                                    AS PricingUnit,
  CAST(input_tokens AS DECIMAL(38, 0))                    AS ConsumedQuantity,
  'Tokens'                                            AS ConsumedUnit,
  'Amazon Bedrock'                                    AS ServiceName,
  'AI and Machine Learning'                           AS ServiceCategory,
  'AWS'                                               AS ProviderName,
  region                                              AS RegionId,
  account_id                                          AS SubAccountId,
  model_id                                            AS ResourceId,
  'Usage'                                             AS ChargeCategory,
  CONCAT('Amazon Bedrock ', model_id, ' input tokens') AS ChargeDescription,
  CAST(NULL AS STRING)                                AS Tags,
  caller_arn                                          AS x_Caller,
  'input'                                             AS x_TokenClass,
  CAST(NULL AS STRING)                                AS x_CacheTTL,
  CAST(NULL AS STRING)                                AS x_ServiceTier,
  0                                                   AS class_order
FROM focus_usage
WHERE input_tokens > 0 AND input_cost_usd IS NOT NULL
UNION ALL
SELECT
  window_start                                        AS ChargePeriodStart,
  window_start + INTERVAL '1' HOUR                    AS ChargePeriodEnd,
  'USD'                                               AS BillingCurrency,
  output_cost_usd                                  AS ListCost,
  output_cost_usd                                  AS EffectiveCost,
  BEDROCK_COST(model_id, region, window_start, 0, 200000, 0, 0) * 5 AS ListUnitPrice,
  CAST(output_tokens AS DECIMAL(38, 6)) * 0.000001        AS PricingQuantity,
  '1000000 Tokens'                                    AS PricingUnit,
  CAST(output_tokens AS DECIMAL(38, 0))                   AS ConsumedQuantity,
  'Tokens'                                            AS ConsumedUnit,
  'Amazon Bedrock'                                    AS ServiceName,
  'AI and Machine Learning'                           AS ServiceCategory,
  'AWS'                                               AS ProviderName,
  region                                              AS RegionId,
  account_id                                          AS SubAccountId,
  model_id                                            AS ResourceId,
  'Usage'                                             AS ChargeCategory,
  CONCAT('Amazon Bedrock ', model_id, ' output tokens') AS ChargeDescription,
  CAST(NULL AS STRING)                                AS Tags,
  caller_arn                                          AS x_Caller,
  'output'                                            AS x_TokenClass,
  CAST(NULL AS STRING)                                AS x_CacheTTL,
  CAST(NULL AS STRING)                                AS x_ServiceTier,
  1                                                   AS class_order
FROM focus_usage
WHERE output_tokens > 0 AND output_cost_usd IS NOT NULL
UNION ALL
SELECT
  window_start                                        AS ChargePeriodStart,
  window_start + INTERVAL '1' HOUR                    AS ChargePeriodEnd,
  'USD'                                               AS BillingCurrency,
  cache_read_cost_usd                              AS ListCost,
  cache_read_cost_usd                              AS EffectiveCost,
  BEDROCK_COST(model_id, region, window_start, 0, 0, 200000, 0) * 5 AS ListUnitPrice,
  CAST(cache_read_tokens AS DECIMAL(38, 6)) * 0.000001    AS PricingQuantity,
  '1000000 Tokens'                                    AS PricingUnit,
  CAST(cache_read_tokens AS DECIMAL(38, 0))               AS ConsumedQuantity,
  'Tokens'                                            AS ConsumedUnit,
  'Amazon Bedrock'                                    AS ServiceName,
  'AI and Machine Learning'                           AS ServiceCategory,
  'AWS'                                               AS ProviderName,
  region                                              AS RegionId,
  account_id                                          AS SubAccountId,
  model_id                                            AS ResourceId,
  'Usage'                                             AS ChargeCategory,
  CONCAT('Amazon Bedrock ', model_id, ' cache read tokens') AS ChargeDescription,
  CAST(NULL AS STRING)                                AS Tags,
  caller_arn                                          AS x_Caller,
  'cache_read'                                        AS x_TokenClass,
  CAST(NULL AS STRING)                                AS x_CacheTTL,
  CAST(NULL AS STRING)                                AS x_ServiceTier,
  2                                                   AS class_order
FROM focus_usage
WHERE cache_read_tokens > 0 AND cache_read_cost_usd IS NOT NULL
UNION ALL
SELECT
  window_start                                        AS ChargePeriodStart,
  window_start + INTERVAL '1' HOUR                    AS ChargePeriodEnd,
  'USD'                                               AS BillingCurrency,
  cache_write_cost_usd                             AS ListCost,
  cache_write_cost_usd                             AS EffectiveCost,
  BEDROCK_COST(model_id, region, window_start, 0, 0, 0, 200000) * 5 AS ListUnitPrice,
  CAST(cache_write_tokens AS DECIMAL(38, 6)) * 0.000001   AS PricingQuantity,
  '1000000 Tokens'                                    AS PricingUnit,
  CAST(cache_write_tokens AS DECIMAL(38, 0))              AS ConsumedQuantity,
  'Tokens'                                            AS ConsumedUnit,
  'Amazon Bedrock'                                    AS ServiceName,
  'AI and Machine Learning'                           AS ServiceCategory,
  'AWS'                                               AS ProviderName,
  region                                              AS RegionId,
  account_id                                          AS SubAccountId,
  model_id                                            AS ResourceId,
  'Usage'                                             AS ChargeCategory,
  CONCAT('Amazon Bedrock ', model_id, ' cache write tokens') AS ChargeDescription,
  CAST(NULL AS STRING)                                AS Tags,
  caller_arn                                          AS x_Caller,
  'cache_write'                                       AS x_TokenClass,
  CAST(NULL AS STRING)                                AS x_CacheTTL,
  CAST(NULL AS STRING)                                AS x_ServiceTier,
  3                                                   AS class_order
FROM focus_usage
WHERE cache_write_tokens > 0 AND cache_write_cost_usd IS NOT NULL
)
ORDER BY ChargePeriodStart, SubAccountId, x_Caller, ResourceId, RegionId, class_order;
