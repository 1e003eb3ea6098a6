"""Digest ranking on a syslog over several weeks (no levels on most lines): the dominant templates
(a flood of FTP connections, SSH authentication failures) and the abnormal ones both appear; a burst
of one-off lines (a reboot) is one line, not forty; dates stay on multi-day times; burst rates are
never printed as 0/min. A fixture of our own, plus the LogHub Linux sample when ../shared has it."""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from aiops.analysis import digest_lines, load_signatures
from aiops.analysis.signatures import default_signatures_path

LOGHUB_LINUX = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "loghub2k" / "Linux" / "Linux_2k.log"
START = datetime(2025, 3, 2, 4, 10, 0)


def _stamp(ts: datetime) -> str:
    return f"{ts:%b} {ts.day:2d} {ts:%H:%M:%S}"


def syslog_weeks(seed: int = 7) -> list[str]:
    """~1,900 lines over 40 days: ftpd connection floods, ssh brute force, a few cron errors, a
    handful of routine lines, and a reboot (35 one-off kernel lines) at the very end."""
    rng = random.Random(seed)
    rows: list[tuple[datetime, str]] = [(START, "web01 sshd(pam_unix)[99]: session opened for user deploy by (uid=0)")]
    for burst in range(30):  # connection floods: ~30 connections within a few seconds each
        at = START + timedelta(days=rng.uniform(0, 38))
        for k in range(rng.randint(20, 40)):
            host = f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
            rows.append((at + timedelta(seconds=k // 8), f"web01 ftpd[{2000 + burst * 50 + k}]: connection from "
                         f"{host} (host-{burst}.example.net) at {at:%a %b %d %H:%M:%S %Y}"))
    for attack in range(25):  # ssh brute force: ~20 failures each within a minute
        at = START + timedelta(days=rng.uniform(0, 38))
        for k in range(rng.randint(12, 28)):
            rows.append((at + timedelta(seconds=2 * k), f"web01 sshd(pam_unix)[{9000 + attack * 40 + k}]: "
                         f"authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=198.51.100.{attack}"
                         + (" user=root" if k % 3 == 0 else "")))
    for n in range(120):
        at = START + timedelta(days=rng.uniform(0, 39))
        rows.append((at, f"web01 sshd(pam_unix)[{100 + n}]: session opened for user deploy by (uid={1000 + n % 3})"))
    for n in range(12):
        at = START + timedelta(days=rng.uniform(0, 39))
        rows.append((at, f"web01 crond[{300 + n}]: backup job exited abnormally with status {n % 4 + 1}"))
    boot = START + timedelta(days=39, hours=5)
    kernel = ["Linux version 2.6.9-55.EL (builder@example) #1 Tue Jan 9", "BIOS-provided physical RAM map:",
              "zapping low mappings.", "Memory: 124180k/130112k available",
              "Calibrating delay loop... 1723.22 BogoMIPS",
              "Security Framework v1.0.0 initialized", "SELinux: Initializing.", "Mount-cache hash table entries: 512",
              "CPU: L1 I cache: 16K, L1 D cache: 16K", "Checking 'hlt' instruction... OK.",
              "ACPI: Subsystem revision 20040816", "PCI: Probing PCI hardware", "Total HugeTLB memory allocated, 0",
              "Initializing Cryptographic API", "Real Time Clock Driver v1.12", "Floppy drive(s): fd0 is 1.44M",
              "RAMDISK driver initialized: 16 RAM disks", "NET: Registered protocol family 2",
              "IP: routing cache hash table of 512 buckets", "TCP: Hash tables configured",
              "Freeing unused kernel memory: 144k freed", "EXT3 FS on sda1, internal journal",
              "Adding 262136k swap on /dev/sda2", "audit: initializing netlink socket",
              "Kernel command line: ro root=/dev/sda1", "Console: colour VGA+ 80x25", "Dentry cache hash table entries",
              "Inode-cache hash table entries: 8192", "Detected 862.817 MHz processor.",
              "Using tsc for high-res timesource", "Built 1 zonelists", "Initializing CPU#0",
              "DMI 2.3 present.", "syslogd 1.4.1: restart.", "klogd 1.4.1, log source = /proc/kmsg started."]
    rows += [(boot + timedelta(milliseconds=30 * i), f"web01 kernel: {text}") for i, text in enumerate(kernel)]
    rows.sort(key=lambda r: r[0])
    return [f"{_stamp(ts)} {text}" for ts, text in rows]


def _digest(lines: list[str]):
    signatures = load_signatures(default_signatures_path())
    return digest_lines(lines, service="web01", signatures=signatures, budget_tokens=2000, default_year=2025)


def _shown(text: str) -> list[str]:
    """The template lines of the rendered digest, in order (examples left out)."""
    section = text.split("templates, most important first:", 1)[1].splitlines()
    return [line for line in section if line and not line.startswith("  e.g.")]


def test_the_dominant_and_the_abnormal_both_appear():
    digest = _digest(syslog_weeks())
    data, text = digest.to_dict(), digest.render()
    top = [t["template"] for t in data["templates"][:6]]
    assert any(t.startswith("connection from") for t in top), top
    assert any(t.startswith("authentication failure") for t in top), top
    assert any("exited abnormally" in t for t in top), top
    shown = _shown(text)
    assert any("connection from" in line for line in shown[:6])
    assert any("authentication failure" in line for line in shown[:6])


def test_one_off_lines_that_start_together_are_one_line():
    text = _digest(syslog_weeks()).render()
    kernel_lines = [line for line in _shown(text) if re.search(r"BogoMIPS|zapping|Floppy|HugeTLB|RAMDISK", line)]
    assert len(kernel_lines) <= 1, kernel_lines
    together = [line for line in text.splitlines() if "one-off templates" in line]
    assert together and "2025-04-10T09:10" in together[0], together


def test_times_keep_their_dates_and_bursts_their_rates():
    digest = _digest(syslog_weeks())
    text = digest.render()
    head = text.splitlines()[0]
    assert re.search(r"2025-03-02T04:10:00Z to 2025-04-10T09:10:\d\d", head), head
    assert "0/min" not in text
    bursts = [t for t in digest.to_dict()["templates"] if t["burst"]]
    assert bursts and all(t["burst"]["per_min"] >= 1 for t in bursts)
    flood = next(t for t in bursts if t["template"].startswith("connection from"))
    assert flood["burst"]["count"] >= 20


def test_to_dict_keeps_its_field_names():
    data = _digest(syslog_weeks()).to_dict()
    assert set(data) == {"service", "window", "lines", "templates_total", "timeless", "levels", "error_share",
                         "volume", "first_error", "signatures", "sequence", "background", "templates", "omitted",
                         "budget_tokens"}
    assert set(data["templates"][0]) == {"id", "template", "count", "level", "levels", "first_seen", "last_seen",
                                         "earlier", "recent", "change", "new", "onset", "burst", "signatures",
                                         "examples"}


@pytest.mark.skipif(not LOGHUB_LINUX.is_file(), reason="LogHub samples not present in ../shared/data")
def test_loghub_linux_sample():
    lines = LOGHUB_LINUX.read_text(encoding="utf-8", errors="replace").splitlines()
    digest = _digest(lines)
    text = digest.render()
    shown = _shown(text)
    assert any("connection from" in line and "x909" in line for line in shown[:6]), shown[:6]
    ssh = [line for line in shown[:6] if "authentication failure" in line]
    assert sum(int(re.search(r" x(\d+) ", line).group(1)) for line in ssh) == 490, ssh
    assert any("exited abnormally" in line for line in shown[:6]), shown[:6]
    one_offs = [line for line in shown if re.search(r" x[12] ", line)]
    assert len(one_offs) <= 10, one_offs
    assert "0/min" not in text
