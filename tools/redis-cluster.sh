#!/usr/bin/env bash
# A throwaway three-master Redis Cluster on loopback ports, for the cluster tests.
#   tools/redis-cluster.sh start [first-port]   (default 7101; prints the REDIS_CLUSTER_URL to use)
#   tools/redis-cluster.sh stop [first-port]
# Nothing is kept on disk beyond a temporary directory; no replicas.
set -euo pipefail
cmd="${1:-start}"
base="${2:-7101}"
ports=("$base" "$((base + 1))" "$((base + 2))")
dir="${TMPDIR:-/tmp}/jiaxiao-redis-cluster-$base"
case "$cmd" in
  start)
    mkdir -p "$dir"
    for p in "${ports[@]}"; do
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
        redis-server --port "$p" --bind 127.0.0.1 --cluster-enabled yes \
          --cluster-config-file "$dir/nodes-$p.conf" --cluster-node-timeout 2000 \
          --save "" --appendonly no --dir "$dir" --daemonize yes --logfile "$dir/redis-$p.log"
      fi
    done
    for p in "${ports[@]}"; do
      for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && break; sleep 0.1; done
    done
    if ! redis-cli -p "$base" cluster info 2>/dev/null | grep -q "cluster_state:ok"; then
      redis-cli --cluster create "127.0.0.1:${ports[0]}" "127.0.0.1:${ports[1]}" "127.0.0.1:${ports[2]}" \
        --cluster-replicas 0 --cluster-yes >/dev/null
      for _ in $(seq 1 100); do
        redis-cli -p "$base" cluster info | grep -q "cluster_state:ok" && break
        sleep 0.1
      done
    fi
    echo "redis://127.0.0.1:${ports[0]},redis://127.0.0.1:${ports[1]},redis://127.0.0.1:${ports[2]}"
    ;;
  stop)
    for p in "${ports[@]}"; do redis-cli -p "$p" shutdown nosave >/dev/null 2>&1 || true; done
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop [first-port]" >&2; exit 2 ;;
esac
