# Shared by the bench scripts: JDK 25, the project built, and a module's test classpath.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${BENCH_OUT:-$ROOT/bench-out}"
mkdir -p "$OUT"
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && "$candidate/bin/java" -version 2>&1 | grep -q '"25'; then
    export JAVA_HOME="$candidate" PATH="$candidate/bin:$PATH"
    break
  fi
done
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

# test_classpath MODULE: compiles MODULE (and what it needs) with its tests and prints its test classpath.
test_classpath() {
  local module=$1
  (cd "$ROOT" && mvn -B -ntp -q -pl "$module" -am test-compile -DskipTests >&2 &&
    mvn -B -ntp -q -pl "$module" dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$OUT/$module.classpath" >&2)
  echo "$ROOT/$module/target/test-classes:$ROOT/$module/target/classes:$(cat "$OUT/$module.classpath")"
}

# seconds COMMAND...: wall-clock seconds of one run, best of $REPEAT (default 3).
seconds() {
  local best="" t
  for _ in $(seq "${REPEAT:-3}"); do
    t=$( { TIMEFORMAT=%R; time "$@" >/dev/null 2>&1; } 2>&1 )
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
  done
  echo "$best"
}

# median VALUES...: the middle value (the mean of the two middle ones for an even count).
median() {
  printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END{print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'
}

# Processes to stop when the script ends (append with pids+=("$!")), and a folder whose large files then go: the
# uploaded copies of a transfer benchmark fill several GiB per run, the logs beside them are kept.
pids=()
LARGE_FILES_DIR=""
stop_and_tidy() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$LARGE_FILES_DIR" ]; then find "$LARGE_FILES_DIR" -type f -size +1M -delete 2>/dev/null || true; fi
}
trap stop_and_tidy EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# await_quiet PID: returns once the process has used under 20 ms of CPU in a quarter of a second (at most 30 s), so
# work it does after answering (the server hashes and records what landed) is not charged to the next measurement.
await_quiet() {
  local before after
  for _ in $(seq 120); do
    before=$(awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null) || return 0
    sleep 0.25
    after=$(awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null) || return 0
    [ $((after - before)) -lt 2 ] && return 0
  done
}
