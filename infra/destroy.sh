#!/usr/bin/env bash
# Removes what infra/deploy.sh created: stops the application, empties the buckets the stack created,
# deletes the stack and the uploaded artifacts. Bedrock logging that the stack did not create is left alone.
set -euo pipefail
# shellcheck source=../local-cluster/bin/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../local-cluster/bin/lib.sh"
# shellcheck source=aws-cli.sh
. "$(dirname "${BASH_SOURCE[0]}")/aws-cli.sh"

CREATED_TAG_KEY="bedrock-usage-stream:created-by"

usage() {
  cat <<'EOF'
Usage: infra/destroy.sh --yes [options]

Stops the Flink application, EMPTIES the buckets the stack created (Iceberg warehouse with all usage tables,
and the Bedrock log bucket if the stack made it), deletes the stack (which also turns off the Bedrock
logging configuration it set up) and removes the uploaded jar and config files.

Options:
  --yes                       confirm that the data in those buckets may be deleted (without it, an interactive
                              terminal is asked to type the stack name; anything else stops here)
  --region REGION             AWS region (default: AWS_REGION, AWS_DEFAULT_REGION or the CLI profile's region)
  --stack-name NAME           stack to remove (default: bedrock-usage-stream)
  --artifacts-bucket NAME     artifacts bucket, if the stack is already gone (default: the stack's CodeBucket,
                              else bedrock-usage-artifacts-ACCOUNT-REGION)
  --keep-artifacts            leave the jar and config files in the artifacts bucket
  -h, --help                  show this help

The artifacts bucket itself is deleted only when deploy.sh created it and nothing else is left in it.
EOF
}

need_value() {
  [[ $# -ge 2 && -n "$2" ]] || die "$1 needs a value (see --help)"
}

YES=false
REGION=""
STACK="bedrock-usage-stream"
ARTIFACTS=""
KEEP_ARTIFACTS=false

while [[ $# -gt 0 ]]; do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --yes) YES=true; shift ;;
    --region) need_value "$@"; REGION="$2"; shift 2 ;;
    --stack-name) need_value "$@"; STACK="$2"; shift 2 ;;
    --artifacts-bucket) need_value "$@"; ARTIFACTS="$2"; shift 2 ;;
    --keep-artifacts) KEEP_ARTIFACTS=true; shift ;;
    *) die "unknown option: $1 (see --help)" ;;
  esac
done

if [[ "$YES" != true ]]; then
  [[ -t 0 ]] || die "this deletes the usage tables and logs of stack $STACK; pass --yes to confirm"
  read -r -p "Type the stack name ($STACK) to delete it and empty its buckets: " answer
  [[ "$answer" == "$STACK" ]] || die "not confirmed; nothing was deleted"
fi
aws_cli_region

ACCOUNT="$(awsr sts get-caller-identity --query Account --output text)"

app_status() {
  awsr kinesisanalyticsv2 describe-application --application-name "$STACK" \
    --query 'ApplicationDetail.ApplicationStatus' --output text 2>/dev/null || echo NONE
}

# Every call on a bucket names the account that must own it (the artifacts bucket's name is predictable, so a
# bucket of that name may belong to someone else). "aws s3 rm" cannot; it runs only after such a check.
owned_s3api() {
  local bucket="$1"
  shift
  awsr s3api "$@" --bucket "$bucket" --expected-bucket-owner "$ACCOUNT"
}

stack_buckets() {
  awsr cloudformation describe-stack-resources --stack-name "$STACK" \
    --query "StackResources[?ResourceType=='AWS::S3::Bucket' && PhysicalResourceId!=null].PhysicalResourceId" \
    --output text | tr '\t' '\n' | grep -v '^None$' || true
}

empty_buckets() {
  local bucket
  for bucket in $(stack_buckets); do
    if owned_s3api "$bucket" head-bucket >/dev/null 2>&1; then
      log "emptying s3://$bucket"
      awsr s3 rm --only-show-errors --recursive "s3://$bucket"
    fi
  done
}

delete_stack_once() {
  awsr cloudformation delete-stack --stack-name "$STACK"
  awsr cloudformation wait stack-delete-complete --stack-name "$STACK"
}

STACK_EXISTS=false
if awsr cloudformation describe-stacks --stack-name "$STACK" >/dev/null 2>&1; then
  STACK_EXISTS=true
  if [[ -z "$ARTIFACTS" ]]; then
    ARTIFACTS="$(awsr cloudformation describe-stacks --stack-name "$STACK" \
      --query "Stacks[0].Parameters[?ParameterKey=='CodeBucket'].ParameterValue" --output text)"
  fi
fi

if [[ "$STACK_EXISTS" == true ]]; then
  status="$(app_status)"
  case "$status" in
    STARTING | RUNNING | UPDATING | AUTOSCALING | FORCE_STOPPING | STOPPING)
      log "stopping application $STACK ($status)"
      [[ "$status" == *STOPPING ]] || awsr kinesisanalyticsv2 stop-application --application-name "$STACK" --force || true
      for _ in $(seq 1 90); do
        status="$(app_status)"
        [[ "$status" =~ ^(READY|NONE)$ ]] && break
        sleep 10
      done ;;
  esac

  empty_buckets
  log "deleting stack $STACK"
  if ! delete_stack_once; then
    # Bedrock may deliver a last batch of logs between emptying and deleting: empty again and retry.
    log "stack deletion did not finish; emptying the buckets again and retrying"
    empty_buckets
    if ! delete_stack_once; then
      awsr cloudformation describe-stack-events --stack-name "$STACK" \
        --query "StackEvents[?ResourceStatus=='DELETE_FAILED'].[LogicalResourceId,ResourceStatusReason]" \
        --output table >&2 || true
      die "stack $STACK could not be deleted (see the events above)"
    fi
  fi
  log "stack $STACK deleted"
else
  log "no stack $STACK in $REGION"
fi

if [[ "$KEEP_ARTIFACTS" == true ]]; then
  exit 0
fi
[[ -n "$ARTIFACTS" ]] || ARTIFACTS="bedrock-usage-artifacts-$ACCOUNT-$REGION"
if owned_s3api "$ARTIFACTS" head-bucket >/dev/null 2>&1; then
  log "removing s3://$ARTIFACTS/$STACK/"
  awsr s3 rm --only-show-errors --recursive "s3://$ARTIFACTS/$STACK/"
  created_by="$(owned_s3api "$ARTIFACTS" get-bucket-tagging \
    --query "TagSet[?Key=='$CREATED_TAG_KEY'].Value" --output text 2>/dev/null || true)"
  left="$(owned_s3api "$ARTIFACTS" list-objects-v2 --max-keys 1 --query 'KeyCount' --output text)"
  if [[ "$created_by" == deploy.sh && "$left" == 0 ]]; then
    log "deleting artifacts bucket s3://$ARTIFACTS"
    owned_s3api "$ARTIFACTS" delete-bucket
  fi
else
  log "s3://$ARTIFACTS does not exist or is not owned by account $ACCOUNT; left alone"
fi
