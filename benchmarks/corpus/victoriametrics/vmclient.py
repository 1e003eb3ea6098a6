#!/usr/bin/env python3
"""Randomised ingestion client for the VictoriaMetrics workload: writes good and bad
lines over graphite (tcp/udp), influx (tcp/udp) and opentsdb telnet (tcp) on 127.0.0.1."""
import random
import socket
import sys
import time

HOST = "127.0.0.1"
PORTS = {"graphite": 27482, "influx": 27483, "opentsdb": 27484}
HOSTS = ["web1", "web2", "db1", "cache7", "edge-3"]
METRICS = ["cpu.load", "mem.used", "disk.io", "net.rx", "net.tx", "queue.len"]


def good_line(proto):
    now = int(time.time()) - random.randint(0, 600)
    host = random.choice(HOSTS)
    m = random.choice(METRICS)
    v = round(random.uniform(0, 1000), 3)
    if proto == "graphite":
        return f"{m}.{host};dc=eu{random.randint(1, 3)} {v} {now}"
    if proto == "influx":
        return f"{m.replace('.', '_')},host={host},dc=us{random.randint(1, 3)} value={v},count={random.randint(1, 99)}i {now}000000000"
    return f"put {m} {now} {v} host={host} rack=r{random.randint(1, 9)}"


def bad_line(proto):
    garbage = [
        "\x00\x01\x02 garbage!!",
        "this is not a metric line at all",
        "metric.only",
        "m 12abc 99",
        "m 1 notatimestamp",
        "put",
        "put m",
        "put m 123 xyz host=a",
        "put m 12x 1 host=a",
        "put m 123 1 badtag",
        "cpu,host=a value=",
        "cpu,host=a value=1,=3",
        "cpu,host value=1",
        "cpu value=1 notatime",
        "cpu value=\"unterminated",
        "," * random.randint(1, 40),
        "x" * random.randint(1, 30) + " " + "y" * random.randint(1, 5),
    ]
    return random.choice(garbage)


def main():
    proto, transport = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3])
    bad = float(sys.argv[4]) if len(sys.argv) > 4 else 0.1
    lines = [bad_line(proto) if random.random() < bad else good_line(proto) for _ in range(n)]
    addr = (HOST, PORTS[proto])
    try:
        if transport == "udp":
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            for i in range(0, len(lines), random.randint(1, 5)):
                s.sendto(("\n".join(lines[i:i + 3]) + "\n").encode(), addr)
            s.close()
        else:
            s = socket.create_connection(addr, timeout=3)
            s.sendall(("\n".join(lines) + "\n").encode())
            if random.random() < 0.3:
                time.sleep(random.uniform(0.1, 0.5))
            s.close()
    except OSError as e:
        print(f"client {proto}/{transport}: {e}", file=sys.stderr)


if __name__ == "__main__":
    main()
