#!/usr/bin/python3
"""The load benchmark of issue 8 (docs/performance.md), run by scripts/load.

Against the PostgreSQL server FOUAD_TEST_PG names (scripts/with-postgres): a
fresh database, CLIENTS logins (operators), each driving one
fouad_load_client process for SECONDS, while WATCHERS `fouadctl watch --json`
processes, each under a login of its own, listen. Every line a watcher prints
is stamped when it is read here.

Checked afterwards, and reported:
  - no duplicate tracking code;
  - no lost update: no two clients were told they made the same version of a
    complaint, and each complaint's version equals its number of events;
  - every change a client committed is in history;
  - every change was heard by every watcher, each exactly once;
  - throughput, action latency p50/p99, change-to-heard latency p50/p99
    (heard: read here from a watcher's stdout; change: the client's commit
    returned).
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    k = (len(values) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def url_with(base, user=None, password=None, database=None):
    u = urllib.parse.urlsplit(base)
    host = u.hostname + (f":{u.port}" if u.port else "")
    user = user if user is not None else u.username
    password = password if password is not None else u.password
    auth = urllib.parse.quote(user, safe="")
    if password:
        auth += ":" + urllib.parse.quote(password, safe="")
    path = "/" + (database if database is not None else u.path.lstrip("/"))
    return urllib.parse.urlunsplit((u.scheme, f"{auth}@{host}", path, u.query, ""))


def reader(stream, sink, stamp):
    for line in stream:
        now = time.time() * 1000.0
        line = line.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            print(f"load: unreadable line: {line!r}", file=sys.stderr)
            continue
        if stamp:
            obj["heard_ms"] = now
        sink.append(obj)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--watchers", type=int, default=5)
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--out", default=None, help="write the figures as JSON here")
    ap.add_argument("--owner-connection", action="store_true",
                    help="clients and watchers connect as the owner and act as their users"
                         " (to compare with per-person logins)")
    args = ap.parse_args()

    admin = os.environ["FOUAD_TEST_PG"]
    fouadctl = os.path.join(args.build, "app", "fouadctl")
    client = os.path.join(args.build, "bench", "fouad_load_client")
    owner = url_with(admin, database="fouad_load")
    subprocess.run(["psql", admin, "-qc", "DROP DATABASE IF EXISTS fouad_load"], check=True)
    subprocess.run(["psql", admin, "-qc", "CREATE DATABASE fouad_load"], check=True)
    subprocess.run([fouadctl, "--db", owner, "init-db"], check=True, stdout=subprocess.DEVNULL)

    def add_login(name, role):
        password = f"pw-{name}-load"
        # Logins belong to the server: an earlier run's go first (its database is gone).
        subprocess.run(["psql", owner, "-qAtc", f"DROP ROLE IF EXISTS {name}"], check=True)
        # The login, its group role and its users row, as an administrator makes them
        # (migration 13: the password reaches the server as a SCRAM verifier).
        subprocess.run([fouadctl, "--db", owner, "user", "add", name, "--role", role],
                       input=password + "\n", text=True, check=True, stdout=subprocess.DEVNULL)
        if args.owner_connection:
            return owner, name
        return url_with(owner, user=name, password=password), None

    client_urls = [add_login(f"load{i:02d}", "operator") for i in range(args.clients)]
    watcher_urls = [add_login(f"watch{i:02d}", "inspector") for i in range(args.watchers)]

    heard = [[] for _ in range(args.watchers)]
    watchers = []
    threads = []
    for i, (url, _) in enumerate(watcher_urls):
        p = subprocess.Popen([fouadctl, "--db", url, "watch", "--json"], stdout=subprocess.PIPE,
                             text=True, bufsize=1)
        watchers.append(p)
        t = threading.Thread(target=reader, args=(p.stdout, heard[i], True), daemon=True)
        t.start()
        threads.append(t)
    time.sleep(2.0)  # each watcher connected and listening

    told = [[] for _ in range(args.clients)]
    clients = []
    client_threads = []
    for i, (url, actor) in enumerate(client_urls):
        command = [client, "--db", url, "--seconds", str(args.seconds), "--seed", str(i + 1)]
        if actor:
            command += ["--as", actor]
        p = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, bufsize=1)
        clients.append(p)
        t = threading.Thread(target=reader, args=(p.stdout, told[i], False), daemon=True)
        t.start()
        client_threads.append(t)
    started = time.time()
    codes = [p.wait() for p in clients]
    wall = time.time() - started
    for t in client_threads:
        t.join()
    time.sleep(3.0)  # the last changes reach the watchers
    for p in watchers:
        p.send_signal(signal.SIGTERM)
    watcher_codes = [p.wait(timeout=30) for p in watchers]
    for t in threads:
        t.join(timeout=10)

    changes = [o for lines in told for o in lines if o.get("kind") == "change"]
    summaries = [o for lines in told for o in lines if o.get("kind") == "summary"]
    problems = []
    if any(codes):
        problems.append(f"client exit codes {codes}")
    if any(watcher_codes):
        problems.append(f"watcher exit codes {watcher_codes}")
    if len(summaries) != args.clients:
        problems.append(f"{args.clients - len(summaries)} clients printed no summary")

    by_key = {}
    for c in changes:
        key = (c["tracking_code"], int(c["version"]))
        if key in by_key:
            problems.append(f"lost update: version {key[1]} of {key[0]} told to two clients")
        by_key[key] = c

    def sql(query):
        r = subprocess.run(["psql", owner, "-AtF", "\t", "-c", query], check=True,
                           capture_output=True, text=True)
        return [line.split("\t") for line in r.stdout.splitlines() if line]

    dup = sql("SELECT tracking_code FROM complaints GROUP BY 1 HAVING COUNT(*) > 1")
    if dup:
        problems.append(f"{len(dup)} duplicate tracking codes")
    rows = sql("SELECT c.tracking_code, c.version, COUNT(e.id) FROM complaints c"
               " JOIN complaint_events e ON e.complaint_id = c.id GROUP BY c.tracking_code, c.version")
    versions = {code: (int(v), int(n)) for code, v, n in rows}
    for code, (version, events) in versions.items():
        if version != events:
            problems.append(f"{code}: version {version} but {events} events")
    for (code, version) in by_key:
        if code not in versions or versions[code][0] < version:
            problems.append(f"{code} version {version} committed but not in history")
    total_events = sum(n for _, n in versions.values())
    if total_events != len(by_key):
        problems.append(f"history has {total_events} events, clients committed {len(by_key)}")

    heard_latency = []
    for i, lines in enumerate(heard):
        seen = {}
        for h in lines:
            key = (h["tracking_code"], int(h["version"]))
            if key in seen:
                problems.append(f"watcher {i} heard {key} twice")
            seen[key] = h
        missing = [k for k in by_key if k not in seen]
        if missing:
            problems.append(f"watcher {i} missed {len(missing)} changes, e.g. {missing[:3]}")
        for key, c in by_key.items():
            if key in seen:
                heard_latency.append(seen[key]["heard_ms"] - c["committed_ms"])

    latency_ms = [c["latency_us"] / 1000.0 for c in changes]
    figures = {
        "logins": "owner" if args.owner_connection else "per person",
        "clients": args.clients,
        "watchers": args.watchers,
        "seconds": round(wall, 1),
        "changes": len(changes),
        "registered": sum(s["registered"] for s in summaries),
        "actions": sum(s["actions"] for s in summaries),
        "conflicts": sum(s["conflicts"] for s in summaries),
        "stale": sum(s["stale"] for s in summaries),
        "changes_per_s": round(len(changes) / wall, 1),
        "action_ms_p50": round(percentile(latency_ms, 50), 2),
        "action_ms_p99": round(percentile(latency_ms, 99), 2),
        "heard_ms_p50": round(percentile(heard_latency, 50), 1),
        "heard_ms_p99": round(percentile(heard_latency, 99), 1),
        "heard_ms_max": round(max(heard_latency), 1) if heard_latency else None,
        "problems": problems[:20],
        "problem_count": len(problems),
    }
    text = json.dumps(figures, ensure_ascii=False, indent=2)
    print(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
