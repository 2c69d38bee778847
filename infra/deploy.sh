#!/usr/bin/env bash
# Deploys bedrock-usage-stream to AWS: builds the job jar if needed, uploads it, creates or updates the
# CloudFormation stack (infra/template.yaml) and starts the Managed Service for Apache Flink application.
set -euo pipefail

# shellcheck source=../local-cluster/bin/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../local-cluster/bin/lib.sh"
# shellcheck source=aws-cli.sh
. "$(dirname "${BASH_SOURCE[0]}")/aws-cli.sh"
REPO_ROOT="$BU_ROOT"
TEMPLATE="$REPO_ROOT/infra/template.yaml"
DEFAULT_JAR="$BU_JOB_JAR"
CREATED_TAG_KEY="bedrock-usage-stream:created-by"

usage() {
  cat <<'EOF'
Usage: infra/deploy.sh --email ADDRESS [options]

Creates (or updates) everything the job needs in one AWS account and region, then starts it:
Bedrock model-invocation logging (S3 + CloudWatch Logs), a Kinesis stream fed by the logs, the Flink
application, the Iceberg warehouse bucket and Glue database, the SNS alert topic and the CloudWatch alarms.

Options:
  --email ADDRESS             where alerts and alarms go; required on the first deploy (SNS mails a link to confirm)
  --region REGION             AWS region (default: AWS_REGION, AWS_DEFAULT_REGION or the CLI profile's region)
  --stack-name NAME           stack and application name (default: bedrock-usage-stream)
  --artifacts-bucket NAME     bucket for the jar, config files and template (default:
                              bedrock-usage-artifacts-ACCOUNT-REGION, created if missing)
  --existing-log-bucket NAME  Bedrock logging is already on: read its logs from this bucket and leave the
                              logging configuration alone (no log bucket, log group or logging resource is created)
  --existing-log-group NAME   Bedrock logging is already on: subscribe this CloudWatch Logs group to the stream
  --log-prefix PREFIX         key prefix of the logs in the log bucket, the folder holding AWSLogs/ (default: bedrock-logs)
  --sources both|kinesis|s3   which copy of the logs the job reads (default: both, deduplicated by requestId)
  --kinesis-shards N          0 = on-demand stream (default), N = provisioned shards
  --parallelism N             initial application parallelism (default: 1; autoscaling may raise it)
  --parallelism-per-kpu N     parallel tasks per KPU (default: 1)
  --pricing-catalog FILE      upload this price catalogue CSV and use it instead of the built-in one
  --pricing-updates           watch s3://ARTIFACTS/STACK/pricing-updates/ for new price CSV files
  --pricing-aliases LIST      comma-separated alias=model pairs
  --alert-rules FILE          upload this alert rules file (JSON or YAML); re-upload it to change rules live
  --encrypt-alerts            encrypt the alert topic with a new KMS key
  --daily-report              write the daily usage CSV report to the warehouse bucket
  --parameter KEY=VALUE       any other template parameter (repeatable), e.g. LogRetentionDays=90
  --jar FILE                  application jar (default: the job module's shaded -msf jar, built if missing)
  --rebuild                   build the jar even if it exists
  --no-start                  create or update the stack but do not start the application
  -h, --help                  show this help

Options left out on an update keep the values of the previous deploy.
Needs: AWS CLI v2 with credentials, and Maven + JDK 17 when the jar has to be built.
EOF
}

need_value() {
  [[ $# -ge 2 && -n "$2" ]] || die "$1 needs a value (see --help)"
}

EMAIL=""
REGION=""
STACK="bedrock-usage-stream"
ARTIFACTS=""
JAR=""
REBUILD=false
START=true
PRICING_CATALOG=""
ALERT_RULES=""
PRICING_UPDATES=false
declare -a PARAMS=()

while [[ $# -gt 0 ]]; do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --email) need_value "$@"; EMAIL="$2"; shift 2 ;;
    --region) need_value "$@"; REGION="$2"; shift 2 ;;
    --stack-name) need_value "$@"; STACK="$2"; shift 2 ;;
    --artifacts-bucket) need_value "$@"; ARTIFACTS="$2"; shift 2 ;;
    --existing-log-bucket) need_value "$@"; PARAMS+=("ExistingLogBucket=$2"); shift 2 ;;
    --existing-log-group) need_value "$@"; PARAMS+=("ExistingLogGroup=$2"); shift 2 ;;
    --log-prefix) need_value "$@"; PARAMS+=("LogKeyPrefix=$2"); shift 2 ;;
    --sources)
      need_value "$@"
      [[ "$2" =~ ^(both|kinesis|s3)$ ]] || die "--sources must be both, kinesis or s3"
      PARAMS+=("Sources=$2"); shift 2 ;;
    --kinesis-shards)
      need_value "$@"
      [[ "$2" =~ ^[0-9]+$ ]] || die "--kinesis-shards must be a number"
      PARAMS+=("KinesisShardCount=$2"); shift 2 ;;
    --parallelism)
      need_value "$@"
      [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "--parallelism must be a positive number"
      PARAMS+=("Parallelism=$2"); shift 2 ;;
    --parallelism-per-kpu)
      need_value "$@"
      [[ "$2" =~ ^[1-8]$ ]] || die "--parallelism-per-kpu must be 1..8"
      PARAMS+=("ParallelismPerKPU=$2"); shift 2 ;;
    --pricing-catalog) need_value "$@"; PRICING_CATALOG="$2"; shift 2 ;;
    --pricing-updates) PRICING_UPDATES=true; shift ;;
    --pricing-aliases) need_value "$@"; PARAMS+=("PricingAliases=$2"); shift 2 ;;
    --alert-rules) need_value "$@"; ALERT_RULES="$2"; shift 2 ;;
    --encrypt-alerts) PARAMS+=("EncryptAlertTopic=true"); shift ;;
    --daily-report) PARAMS+=("DailyReport=true"); shift ;;
    --parameter)
      need_value "$@"
      [[ "$2" == *=* ]] || die "--parameter takes KEY=VALUE"
      PARAMS+=("$2"); shift 2 ;;
    --jar) need_value "$@"; JAR="$2"; shift 2 ;;
    --rebuild) REBUILD=true; shift ;;
    --no-start) START=false; shift ;;
    *) die "unknown option: $1 (see --help)" ;;
  esac
done

[[ "$STACK" =~ ^[A-Za-z][A-Za-z0-9-]{0,62}$ ]] || die "--stack-name must be letters, digits and hyphens (at most 63)"
[[ -z "$PRICING_CATALOG" || -f "$PRICING_CATALOG" ]] || die "no such file: $PRICING_CATALOG"
[[ -z "$ALERT_RULES" || -f "$ALERT_RULES" ]] || die "no such file: $ALERT_RULES"
aws_cli_region

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -c1-16
  else
    shasum -a 256 "$1" | cut -c1-16
  fi
}

ACCOUNT="$(awsr sts get-caller-identity --query Account --output text)"
[[ -n "$ARTIFACTS" ]] || ARTIFACTS="bedrock-usage-artifacts-$ACCOUNT-$REGION"

# The artifacts bucket's name is predictable: every call on it names the account that must own it, so a bucket of
# that name created first by someone else is refused (403) instead of receiving the jar, the prices and the rules.
artifacts_s3api() {
  awsr s3api "$@" --bucket "$ARTIFACTS" --expected-bucket-owner "$ACCOUNT"
}

STACK_STATUS="$(awsr cloudformation describe-stacks --stack-name "$STACK" \
  --query 'Stacks[0].StackStatus' --output text 2>/dev/null || echo NONE)"
case "$STACK_STATUS" in
  NONE) [[ -n "$EMAIL" ]] || die "--email is required for the first deploy of stack $STACK" ;;
  ROLLBACK_COMPLETE | ROLLBACK_FAILED | DELETE_FAILED)
    die "stack $STACK is in $STACK_STATUS; remove it with infra/destroy.sh --stack-name $STACK --yes, then deploy again" ;;
  *_IN_PROGRESS) die "stack $STACK is busy ($STACK_STATUS); try again when it settles" ;;
esac
[[ -z "$EMAIL" ]] || PARAMS+=("NotificationEmail=$EMAIL")

# ---- the jar ----
if [[ -z "$JAR" ]]; then
  JAR="$DEFAULT_JAR"
  if [[ "$REBUILD" == true || ! -f "$JAR" ]]; then
    command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is needed to build $JAR"
    log "building the job jar"
    (cd "$REPO_ROOT" && mvn -q -B -DskipTests package -pl job -am)
  fi
fi
[[ -f "$JAR" ]] || die "no jar at $JAR"

# ---- artifacts bucket ----
if ! artifacts_s3api head-bucket >/dev/null 2>&1; then
  log "creating artifacts bucket s3://$ARTIFACTS"
  create=(create-bucket --bucket "$ARTIFACTS")
  [[ "$REGION" == us-east-1 ]] || create+=(--create-bucket-configuration "LocationConstraint=$REGION")
  awsr s3api "${create[@]}" >/dev/null ||
    die "cannot create s3://$ARTIFACTS; if it exists, it belongs to another account: pass --artifacts-bucket NAME"
  artifacts_s3api wait bucket-exists
  artifacts_s3api put-public-access-block --public-access-block-configuration \
    BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
  artifacts_s3api put-bucket-encryption --server-side-encryption-configuration \
    '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"AES256"}}]}'
  # destroy.sh removes the bucket only if this script made it
  artifacts_s3api put-bucket-tagging --tagging "TagSet=[{Key=$CREATED_TAG_KEY,Value=deploy.sh}]"
fi

# Uploads go through s3api put-object: the high-level "aws s3 cp" cannot name the expected bucket owner.
upload() {
  artifacts_s3api put-object --key "$2" --body "$1" >/dev/null
}

# A content-addressed key: a new jar is a new CodeKey, which is what makes CloudFormation update the app.
CODE_KEY="$STACK/job-$(sha256_of "$JAR").jar"
if ! artifacts_s3api head-object --key "$CODE_KEY" >/dev/null 2>&1; then
  log "uploading $(basename "$JAR") to s3://$ARTIFACTS/$CODE_KEY"
  upload "$JAR" "$CODE_KEY"
fi
PARAMS+=("CodeBucket=$ARTIFACTS" "CodeKey=$CODE_KEY")

if [[ -n "$PRICING_CATALOG" ]]; then
  upload "$PRICING_CATALOG" "$STACK/config/pricing.csv"
  PARAMS+=("PricingCatalogKey=$STACK/config/pricing.csv")
fi
if [[ -n "$ALERT_RULES" ]]; then
  ext="${ALERT_RULES##*.}"
  upload "$ALERT_RULES" "$STACK/config/alert-rules.$ext"
  PARAMS+=("AlertRulesKey=$STACK/config/alert-rules.$ext")
fi
[[ "$PRICING_UPDATES" == false ]] || PARAMS+=("PricingUpdatesPrefix=$STACK/pricing-updates")

app_status() {
  awsr kinesisanalyticsv2 describe-application --application-name "$STACK" \
    --query 'ApplicationDetail.ApplicationStatus' --output text 2>/dev/null || echo NONE
}

# ---- a named snapshot before a running job gets new code (MSF also snapshots on every update) ----
if [[ "$(app_status)" == RUNNING ]]; then
  current_key="$(awsr cloudformation describe-stacks --stack-name "$STACK" \
    --query "Stacks[0].Parameters[?ParameterKey=='CodeKey'].ParameterValue" --output text)"
  if [[ "$current_key" != "$CODE_KEY" ]]; then
    snapshot="deploy-$(date -u +%Y%m%d-%H%M%S)"
    log "taking snapshot $snapshot of the running application"
    awsr kinesisanalyticsv2 create-application-snapshot --application-name "$STACK" --snapshot-name "$snapshot"
    for _ in $(seq 1 60); do
      state="$(awsr kinesisanalyticsv2 describe-application-snapshot --application-name "$STACK" \
        --snapshot-name "$snapshot" --query 'SnapshotDetails.SnapshotStatus' --output text)"
      [[ "$state" == CREATING ]] || break
      sleep 10
    done
    [[ "$state" == READY ]] || die "snapshot $snapshot ended in $state; not updating"
  fi
fi

# ---- the stack ----
# "cloudformation deploy" uploads the template with no owner check of its own: the bucket is checked just before
# (a bucket cannot change owner, only be deleted, which only this account can do).
artifacts_s3api head-bucket >/dev/null || die "s3://$ARTIFACTS is not owned by account $ACCOUNT"
log "deploying stack $STACK in $REGION"
awsr cloudformation deploy \
  --stack-name "$STACK" \
  --template-file "$TEMPLATE" \
  --s3-bucket "$ARTIFACTS" --s3-prefix "$STACK/cloudformation" \
  --capabilities CAPABILITY_IAM \
  --no-fail-on-empty-changeset \
  --tags "project=bedrock-usage-stream" \
  --parameter-overrides "${PARAMS[@]}"

# ---- start ----
if [[ "$START" == true && "$(app_status)" == READY ]]; then
  snapshots="$(awsr kinesisanalyticsv2 list-application-snapshots --application-name "$STACK" \
    --query 'length(SnapshotSummaries)' --output text)"
  restore=SKIP_RESTORE_FROM_SNAPSHOT
  [[ "$snapshots" == 0 ]] || restore=RESTORE_FROM_LATEST_SNAPSHOT
  log "starting application $STACK ($restore)"
  awsr kinesisanalyticsv2 start-application --application-name "$STACK" --run-configuration \
    "{\"ApplicationRestoreConfiguration\":{\"ApplicationRestoreType\":\"$restore\"},\"FlinkRunConfiguration\":{\"AllowNonRestoredState\":false}}"
  for _ in $(seq 1 80); do
    status="$(app_status)"
    [[ "$status" == STARTING ]] || break
    sleep 15
  done
  if [[ "$status" != RUNNING ]]; then
    die "application is $status, not RUNNING; see log group /aws/kinesis-analytics/$STACK"
  fi
fi

log "application $STACK is $(app_status)"
awsr cloudformation describe-stacks --stack-name "$STACK" --query 'Stacks[0].Outputs' --output table
topic="$(awsr cloudformation describe-stacks --stack-name "$STACK" \
  --query "Stacks[0].Outputs[?OutputKey=='AlertTopicArn'].OutputValue" --output text)"
pending="$(awsr sns list-subscriptions-by-topic --topic-arn "$topic" \
  --query "length(Subscriptions[?SubscriptionArn=='PendingConfirmation'])" --output text)"
if [[ "$pending" != 0 ]]; then
  echo "Confirm the SNS subscription: open the link in the mail from AWS Notifications, or alerts go nowhere." >&2
fi
