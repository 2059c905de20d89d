#!/usr/bin/env bash
# Tests the Grafana dashboards without Grafana: starts local stand-ins (stubs.py), Vigil (the packaged jar,
# with this directory's vigil.yaml) and a real Prometheus scraping it on 127.0.0.1, then runs every panel
# and variable query through Prometheus's HTTP API (queries.py). Every query must parse; every query of the
# Overview, Alerting and Business dashboards must return data.
# Needs: target/quarkus-app/quarkus-run.jar (./mvnw package), java 21+, prometheus, python3, openssl.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() {
  for _ in $(seq 1 "$2"); do curl -sfk -o /dev/null "$1" && return 0; sleep 1; done
  echo "not up after $2 s: $1" >&2; return 1
}
show_logs() { for log in "$work"/*.log; do echo "---- $log"; tail -40 "$log"; done; }

vigil_port=$(free_port); prometheus_port=$(free_port)
export STUB_HTTPS_PORT=$(free_port) STUB_HTTP_PORT=$(free_port)

openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN=localhost -addext subjectAltName=DNS:localhost \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
python3 "$here/stubs.py" "$STUB_HTTPS_PORT" "$STUB_HTTP_PORT" "$work/cert.pem" "$work/key.pem" \
  "$root/src/test/resources" >"$work/stubs.log" 2>&1 &
pids+=($!)

(cd "$work" && PORT=$vigil_port VIGIL_CONFIG="$here/vigil.yaml" exec java -Xmx256m \
  -jar "$root/target/quarkus-app/quarkus-run.jar" >"$work/vigil.log" 2>&1) &
pids+=($!)

cat >"$work/prometheus.yml" <<YAML
global: {scrape_interval: 1s, evaluation_interval: 1s}
scrape_configs:
  - job_name: vigil
    metrics_path: /q/metrics
    honor_labels: true
    static_configs:
      - targets: ['127.0.0.1:$vigil_port']
        labels: {env: ci}
YAML
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --web.listen-address="127.0.0.1:$prometheus_port" >"$work/prometheus.log" 2>&1 &
pids+=($!)

wait_for "https://127.0.0.1:$STUB_HTTPS_PORT/" 20 || { show_logs; exit 1; }
wait_for "http://127.0.0.1:$vigil_port/q/health/ready" 90 || { show_logs; exit 1; }
wait_for "http://127.0.0.1:$prometheus_port/-/ready" 30 || { show_logs; exit 1; }
# What the rest of the panels read: a heartbeat push, and API requests (one of them a 404) for the HTTP panels.
curl -sf -o /dev/null -X POST -H 'Authorization: Bearer dummy-heartbeat-token' \
  "http://127.0.0.1:$vigil_port/api/v1/heartbeats/nightly-backup"
curl -sf -o /dev/null "http://127.0.0.1:$vigil_port/api/v1/probes"
curl -s -o /dev/null "http://127.0.0.1:$vigil_port/api/v1/incidents/999999"

dashboards="$root/grafana/dashboards"
python3 "$here/queries.py" "http://127.0.0.1:$prometheus_port" 120 \
  "$dashboards/vigil.json" \
  --need-data "$dashboards/overview.json" "$dashboards/alerting.json" "$dashboards/business.json"
