"""Sanity checks over the generated bundles (format, time consistency, sizes). Does not score anything."""
import csv, glob, json, os, re, sys, datetime as dt
import yaml
ROOT = os.environ.get("BUNDLES_OUT") or sys.exit("set BUNDLES_OUT to the folder the bundles go to")
VOCAB = {"out_of_memory", "traffic_spike", "connection_pool_exhaustion", "database_slow", "database_deadlock", "disk_full",
         "network_dns", "certificate_expired", "bad_deployment", "dependency_failure", "none", "other"}
ok = True
def bad(case, msg):
    global ok
    ok = False
    print(f"[{case}] {msg}")
ISO = re.compile(r"(20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)")
PATS = [(re.compile(r"(20\d\d-\d\d-\d\d[ T]\d\d:\d\d:\d\d)"), lambda m: dt.datetime.strptime(m.replace("T", " "), "%Y-%m-%d %H:%M:%S")),
        (re.compile(r"(20\d\d/\d\d/\d\d \d\d:\d\d:\d\d)"), lambda m: dt.datetime.strptime(m, "%Y/%m/%d %H:%M:%S")),
        (re.compile(r"\[(\d\d/\w\w\w/20\d\d:\d\d:\d\d:\d\d)"), lambda m: dt.datetime.strptime(m, "%d/%b/%Y:%H:%M:%S")),
        (re.compile(r'"time":(1\d{12})'), lambda m: dt.datetime.utcfromtimestamp(int(m) / 1000)),
        (re.compile(r'"ts":(1\d{9}\.\d+)'), lambda m: dt.datetime.utcfromtimestamp(float(m)))]
for d in sorted(glob.glob(f"{ROOT}/r2-case*")):
    case = os.path.basename(d)
    b = yaml.safe_load(open(f"{d}/bundle.yaml"))
    e = yaml.safe_load(open(f"{d}/expected.yaml"))
    at = b["at"] if isinstance(b["at"], dt.datetime) else dt.datetime.fromisoformat(str(b["at"]).replace("Z", "+00:00"))
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.timezone.utc)
    if e["root_cause"] not in VOCAB:
        bad(case, f"root_cause {e['root_cause']}")
    if (e["root_cause"] == "none") != (e["faulty_service"] is None):
        bad(case, "none <-> null mismatch")
    if e["faulty_service"] and e["faulty_service"] not in b["services"]:
        bad(case, f"faulty {e['faulty_service']} not in services {b['services']}")
    alerted = case.split("-", 2)[2]
    if alerted not in b["services"]:
        bad(case, f"alerted {alerted} not in services")
    for k, v in (e.get("also_acceptable") or {}).items():
        if k == "root_cause":
            for x in v:
                if x not in VOCAB:
                    bad(case, f"also root {x}")
    size = sum(os.path.getsize(os.path.join(a, f)) for a, _, fs in os.walk(d) for f in fs)
    if size >= 2_000_000:
        bad(case, f"size {size}")
    # metrics.csv
    if os.path.exists(f"{d}/metrics.csv"):
        rows = list(csv.reader(open(f"{d}/metrics.csv")))
        if rows[0] != ["timestamp", "metric", "labels", "value"]:
            bad(case, "csv header")
        ts = [dt.datetime.fromisoformat(x[0].replace("Z", "+00:00")) for x in rows[1:]]
        if max(ts) > at or min(ts) < at - dt.timedelta(minutes=61):
            bad(case, f"csv time range {min(ts)} {max(ts)}")
        for x in rows[1:]:
            float(x[3])
            if x[2] and not re.fullmatch(r'([a-zA-Z_][a-zA-Z0-9_]*="[^"]*")(,[a-zA-Z_][a-zA-Z0-9_]*="[^"]*")*', x[2]):
                bad(case, f"labels {x[2]}"); break
    for f in glob.glob(f"{d}/metrics/*.prom"):
        for line in open(f):
            if line.startswith("#"):
                continue
            m = re.fullmatch(r'([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})? (\S+) (\d+)\n', line)
            if not m:
                bad(case, f"prom line {line[:80]}"); break
            t = dt.datetime.fromtimestamp(int(m.group(4)) / 1000, dt.timezone.utc)
            if t > at or t < at - dt.timedelta(minutes=61):
                bad(case, f"prom ts {t}"); break
    # logs: json validity and timestamps not after at
    for f in glob.glob(f"{d}/logs/*/*"):
        latest = None
        for line in open(f):
            line = line.rstrip("\n")
            if f.endswith(".jsonl") and line:
                try:
                    json.loads(line)
                except Exception:
                    bad(case, f"bad json in {f}: {line[:80]}"); break
            for pat, conv in PATS:
                for m in pat.findall(line[:260]):
                    t = conv(m).replace(tzinfo=dt.timezone.utc)
                    if t.year < 2026:
                        continue
                    latest = t if latest is None or t > latest else latest
        if latest and latest > at + dt.timedelta(seconds=1):
            bad(case, f"{os.path.basename(f)} has timestamp {latest} after at {at}")
    if os.path.exists(f"{d}/events.jsonl"):
        for line in open(f"{d}/events.jsonl"):
            o = json.loads(line)
            t = dt.datetime.fromisoformat(o["time"].replace("Z", "+00:00"))
            if t > at:
                bad(case, f"event after at {o}")
    print(f"{case:40s} {e['root_cause']:28s} {str(e['faulty_service']):28s} {size/1e6:.2f}MB")
print("OK" if ok else "PROBLEMS")
