#!/usr/bin/env bash
# Compares Dst's RESP port with a private redis-server in one run: redis-benchmark
# -t set,get,hset against both (plain and pipelined), tests interleaved so both see the same
# machine load, then prints requests/s and the Dst/Redis ratio per test.
#
#   bench/redis-benchmark.sh [-n REQUESTS] [-c CLIENTS] [-P "1 16"] [--dst-port PORT] [--dst-host H]
#                            [--dst-auth PASSWORD] [--warmup N] [--cluster] [--io-threads N]
#
# Without --dst-port it starts io.dst.node.resp.RespBenchServer (an unreplicated embedded store)
# from the Maven module holding it (DST_MODULE, default: dst-node under the repo root); with
# --cluster, io.dst.node.resp.RespClusterBenchServer instead (3 nodes in one JVM, replication
# factor 3, RESP on node 1). DST_JAVA_OPTS adds JVM options (e.g. a JFR recording).
# With --dst-port it benchmarks an already running RESP port instead, e.g. a
# node of a 3-replica cluster, whose writes then go through synchronous replication.
set -euo pipefail

N=1000000
CLIENTS=50
PIPELINES="1 16"
DST_HOST=127.0.0.1
DST_PORT=
DST_AUTH=
WARMUP=100000
TESTS=set,get,hset
SERVER=io.dst.node.resp.RespBenchServer
SERVER_ARGS=(0)
IO_THREADS=
while [ $# -gt 0 ]; do
  case "$1" in
    -n) N=$2; shift 2 ;;
    -c) CLIENTS=$2; shift 2 ;;
    -P) PIPELINES=$2; shift 2 ;;
    -t) TESTS=$2; shift 2 ;;
    --dst-port) DST_PORT=$2; shift 2 ;;
    --dst-host) DST_HOST=$2; shift 2 ;;
    --dst-auth) DST_AUTH=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --io-threads) IO_THREADS=$2; shift 2 ;;
    --cluster) SERVER=io.dst.node.resp.RespClusterBenchServer; SERVER_ARGS=(); shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if ! command -v redis-benchmark >/dev/null || ! command -v redis-server >/dev/null; then
  echo "installing redis-tools and redis-server" >&2
  if [ "$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-tools redis-server >/dev/null
fi

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  while true; do
    p=$((20000 + RANDOM % 40000))
    if port_free "$p"; then echo "$p"; return; fi
  done
}
await_ping() { # host port [auth]
  local auth=()
  [ -n "${3:-}" ] && auth=(-a "$3" --no-auth-warning)
  for _ in $(seq 1 300); do
    if [ "$(redis-cli -h "$1" -p "$2" "${auth[@]}" ping 2>/dev/null)" = "PONG" ]; then return 0; fi
    sleep 0.1
  done
  echo "no PONG from $1:$2" >&2
  return 1
}

if [ -z "$DST_PORT" ]; then
  MODULE=${DST_MODULE:-}
  if [ -z "$MODULE" ]; then
    if [ -f "$ROOT/dst-node/pom.xml" ]; then MODULE="$ROOT/dst-node"; else MODULE="$ROOT"; fi
  fi
  echo "building $MODULE" >&2
  if [ "$MODULE" = "$ROOT/dst-node" ]; then
    # One reactor build, so dst-node sees its sibling modules' fresh classes.
    (cd "$ROOT" && mvn -B -q test-compile dependency:build-classpath -pl dst-node -am \
        -Dmdep.outputFile="$WORK/cp.txt" >&2)
  else
    (cd "$MODULE" && mvn -B -q test-compile dependency:build-classpath \
        -Dmdep.outputFile="$WORK/cp.txt" >&2)
  fi
  CP="$MODULE/target/classes:$MODULE/target/test-classes:$(cat "$WORK/cp.txt")"
  # Pre-touched heap, as a long-running server has: without it, a run of a few seconds pays a page
  # fault each time allocation reaches heap pages not yet used (about 40% of the CPU per request).
  java -Xms1g -Xmx1g -XX:+AlwaysPreTouch ${DST_JAVA_OPTS:-} -cp "$CP" "$SERVER" "${SERVER_ARGS[@]}" "$WORK/dst.port" \
    $IO_THREADS >"$WORK/dst.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 600); do [ -f "$WORK/dst.port" ] && break; sleep 0.1; done
  DST_PORT=$(cat "$WORK/dst.port")
  if [ "$SERVER" = io.dst.node.resp.RespBenchServer ]; then
    DST_LABEL="dst (embedded, unreplicated)"
  else
    DST_LABEL="dst (3-node cluster, RF 3, via node 1)"
  fi
else
  DST_LABEL="dst at $DST_HOST:$DST_PORT"
fi
await_ping "$DST_HOST" "$DST_PORT" "$DST_AUTH"

REDIS_PORT=$(free_port)
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
  --dir "$WORK" --logfile "$WORK/redis.log" &
PIDS+=($!)
await_ping 127.0.0.1 "$REDIS_PORT"

# One redis-benchmark run; prints "TEST rps" lines.
bench() { # host port pipeline auth
  local auth=()
  [ -n "${4:-}" ] && auth=(-a "$4")
  redis-benchmark -h "$1" -p "$2" "${auth[@]}" -t "$TESTS" -n "$N" -c "$CLIENTS" -P "$3" -q 2>/dev/null \
    | tr '\r' '\n' | awk -F'[: ]+' '/requests per second/ { print $1, $2 }'
}

if [ "$WARMUP" -gt 0 ]; then
  # The JIT compiles the pipelined and the one-at-a-time paths separately: warm both, twice.
  echo "warming up dst's JIT with $WARMUP requests per test at each of P=$PIPELINES, twice" >&2
  N_SAVED=$N; N=$WARMUP
  for _ in 1 2; do
    for P in $PIPELINES; do bench "$DST_HOST" "$DST_PORT" "$P" "$DST_AUTH" >/dev/null; done
  done
  N=$N_SAVED
fi

echo "redis-benchmark -t $TESTS -n $N -c $CLIENTS; redis $(redis-server --version | awk '{print $3}'), $DST_LABEL"
printf '%-6s %-4s %14s %14s %8s\n' test P redis_rps dst_rps ratio
for P in $PIPELINES; do
  IFS=, read -ra TLIST <<<"$TESTS"
  for T in "${TLIST[@]}"; do
    SAVED=$TESTS; TESTS=$T
    R=$(bench 127.0.0.1 "$REDIS_PORT" "$P" "" | awk '{print $2}')
    D=$(bench "$DST_HOST" "$DST_PORT" "$P" "$DST_AUTH" | awk '{print $2}')
    TESTS=$SAVED
    printf '%-6s %-4s %14s %14s %8s\n' "$(echo "$T" | tr a-z A-Z)" "$P" "$R" "$D" \
      "$(awk -v d="$D" -v r="$R" 'BEGIN { if (r > 0) printf "%.2fx", d / r; else print "n/a" }')"
  done
done
