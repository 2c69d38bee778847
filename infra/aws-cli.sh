# shellcheck shell=bash
# Sourced by deploy.sh and destroy.sh (after local-cluster/bin/lib.sh, for die): the AWS CLI in one region.

# Checks that aws is on PATH and settles REGION: --region, else AWS_REGION, AWS_DEFAULT_REGION, the CLI's own.
aws_cli_region() {
  command -v aws >/dev/null 2>&1 || die "the AWS CLI (aws) is not on PATH"
  if [[ -z "$REGION" ]]; then
    REGION="${AWS_REGION:-${AWS_DEFAULT_REGION:-$(aws configure get region 2>/dev/null || true)}}"
  fi
  [[ -n "$REGION" ]] || die "no region: pass --region or set AWS_REGION"
}

awsr() {
  aws --region "$REGION" "$@"
}

log() {
  echo "==> $*" >&2
}
