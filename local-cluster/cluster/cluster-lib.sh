# Shared by cluster, submit, feed, savepoint and e2e: where the local session cluster keeps its state, and
# how to tell whether one of its processes runs.
# shellcheck shell=bash
# shellcheck disable=SC2034  # the settings below are read by the scripts that source this file
# Needs local-cluster/bin/lib.sh sourced first (bu_classpath, BU_ROOT, BU_FLINK_JAVA_OPTS).

REPO_ROOT="$BU_ROOT"

# Builds the project when sources changed (lib.sh decides), and the job jar if it is missing.
ensure_built() {
  bu_classpath >/dev/null || exit
  if [ ! -f "$JOB_JAR" ]; then
    (cd "$REPO_ROOT" && mvn -q -B -DskipTests -pl job -am package) >&2 || die "could not build the job jar $JOB_JAR"
  fi
}

CLUSTER_HOME="${LOCAL_CLUSTER_HOME:-$REPO_ROOT/local-data/cluster}"
mkdir -p "$(dirname "$CLUSTER_HOME")"
CLUSTER_HOME="$(cd "$(dirname "$CLUSTER_HOME")" && pwd)/$(basename "$CLUSTER_HOME")"
STATE_FILE="$CLUSTER_HOME/cluster.env"

FLINK_VERSION="$BU_FLINK_VERSION"
CLUSTER_POM="$REPO_ROOT/local-cluster/cluster/pom.xml"
FLINK_DIST="$REPO_ROOT/local-cluster/cluster/target/flink"
FLINK_LIB="$FLINK_DIST/lib"
S3MOCK_JAR="$REPO_ROOT/local-cluster/cluster/target/s3mock/s3mock-exec.jar"
S3MOCK_LOOPBACK="$REPO_ROOT/local-cluster/cluster/conf/s3mock-loopback.xml"
KINESIS_MAIN="$REPO_ROOT/local-cluster/emulators/node_modules/kinesis-local/main.js"
KINESIS_LOOPBACK="$REPO_ROOT/local-cluster/emulators/loopback-only.cjs"
JOB_JAR="$BU_JOB_JAR"

AWS_REGION_LOCAL=us-east-1
KINESIS_STREAM=bedrock-invocation-logs
KINESIS_SHARDS=2
S3_BUCKET=bedrock-invocation-logs
STOP_TIMEOUT="${CLUSTER_STOP_TIMEOUT:-30}"

COMPONENTS=(jobmanager taskmanager kinesis s3)

pid_file() { echo "$CLUSTER_HOME/pids/$1.pid"; }

# What must appear in /proc/PID/cmdline for the PID to still be ours (PIDs get reused).
component_marker() {
  case "$1" in
    kinesis) echo "$KINESIS_MAIN" ;;
    *) echo "-Dlocal.cluster.home=$CLUSTER_HOME" ;;
  esac
}

component_running() {
  local pf pid
  pf="$(pid_file "$1")"
  [ -f "$pf" ] || return 1
  pid="$(cat "$pf" 2>/dev/null)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$(component_marker "$1")"
}

# Removes PID files whose process is gone (or is no longer ours), saying so.
clear_stale_pids() {
  local name pf
  for name in "${COMPONENTS[@]}"; do
    pf="$(pid_file "$name")"
    if [ -f "$pf" ] && ! component_running "$name"; then
      echo "cluster: $name is not running any more (PID $(cat "$pf" 2>/dev/null)); removed its stale PID file" >&2
      rm -f "$pf"
    fi
  done
}

# The listening sockets of the cluster's running processes that are not on the loopback interface, one
# "component address:port" a line (ss reads them from the kernel; nothing is sent). Empty without ss.
non_loopback_listeners() {
  local name pid addr
  command -v ss >/dev/null || return 0
  for name in "${COMPONENTS[@]}"; do
    component_running "$name" || continue
    pid="$(cat "$(pid_file "$name")")"
    for addr in $(ss -Hltnp 2>/dev/null | awk -v p="pid=$pid," 'index($0, p) { print $4 }'); do
      case "$addr" in
        127.* | "[::1]":* | "[::ffff:127."*) ;;
        *) echo "$name $addr" ;;
      esac
    done
  done
}

# Reads cluster.env (ports, endpoints) into the shell; fails with a hint when the cluster was never started.
load_state() {
  [ -f "$STATE_FILE" ] || die "no local cluster state in $CLUSTER_HOME (start it: local-cluster/bin/cluster start)"
  # shellcheck disable=SC1090
  source "$STATE_FILE"
}

require_running() {
  load_state
  { component_running jobmanager && component_running taskmanager; } \
    || die "the local Flink cluster is not running (local-cluster/bin/cluster start; status: local-cluster/bin/cluster status)"
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
  ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
}

port_user() {
  ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*users:((\("[^"]*",pid=[0-9]*\).*/\1/p' | head -1
}

# cluster_java MAIN ARGS...: a local-cluster tool (not exec'd), pointed at this cluster's state.
cluster_java() {
  local main="$1"; shift
  local cp
  cp="$(bu_classpath)" || exit
  LOCAL_CLUSTER_HOME="$CLUSTER_HOME" JOB_JAR="$JOB_JAR" java "-Xmx${CLUSTER_TOOL_HEAP:-768m}" "${BU_FLINK_JAVA_OPTS[@]}" \
    -Dlog4j.configurationFile="$REPO_ROOT/local-cluster/conf/log4j2-cli.properties" \
    -cp "$cp" "$main" "$@"
}

# True when the arguments ask for help (the Java tool prints it; no running cluster needed).
wants_help() {
  local a
  for a in "$@"; do [ "$a" = "--help" ] || [ "$a" = "-h" ] && return 0; done
  return 1
}
