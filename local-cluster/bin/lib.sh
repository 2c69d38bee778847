# shellcheck shell=bash
# Shared helpers for the scripts in local-cluster/bin and infra/. Source it; do not run it. Every script finds its
# own folder and this file the same way:
#   # shellcheck source=lib.sh
#   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#   CP="$(bu_classpath)"; exec java -cp "$CP" some.Main "$@"

BU_BIN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BU_LOCAL_DIR="$(dirname "$BU_BIN_DIR")"
BU_ROOT="$(dirname "$BU_LOCAL_DIR")"
BU_CP_FILE="$BU_LOCAL_DIR/target/runtime-classpath.txt"
BU_CLASSES="$BU_LOCAL_DIR/target/classes"

# The one way a script gives up: the message on stderr, prefixed with the script's name, and exit status 2.
die() {
  echo "$(basename "$0"): $*" >&2
  exit 2
}

# The first <NAME>value</NAME> of a pom (the root pom by default): the build's facts, not a second copy of them.
bu_pom_value() {
  local name="$1" pom="${2:-$BU_ROOT/pom.xml}" value
  value="$(sed -n "s|^[[:space:]]*<$name>\([^<]*\)</$name>.*|\1|p" "$pom" | head -n 1)"
  [ -n "$value" ] || die "no <$name> in $pom"
  printf '%s\n' "$value"
}
# The root pom's first <version> is the project's (it has no parent).
BU_PROJECT_VERSION="$(bu_pom_value version)"
# shellcheck disable=SC2034  # read by the scripts that source this file
BU_FLINK_VERSION="$(bu_pom_value flink.version)"
# The shaded jar the job module builds: ${artifactId}-${version}-${shadedClassifierName}.jar.
# shellcheck disable=SC2034  # read by the scripts that source this file
BU_JOB_JAR="$BU_ROOT/job/target/job-$BU_PROJECT_VERSION-$(bu_pom_value shadedClassifierName "$BU_ROOT/job/pom.xml").jar"

# rm -rf for a folder whose path may come from the environment: refuses an empty or relative path, the file system
# root, the home folder, the repository and any folder above it.
bu_rm_rf() {
  local dir="$1" real
  [[ -n "$dir" && "$dir" == /* ]] || die "refusing to delete '$dir': not an absolute path"
  [ -e "$dir" ] || return 0
  real="$(cd "$dir" && pwd -P)" || die "refusing to delete '$dir': cannot resolve it"
  case "$real" in
    / | "$(cd ~ && pwd -P)") die "refusing to delete '$dir'" ;;
  esac
  case "$(cd "$BU_ROOT" && pwd -P)/" in
    "$real"/*) die "refusing to delete '$dir': it holds the repository" ;;
  esac
  rm -rf -- "$real"
}

# True when the build outputs are missing or any pom or main source is newer than them.
bu_needs_build() {
  [[ -f "$BU_CP_FILE" && -d "$BU_CLASSES" ]] || return 0
  local cp_entry
  while IFS= read -r -d ':' cp_entry; do
    [[ -e "$cp_entry" ]] || return 0
  done < <(printf '%s:' "$(cat "$BU_CP_FILE")")
  [[ -n "$(find "$BU_ROOT" \( -name target -o -name node_modules -o -name local-data -o -name '.?*' \) -prune -o \
      \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "$BU_CP_FILE" -print -quit 2>/dev/null)" ]]
}

# Builds local-cluster and the modules it needs, once (offline first, online if something is missing).
bu_build() {
  command -v mvn >/dev/null || die "mvn not found: install Maven 3.8+ and JDK 17"
  echo "$(basename "$0"): building (first use or sources changed)..." >&2
  local log
  log="$(mktemp)"
  if ! (cd "$BU_ROOT" && mvn -q -B -o -DskipTests -pl local-cluster -am package >"$log" 2>&1); then
    if ! (cd "$BU_ROOT" && mvn -q -B -DskipTests -pl local-cluster -am package >"$log" 2>&1); then
      cat "$log" >&2
      rm -f "$log"
      die "build failed"
    fi
  fi
  rm -f "$log"
  touch "$BU_CP_FILE"
}

# Prints the runtime classpath of local-cluster (its classes first), building when needed. A failed build has
# already said why (die); callers pass its status on with `|| exit`.
bu_classpath() {
  if bu_needs_build; then
    if command -v flock >/dev/null; then
      mkdir -p "$BU_LOCAL_DIR/target"
      (
        flock 9
        if bu_needs_build; then bu_build; fi
      ) 9>"$BU_LOCAL_DIR/target/.build.lock" || return
    else
      bu_build || return
    fi
  fi
  printf '%s:%s\n' "$BU_CLASSES" "$(cat "$BU_CP_FILE")"
}

# Flink on JDK 17 needs these opens (the same list the tests use).
BU_FLINK_JAVA_OPTS=(
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
)

# JIT options for the JVMs that run the job. On a machine with few cores, a bounded run of a minute otherwise spends
# ~40 % of its CPU in C2, mostly on code that runs once per checkpoint, commit, window or file, while the job's hottest
# methods wait 30-50 s for their C2 code (docs/benchmarks.md, "JIT options for local JVMs").
# 1. C2 compiles only code that runs per record: 20x the default tier-4 thresholds; the rest stays C1-compiled.
BU_FLINK_JAVA_OPTS+=(-XX:Tier4InvocationThreshold=100000 -XX:Tier4MinInvocationThreshold=12000
  -XX:Tier4CompileThreshold=300000 -XX:Tier4BackEdgeThreshold=800000)
# 2. Java threads at nice 10 and the compiler threads at nice 0, so the compiler is not starved by the task threads.
#    Moving a thread back to nice 0 needs root (or RLIMIT_NICE >= 20); without it the JVM would only warn and ignore
#    the setting, so the flags are left out then.
bu_can_renice_to_zero() {
  [ "$(id -u)" = 0 ] && return 0
  local limit
  limit="$(ulimit -e 2>/dev/null || echo 0)"
  [[ "$limit" = unlimited || ( "$limit" =~ ^[0-9]+$ && "$limit" -ge 20 ) ]]
}
if bu_can_renice_to_zero; then
  BU_FLINK_JAVA_OPTS+=(-XX:ThreadPriorityPolicy=1 -XX:JavaPriority5_To_OSPriority=10 -XX:CompilerThreadPriority=0)
fi

# Heap and collector of a JVM that runs the job: bu_heap_opts bounded|live HEAP. Metaspace starts at 256 MB either
# way: at the JDK's 21 MB, loading Flink, Iceberg and Hadoop costs three full collections before the first record.
# - bounded (a backfill that exits when done): throughput counts, not pauses. The parallel collector, with the whole
#   heap committed from the start (sized adaptively, it kept the heap at 1.3 GB and ran full collections), cuts a
#   2.3 GB run's CPU by ~13 % against G1 (docs/benchmarks.md, "Garbage collector for bounded runs").
# - live: G1, the JDK's default, for short pauses while alerts are due within seconds.
bu_heap_opts() {
  local mode="$1" heap="$2"
  printf '%s\n' "-Xmx$heap" -XX:MetaspaceSize=256m
  if [ "$mode" = bounded ]; then
    printf '%s\n' "-Xms$heap" -XX:+UseParallelGC
  fi
}

# Runs a Flink-using main in this process: bu_run_flink HEAP MAIN_CLASS ARGS... (bounded when ARGS hold --bounded)
bu_run_flink() {
  local heap="$1" main="$2" cp mode=live arg heap_opts
  shift 2
  for arg in "$@"; do
    if [ "$arg" = --bounded ]; then mode=bounded; fi
  done
  mapfile -t heap_opts < <(bu_heap_opts "$mode" "$heap")
  cp="$(bu_classpath)" || exit
  exec java "${heap_opts[@]}" "${BU_FLINK_JAVA_OPTS[@]}" \
    -Dlog4j.configurationFile="$BU_LOCAL_DIR/conf/log4j2-cli.properties" -cp "$cp" "$main" "$@"
}
