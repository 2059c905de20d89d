"""Runs every query of the Grafana dashboards (panels, annotations, variables) through a real Prometheus's
HTTP API, as Grafana would.

Usage: queries.py <prometheus-url> <timeout-seconds> <dashboard.json>... [--need-data <dashboard.json>...]

Grafana's template variables are replaced first ($__rate_interval by a window the check's scrape interval
fills, $env/$service/$probe by their "All" value .*, $datasource dropped). Every query must parse; every
query of a dashboard after --need-data must also return at least one series. Queries that return nothing
yet are retried until the timeout, since counters and rates need a few scrapes. Variable queries
(label_values(metric, label)) are checked through /api/v1/series.
"""
import json
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

WINDOWS = {"__rate_interval": "30s", "__interval": "5s", "__range": "5m", "__range_s": "300"}
LABEL_VALUES = re.compile(r"^\s*label_values\((?:(.*),)?\s*(\w+)\s*\)\s*$", re.S)


def substitute(expr, variables):
    def value(match):
        name = match.group(1) or match.group(2)
        if name in WINDOWS:
            return WINDOWS[name]
        if name in variables:
            return variables[name]
        raise ValueError(f"unknown variable ${name}")
    return re.sub(r"\$\{(\w+)(?::\w+)?\}|\$(\w+)", value, expr)


def panels(items):
    for panel in items:
        yield panel
        yield from panels(panel.get("panels", []))


def queries(path):
    with open(path) as file:
        dashboard = json.load(file)
    variables = {}
    checks = []
    for variable in dashboard.get("templating", {}).get("list", []):
        name = variable["name"]
        if variable.get("type") == "query":
            variables[name] = variable.get("allValue") or ".*"
            query = variable.get("query")
            text = query.get("query") if isinstance(query, dict) else query
            checks.append((f"variable ${name}", "variable", text))
        elif variable.get("type") == "datasource":
            variables[name] = variable.get("current", {}).get("value", "")
        else:
            variables[name] = ".*"
    for annotation in dashboard.get("annotations", {}).get("list", []):
        if annotation.get("expr"):
            checks.append((f"annotation '{annotation.get('name')}'", "expr", annotation["expr"]))
    for panel in panels(dashboard.get("panels", [])):
        for target in panel.get("targets", []):
            if target.get("expr"):
                checks.append((f"panel '{panel.get('title')}' {target.get('refId', '')}", "expr", target["expr"]))
    multi = {v["name"] for v in dashboard.get("templating", {}).get("list", []) if v.get("multi") or v.get("includeAll")}
    for where, kind, text in checks:
        # Grafana writes a multi-value or All selection as a regex (a|b): only =~ and !~ matchers can take it.
        for match in re.finditer(r'\w+\s*(!=|=)\s*"[^"]*\$\{?(\w+)', text):
            if match.group(2) in multi:
                raise ValueError(f"{path}: {where}: ${match.group(2)} can hold several values, use =~ or !~: {text}")
    return dashboard.get("title", path), [(where, kind, substitute(text, variables)) for where, kind, text in checks]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        return json.load(error)


def run(prometheus, kind, text):
    """Answers (error or None, whether data came back)."""
    if kind == "variable":
        match = LABEL_VALUES.match(text)
        if not match:
            return f"not a label_values(...) query: {text}", False
        selector, label = match.group(1), match.group(2)
        if not selector:
            answer = get(f"{prometheus}/api/v1/label/{label}/values")
            return (answer.get("error"), bool(answer.get("data"))) if answer["status"] == "success" else (answer["error"], False)
        answer = get(f"{prometheus}/api/v1/series?" + urllib.parse.urlencode({"match[]": selector.strip()}))
        if answer["status"] != "success":
            return answer["error"], False
        return None, any(label in series for series in answer["data"])
    answer = get(f"{prometheus}/api/v1/query?" + urllib.parse.urlencode({"query": text}))
    if answer["status"] != "success":
        return answer["error"], False
    return None, len(answer["data"]["result"]) > 0


def main(argv):
    prometheus, timeout = argv[0].rstrip("/"), float(argv[1])
    files, need_data, strict = [], set(), False
    for arg in argv[2:]:
        if arg == "--need-data":
            strict = True
        else:
            files.append(arg)
            if strict:
                need_data.add(arg)
    pending = []
    for path in files:
        try:
            title, checks = queries(path)
        except ValueError as error:
            print(error, file=sys.stderr)
            return 1
        for where, kind, text in checks:
            pending.append((path, title, where, kind, text))
    deadline = time.monotonic() + timeout
    failures, empty = [], []
    while True:
        failures, empty, waiting = [], [], []
        for item in pending:
            path, title, where, kind, text = item
            error, has_data = run(prometheus, kind, text)
            if error:
                failures.append(f"{title}: {where}: does not parse: {error}\n    {text}")
            elif not has_data:
                (waiting if path in need_data else empty).append(item)
        if failures or not waiting or time.monotonic() > deadline:
            break
        time.sleep(2)
    for path, title, where, kind, text in waiting if not failures else []:
        failures.append(f"{title}: {where}: returned no data\n    {text}")
    for path, title, where, kind, text in empty:
        print(f"note: {title}: {where}: no data here (parses)")
    checked = len(pending)
    if failures:
        print("\n".join(failures), file=sys.stderr)
        print(f"{len(failures)} of {checked} dashboard queries failed", file=sys.stderr)
        return 1
    print(f"{checked} dashboard queries parse; those of {len(need_data)} dashboards all returned data")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
