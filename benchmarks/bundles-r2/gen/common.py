"""Shared helpers for the r2 held-out bundle generators (written blind)."""
import sys
import csv
import datetime as dt
import json
import math
import os
import random
import shutil

ROOT = os.environ.get("BUNDLES_OUT") or sys.exit("set BUNDLES_OUT to the folder the bundles go to")
UTC = dt.timezone.utc
MIN = dt.timedelta(minutes=1)
SEC = dt.timedelta(seconds=1)


def P(s):
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).astimezone(UTC)


def iso(t, frac=0):
    """ISO-8601 UTC. frac = number of fractional digits (0, 3, 6)."""
    if frac == 0:
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")
    s = t.strftime("%Y-%m-%dT%H:%M:%S.%f")
    return s[: len(s) - (6 - frac)] + "Z"


def ms(t):
    return int(round(t.timestamp() * 1000))


def ramp(t, t0, t1, v0=0.0, v1=1.0):
    """Linear ramp from v0 (before t0) to v1 (after t1)."""
    if t <= t0:
        return v0
    if t >= t1:
        return v1
    f = (t - t0).total_seconds() / (t1 - t0).total_seconds()
    return v0 + (v1 - v0) * f


def between(t, t0, t1):
    return t0 <= t < t1


def lab(d):
    return ",".join(f'{k}="{v}"' for k, v in d.items())


def hexid(rng, n=8):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid(rng):
    h = hexid(rng, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:32]}"


def poisson_times(rng, t0, t1, rate_fn, max_events=100000):
    """Event times in [t0,t1) for a time-varying rate (events per second), thinning."""
    out = []
    t = t0
    # find an upper bound on rate by sampling
    step = dt.timedelta(seconds=15)
    samples = []
    x = t0
    while x < t1:
        samples.append(rate_fn(x))
        x += step
    lam = max(samples + [1e-9]) * 1.2
    while t < t1 and len(out) < max_events:
        t = t + dt.timedelta(seconds=rng.expovariate(lam))
        if t >= t1:
            break
        if rng.random() < rate_fn(t) / lam:
            out.append(t)
    return out


class Case:
    def __init__(self, num, alerted, alert, services, at, seed=None, window_min=60):
        self.num = num
        self.alerted = alerted
        self.dir = f"{ROOT}/r2-case{num:02d}-{alerted}"
        if os.path.isdir(self.dir):
            shutil.rmtree(self.dir)
        os.makedirs(self.dir)
        self.alert = alert
        self.services = services
        self.at = P(at)
        self.start = self.at - dt.timedelta(minutes=window_min)
        self.rng = random.Random(seed if seed is not None else num * 7919)
        self.rows = []  # (t, name, labels, value)
        self.types = {}  # name -> (type, help)

    # ---------------- metrics ----------------
    def _times(self, step, start, end):
        t = start or self.start
        end = end or self.at
        out = []
        while t <= end:
            out.append(t)
            t += dt.timedelta(seconds=step)
        return out

    def gauge(self, name, labels, fn, step=30, start=None, end=None, digits=4, typ="gauge", help=""):
        self.types.setdefault(name, (typ, help))
        for t in self._times(step, start, end):
            v = fn(t)
            if v is None:
                continue
            if isinstance(v, float):
                v = int(round(v)) if digits == 0 else round(v, digits)
            self.rows.append((t, name, lab(labels), v))

    def counter(self, name, labels, rate_fn, step=30, init=0.0, start=None, end=None, integer=True, help=""):
        """rate_fn(t) = per-second increase; cumulative counter with mild noise. A rate_fn returning
        None means 'series absent' (e.g. target down); the counter resumes from where it was."""
        self.types.setdefault(name, ("counter", help))
        v = init
        for t in self._times(step, start, end):
            r = rate_fn(t)
            if r is None:
                continue
            inc = max(0.0, r * step * (1 + self.rng.gauss(0, 0.04)))
            v += inc
            self.rows.append((t, name, lab(labels), int(v) if integer else round(v, 3)))

    def histogram(self, name, labels, rate_fn, p50_fn, buckets, step=30, sigma=0.6, help=""):
        """Log-normal latency histogram: cumulative _bucket/_sum/_count counters."""
        self.types.setdefault(name, ("histogram", help))
        cum = [0.0] * (len(buckets) + 1)
        s = 0.0
        n = 0.0
        for t in self._times(step, None, None):
            r = rate_fn(t) * step * (1 + self.rng.gauss(0, 0.03))
            mu = math.log(max(p50_fn(t), 1e-4))
            # fraction under each bound
            for i, b in enumerate(buckets):
                z = (math.log(b) - mu) / sigma
                frac = 0.5 * (1 + math.erf(z / math.sqrt(2)))
                cum[i] += r * frac
            cum[-1] += r
            n += r
            s += r * math.exp(mu + sigma * sigma / 2)
            for i, b in enumerate(buckets):
                self.rows.append((t, name + "_bucket", lab({**labels, "le": str(b)}), int(cum[i])))
            self.rows.append((t, name + "_bucket", lab({**labels, "le": "+Inf"}), int(cum[-1])))
            self.rows.append((t, name + "_sum", lab(labels), round(s, 3)))
            self.rows.append((t, name + "_count", lab(labels), int(n)))

    def noisy(self, base, rel=0.05):
        return base * (1 + self.rng.gauss(0, rel))

    def write_metrics_csv(self, fname="metrics.csv"):
        rows = sorted(self.rows, key=lambda r: (r[0], r[1], r[2]))
        with open(os.path.join(self.dir, fname), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["timestamp", "metric", "labels", "value"])
            for t, n, l, v in rows:
                w.writerow([iso(t), n, l, v])

    def write_metrics_prom(self, fname):
        os.makedirs(os.path.join(self.dir, "metrics"), exist_ok=True)
        fams = {}
        for t, n, l, v in self.rows:
            fam = n
            for suf in ("_bucket", "_sum", "_count"):
                if n.endswith(suf) and n[: -len(suf)] in self.types and self.types[n[: -len(suf)]][0] == "histogram":
                    fam = n[: -len(suf)]
            fams.setdefault(fam, []).append((n, l, t, v))
        with open(os.path.join(self.dir, "metrics", fname), "w") as f:
            for fam in sorted(fams):
                typ, hlp = self.types.get(fam, ("gauge", ""))
                if hlp:
                    f.write(f"# HELP {fam} {hlp}\n")
                f.write(f"# TYPE {fam} {typ}\n")
                for n, l, t, v in sorted(fams[fam], key=lambda r: (r[0], r[1], r[2])):
                    lbl = "{" + l + "}" if l else ""
                    f.write(f"{n}{lbl} {v} {ms(t)}\n")

    # ---------------- files ----------------
    def write(self, rel, text):
        if rel.startswith("k8s/") and text.startswith("$ "):
            # saved with `kubectl ... > k8s/<file>`: no shell prompt line in the file
            text = text.split("\n", 1)[1]
        p = os.path.join(self.dir, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w") as f:
            f.write(text if text.endswith("\n") else text + "\n")

    def write_log(self, rel, entries):
        """entries: list of (t, text) or text; sorted by t when tuples."""
        if entries and isinstance(entries[0], tuple):
            # nothing can have been logged after the investigation time
            entries = [e[1] for e in sorted(entries, key=lambda e: e[0]) if e[0] <= self.at]
        self.write(rel, "\n".join(entries))

    def write_jsonl(self, rel, objs):
        self.write(rel, "\n".join(json.dumps(o, separators=(",", ":")) for o in objs))

    def bundle_yaml(self):
        svc = ", ".join(self.services)
        alert = self.alert.replace("\\", "\\\\").replace('"', '\\"')
        self.write("bundle.yaml", f'alert: "{alert}"\nservices: [{svc}]\nat: {iso(self.at)}\n')

    def expected(self, root_cause, faulty, justification, also=None):
        lines = [f"root_cause: {root_cause}", f"faulty_service: {faulty if faulty else 'null'}"]
        if also:
            lines.append("also_acceptable:")
            for k, v in also.items():
                lines.append(f"  {k}: [{', '.join(v)}]")
        lines.append("justification: >-")
        import textwrap
        for ln in textwrap.wrap(justification, 96, break_on_hyphens=False):
            lines.append("  " + ln)
        self.write("expected.yaml", "\n".join(lines))
        self.meta = dict(root_cause=root_cause, faulty=faulty, also=also)


def kube_age(delta):
    s = int(delta.total_seconds())
    if s < 120:
        return f"{s}s"
    m = s // 60
    if m < 60:
        return f"{m}m" if m >= 10 else f"{m}m{s % 60}s"
    h = m // 60
    if h < 24:
        return f"{h}h{m % 60}m" if h < 8 and m % 60 else f"{h}h"
    d = h // 24
    return f"{d}d{h % 24}h" if d < 8 and h % 24 else f"{d}d"


def table(headers, rows, gap=3):
    widths = [len(h) for h in headers]
    for r in rows:
        for i, c in enumerate(r):
            widths[i] = max(widths[i], len(str(c)))
    out = []
    for r in [headers] + rows:
        cells = [str(c).ljust(widths[i]) for i, c in enumerate(r)]
        out.append((" " * gap).join(cells).rstrip())
    return "\n".join(out)


def events_table(ev, end, header="$ kubectl get events --sort-by=.lastTimestamp", with_ns=False):
    """kubectl get events: identical (type, reason, object, message) are aggregated, last seen kept."""
    last = {}
    for e in ev:
        t = e[0]
        if t > end:
            continue
        key = tuple(e[1:])
        if key not in last or last[key] < t:
            last[key] = t
    items = sorted(((t,) + k for k, t in last.items()), key=lambda x: x[0])
    if with_ns:
        rows = [[e[1], kube_age(end - e[0])] + list(e[2:]) for e in items]
        hdr = ["NAMESPACE", "LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]
    else:
        rows = [[kube_age(end - e[0])] + list(e[1:]) for e in items]
        hdr = ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]
    return (header + "\n" if header else "") + table(hdr, rows)
