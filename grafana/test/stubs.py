"""Local stand-ins for everything the dashboard check's Vigil probes and notifies, so that every panel has
something to show with no network: an HTTPS site (a real TLS handshake with a self-signed certificate),
and on one plain HTTP port the APIs of SendGrid, Stripe, Heroku, Netlify, Supabase, a Statuspage and RDAP
(the shapes of ../../../shared/reference/saas-apis.md, RDAP and Statuspage from the probes' test
fixtures), plus two webhook receivers, one accepting and one failing.

Usage: stubs.py <https-port> <http-port> <cert.pem> <key.pem> <test-resources-dir>
"""
import datetime
import json
import re
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def sendgrid_stats():
    metrics = {"requests": 9831, "processed": 9810, "delivered": 9712, "bounces": 41, "blocks": 12,
               "deferred": 57, "bounce_drops": 3, "spam_report_drops": 1, "invalid_emails": 15,
               "unsubscribe_drops": 2, "spam_reports": 4, "opens": 5120, "unique_opens": 3950,
               "clicks": 1830, "unique_clicks": 1204, "unsubscribes": 18}
    today = datetime.date.today()
    return [{"date": (today - datetime.timedelta(days=back)).isoformat(), "stats": [{"metrics": metrics}]}
            for back in (1, 0)]


def stripe_charges():
    created = int(time.time()) - 60
    charges = [("succeeded", None)] * 20 + [("failed", "card_declined")] * 2 + [("failed", "expired_card"), ("pending", None)]
    return {"object": "list", "url": "/v1/charges", "has_more": False,
            "data": [{"id": f"ch_{i}", "object": "charge", "status": status, "created": created, "failure_code": code}
                     for i, (status, code) in enumerate(charges)]}


def heroku_dynos():
    return [{"id": f"{name}-id", "name": name, "type": name.split(".")[0], "state": state, "size": "standard-1X",
             "created_at": "2026-11-27T09:00:02Z", "app": {"id": "7f2d", "name": "acme-api"}}
            for name, state in [("web.1", "up"), ("web.2", "up"), ("worker.1", "crashed"), ("clock.1", "idle")]]


def netlify_deploys():
    at = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return [{"id": "6747f3c2", "site_id": "site", "state": "ready", "error_message": None, "context": "production",
             "created_at": at, "published_at": at}]


def supabase_health():
    return [{"name": name, "healthy": name != "realtime", "status": "ACTIVE_HEALTHY"}
            for name in ["auth", "db", "pooler", "realtime", "rest", "storage"]]


class Site(BaseHTTPRequestHandler):
    def do_GET(self):
        self.answer(200, "ok\n", "text/plain")

    def answer(self, status, body, content_type="application/json"):
        data = (body if isinstance(body, str) else json.dumps(body)).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class Apis(Site):
    resources = "."

    def fixture(self, name):
        with open(f"{self.resources}/{name}") as file:
            return file.read()

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/sendgrid/v3/stats":
            self.answer(200, sendgrid_stats())
        elif path == "/stripe/v1/charges":
            self.answer(200, stripe_charges())
        elif re.fullmatch(r"/heroku/apps/[^/]+/dynos", path):
            self.answer(200, heroku_dynos())
        elif re.fullmatch(r"/netlify/api/v1/sites/[^/]+/deploys", path):
            self.answer(200, netlify_deploys())
        elif re.fullmatch(r"/supabase/v1/projects/[^/]+/health", path):
            self.answer(200, supabase_health())
        elif path == "/status/api/v2/summary.json":
            self.answer(200, self.fixture("statuspage/github-major.json"))
        elif path.startswith("/rdap/domain/"):
            self.answer(200, self.fixture("rdap/verisign-example-com.json"), "application/rdap+json")
        else:
            self.answer(404, {"error": f"no stub for {path}"})

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path == "/hooks/ok":
            self.answer(200, "{}")
        else:
            self.answer(500, {"error": "receiver broken on purpose"})


def main():
    https_port, http_port, cert, key, resources = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    site = ThreadingHTTPServer(("127.0.0.1", https_port), Site)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    site.socket = context.wrap_socket(site.socket, server_side=True)
    Apis.resources = resources
    apis = ThreadingHTTPServer(("127.0.0.1", http_port), Apis)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    apis.serve_forever()


if __name__ == "__main__":
    main()
