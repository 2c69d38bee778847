# Shared by the local-cluster scripts: find the repo, build once, run a Java main with the runtime classpath.
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LC_TARGET="$REPO_ROOT/local-cluster/target"
BUILD_STAMP="$LC_TARGET/.built"

# Flink on JDK 17 needs these opens (same list as the tests use).
FLINK_JAVA_OPTS=(
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
)

die() { echo "$(basename "$0"): $*" >&2; exit 2; }

# Builds the project (without tests) when it was never built or a source changed since the last build.
ensure_built() {
  local stale=""
  if [ ! -f "$BUILD_STAMP" ] || [ ! -f "$LC_TARGET/runtime-classpath.txt" ]; then
    stale=yes
  elif [ -n "$(find "$REPO_ROOT"/pom.xml "$REPO_ROOT"/pricing "$REPO_ROOT"/job "$REPO_ROOT"/udf "$REPO_ROOT"/local-cluster \
        \( -path '*/target' -o -path '*/node_modules' \) -prune -o \
        -type f \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$BUILD_STAMP" -print -quit)" ]; then
    stale=yes
  fi
  if [ -n "$stale" ]; then
    command -v mvn >/dev/null || die "Maven (mvn) is needed to build the project"
    echo "$(basename "$0"): building the project (first use or sources changed)..." >&2
    (cd "$REPO_ROOT" && mvn -q -B -ntp -Dmaven.test.skip=true package) >&2 || die "build failed (run: mvn -DskipTests package)"
    touch "$BUILD_STAMP"
  fi
}

runtime_classpath() {
  echo "$LC_TARGET/classes:$(cat "$LC_TARGET/runtime-classpath.txt")"
}

# run_java HEAP MAIN_CLASS ARGS...
run_java() {
  local heap="$1" main="$2"
  shift 2
  exec java "-Xmx$heap" "${FLINK_JAVA_OPTS[@]}" -Dlog4j.configurationFile="$REPO_ROOT/local-cluster/conf/log4j2-cli.properties" \
    -cp "$(runtime_classpath)" "$main" "$@"
}
