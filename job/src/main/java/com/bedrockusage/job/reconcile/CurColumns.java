package com.bedrockusage.job.reconcile;

import java.util.Arrays;
import java.util.List;

/**
 * The CUR 2.0 (AWS Data Exports, table {@code COST_AND_USAGE_REPORT}) columns reconciliation reads.
 * Names are the export's snake_case column names; {@code line_item_iam_principal} is present only
 * when the export includes it.
 */
public final class CurColumns {

    public static final String USAGE_START_DATE = "line_item_usage_start_date";
    public static final String USAGE_ACCOUNT_ID = "line_item_usage_account_id";
    public static final String PRODUCT_CODE = "line_item_product_code";
    public static final String USAGE_TYPE = "line_item_usage_type";
    public static final String USAGE_AMOUNT = "line_item_usage_amount";
    public static final String UNBLENDED_COST = "line_item_unblended_cost";
    public static final String REGION_CODE = "product_region_code";
    public static final String RESOURCE_ID = "line_item_resource_id";
    public static final String IAM_PRINCIPAL = "line_item_iam_principal";

    /**
     * {@code Usage}, {@code Tax}, {@code Credit}, ...: only {@code Usage} lines are metered usage.
     */
    public static final String LINE_ITEM_TYPE = "line_item_line_item_type";

    /** Columns an export must have. */
    public static final List<String> REQUIRED =
            Arrays.asList(
                    USAGE_START_DATE,
                    USAGE_ACCOUNT_ID,
                    PRODUCT_CODE,
                    USAGE_TYPE,
                    USAGE_AMOUNT,
                    UNBLENDED_COST,
                    REGION_CODE);

    /**
     * Amazon Bedrock's own product code; third-party models may bill under marketplace product
     * codes.
     */
    public static final String BEDROCK_PRODUCT_CODE = "AmazonBedrock";

    private CurColumns() {}
}
