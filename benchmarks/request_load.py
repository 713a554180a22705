"""The request platform under concurrent load (issue 3 §11). Run by hand, never in tests:

    .venv/bin/python benchmarks/request_load.py [--requests 100000] [--clients 8] [--hits 400]

It builds a fresh SQLite database in a temporary data directory with the demo county's
agencies and staff and ``--requests`` requests (bulk-inserted: the services' audit trail is not
what is measured here), starts the platform's own server (``gongkai serve``) on a free port,
and drives three pages with ``--clients`` concurrent clients:

* a bare Django view returning "ok" on the same server: the ceiling of the stack;
* the staff work list (first page, most urgent first) of the county head, who supervises every
  request, and of one department's officer;
* the public status page: a POSTed tracking number + query code, for random requests.

It prints p50/p95 latency and requests per second for each. The status page's per-address
attempt limit is turned off (dummy cache): it would answer 429 after 30 queries.
"""
from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERY_CODE = "BENCH234"  # every request gets this code; the hash still differs per tracking number
_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

SETTINGS = textwrap.dedent('''
    """Benchmark settings: the project's, DEBUG off, plus a bare view (see bench_urls)."""
    from gongkai.web.config.settings.base import *  # noqa: F403

    DEBUG = False
    ROOT_URLCONF = "bench_urls"
    # The status page limits attempts per address through the cache; a dummy cache never counts.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    LOGGING = {"version": 1, "disable_existing_loggers": False,
               "loggers": {"django.server": {"level": "ERROR"}}}
''')
URLS = textwrap.dedent('''
    """The project's URLs plus the ceiling: a view that does nothing but answer."""
    from django.http import HttpResponse
    from django.urls import path

    from gongkai.web.config.urls import urlpatterns as project


    def bare(request):
        return HttpResponse("ok", content_type="text/plain")


    urlpatterns = [path("bench/bare/", bare), *project]
''')


# ------------------------------------------------------------------ data

def setup_django(workdir: Path) -> None:
    (workdir / "bench_settings.py").write_text(SETTINGS, encoding="utf-8")
    (workdir / "bench_urls.py").write_text(URLS, encoding="utf-8")
    sys.path.insert(0, str(workdir))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench_settings"
    os.environ["GONGKAI_DATA_DIR"] = str(workdir / "data")
    (workdir / "data").mkdir()
    import django

    django.setup()


def load(n: int, seed: int) -> tuple[list[str], float]:
    """Migrate, create the demo organisation, bulk-insert ``n`` requests; returns sample numbers and seconds."""
    from django.core.management import call_command
    from django.db import transaction

    from gongkai.web.demo.loader import demo_organisation
    from gongkai.web.requests.constants import (
        CLOSED_STATUSES,
        OUTCOME_IDS,
        Delivery,
        IdType,
        InfoForm,
        RequestChannel,
        RequestEventKind,
        RequestStatus,
    )
    from gongkai.web.requests.models import InfoRequest, RequestEvent
    from gongkai.web.requests.selectors import query_code_hash

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    rng = random.Random(seed)
    agencies, _staff, _summary = demo_organisation()
    today = date.today()
    statuses = [s for s in RequestStatus.values if s != RequestStatus.SUBMITTED]
    replyable = [o for o in OUTCOME_IDS if not o.startswith("other_")]
    # The county answers about a third of the requests; each department and township shares the rest.
    weights = [30] + [7] * (len(agencies) - 1)
    counters = {a.pk: 0 for a in agencies}
    numbers: list[str] = []
    with transaction.atomic():
        batch: list[InfoRequest] = []
        for i in range(n):
            agency = rng.choices(agencies, weights)[0]
            received = today - timedelta(days=rng.randint(0, 730))
            counters[agency.pk] += 1
            number = f"{agency.code.upper()}-{received.year}-{counters[agency.pk]:06d}"
            status = rng.choice(statuses) if rng.random() < 0.3 else RequestStatus.ARCHIVED
            closed = status in CLOSED_STATUSES
            outcome = ""
            if status in {RequestStatus.REPLIED, RequestStatus.ARCHIVED}:
                outcome = rng.choice(replyable)
            elif status == RequestStatus.CLOSED:
                outcome = "other_no_correction"
            elif status == RequestStatus.WITHDRAWN:
                outcome = "other_misc"
            batch.append(InfoRequest(
                agency=agency, tracking_number=number, query_code_hash=query_code_hash(number, QUERY_CODE),
                channel=RequestChannel.COUNTER, applicant_type="natural_person", applicant_name=f"申请人{i}",
                id_type=IdType.PASSPORT, id_number=f"E{i:08d}", phone=f"139{i:08d}",
                description="申请公开某项目环评批复文件", info_form=InfoForm.ELECTRONIC, delivery=Delivery.ONLINE,
                handed_in_on=received, received_on=received, status=status, outcome=outcome,
                answer_due_on=received + timedelta(days=28),
                replied_on=received + timedelta(days=20) if outcome else None,
                closed_on=received + timedelta(days=20) if closed else None,
            ))
            if len(numbers) < 2000 and rng.random() < 0.05:
                numbers.append(number)
            if len(batch) == 5000:
                _insert(batch, RequestEvent, RequestEventKind)
                batch = []
        if batch:
            _insert(batch, RequestEvent, RequestEventKind)
    # The cached due dates of paused cases, brought up to today as the first page of the day (or
    # the nightly `manage refresh_deadlines`) does: not part of what the pages cost afterwards.
    from django.utils import timezone

    from gongkai.web.requests.services import request_deadlines_catch_up

    request_deadlines_catch_up(as_of=timezone.localdate())
    return numbers, time.perf_counter() - started


def _insert(batch, RequestEvent, K) -> None:
    from gongkai.web.requests.models import InfoRequest

    created = InfoRequest.objects.bulk_create(batch)
    events = []
    for r in created:
        events.append(RequestEvent(request=r, kind=K.REGISTERED, day=r.received_on, status_before="",
                                   status_after="registered"))
        if r.replied_on:
            events.append(RequestEvent(request=r, kind=K.REPLIED, day=r.replied_on, status_before="in_progress",
                                       status_after="replied", data={"outcome": r.outcome}))
    RequestEvent.objects.bulk_create(events)


# ------------------------------------------------------------------ server

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(workdir: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(workdir), str(ROOT / "src")])}
    proc = subprocess.Popen([sys.executable, "-m", "gongkai", "serve", "--no-migrate", "--port", str(port)],
                            env=env, cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("服务未能启动：\n" + proc.stderr.read().decode(errors="replace"))
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("服务 60 秒内未开始监听")


# ------------------------------------------------------------------ client

class Client:
    """One client with its cookies (csrftoken, sessionid); a new connection for each request."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str]:
        # NOTE: one connection per request. Django's server writes headers and body in two sends;
        # on a kept-alive connection Nagle's algorithm and delayed ACKs then add ~40 ms to every
        # response, which would measure TCP, not the platform.
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), "Connection": "close"}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                text = response.read().decode("utf-8", errors="replace")
                break
            except (http.client.HTTPException, OSError):
                # The server closed the connection between two requests; one reconnect.
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                if attempt == 2:
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        self.conn.close()
        return response.status, text

    def token(self, path: str) -> str:
        status, text = self.request("GET", path)
        match = _TOKEN.search(text)
        if status != 200 or match is None:
            raise SystemExit(f"{path} 没有返回表单（HTTP {status}）")
        return match.group(1)

    def login(self, username: str, password: str) -> None:
        token = self.token("/staff/login/")
        status, _ = self.request("POST", "/staff/login/", {"username": username, "password": password,
                                                           "csrfmiddlewaretoken": token})
        if status != 302:
            raise SystemExit(f"{username} 登录失败（HTTP {status}）")


@dataclass
class Result:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0


def drive(name: str, port: int, *, clients: int, hits: int, prepare, hit) -> Result:
    """``clients`` threads share ``hits`` requests; each prepares its client (login, token) first."""
    result = Result(name)
    lock = threading.Lock()
    left = [hits]
    ready = threading.Barrier(clients + 1)

    def worker(seed: int) -> None:
        client = Client(port)
        rng = random.Random(seed)
        state = prepare(client)
        for _ in range(5):  # warm the connection and the server's caches
            hit(client, state, rng)
        ready.wait()
        while True:
            with lock:
                if left[0] == 0:
                    return
                left[0] -= 1
            started = time.perf_counter()
            ok = hit(client, state, rng)
            elapsed = time.perf_counter() - started
            with lock:
                result.latencies.append(elapsed)
                result.errors += not ok

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    ready.wait()
    started = time.perf_counter()
    for t in threads:
        t.join()
    result.seconds = time.perf_counter() - started
    return result


def report(results: list[Result], clients: int) -> None:
    print(f"\n{'页面':<34}{'请求数':>8}{'错误':>6}{'请求/秒':>10}{'p50 ms':>10}{'p95 ms':>10}")
    for r in results:
        lat = sorted(r.latencies)
        p50 = statistics.median(lat) * 1000
        p95 = lat[min(len(lat) - 1, int(len(lat) * 0.95))] * 1000
        print(f"{r.name:<34}{len(lat):>8}{r.errors:>6}{len(lat) / r.seconds:>10.1f}{p50:>10.1f}{p95:>10.1f}")
    print(f"（{clients} 个并发客户端，每个请求一个连接；服务：gongkai serve，即 Django 自带的多线程服务器，单进程）")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=100_000, help="申请件数")
    parser.add_argument("--clients", type=int, default=8, help="并发客户端数")
    parser.add_argument("--hits", type=int, default=400, help="每个页面的请求数")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--keep", action="store_true", help="保留临时数据目录")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="gongkai-bench-"))
    server = None
    try:
        setup_django(workdir)
        from gongkai.web.demo import people

        numbers, seconds = load(args.requests, args.seed)
        size = (workdir / "data" / "gongkai.sqlite3").stat().st_size / 2**20
        print(f"载入 {args.requests} 件申请：{seconds:.1f} 秒（SQLite {size:.0f} MB，{workdir}）")
        port = free_port()
        server = start_server(workdir, port)
        password = people.DEMO_PASSWORD

        def nothing(client):
            return None

        def bare(client, state, rng):
            return client.request("GET", "/bench/bare/")[0] == 200

        def as_user(username):
            def prepare(client):
                client.login(username, password)
            return prepare

        def worklist(client, state, rng):
            status, _text = client.request("GET", "/staff/")
            return status == 200

        def status_token(client):
            return client.token("/requests/status/")

        def status_page(client, token, rng):
            status, _ = client.request("POST", "/requests/status/", {
                "tracking_number": rng.choice(numbers), "query_code": QUERY_CODE, "csrfmiddlewaretoken": token})
            return status == 200

        runs = [
            ("空视图（上限）", nothing, bare),
            ("工作台 · 县政府负责人（可见全部）", as_user("head"), worklist),
            ("工作台 · 县发改委工作人员", as_user("fgw-staff"), worklist),
            ("公开查询页（编号+查询码）", status_token, status_page),
        ]
        results = [drive(name, port, clients=args.clients, hits=args.hits, prepare=prepare, hit=hit)
                   for name, prepare, hit in runs]
        report(results, args.clients)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        if args.keep:
            print(f"数据保留在 {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
