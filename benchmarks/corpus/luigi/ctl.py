"""Tiny HTTP client for luigid's JSON API (used by workload.sh)."""
import json, sys, time, urllib.request, urllib.parse, random

base = sys.argv[1]
cmd = sys.argv[2]


def api(method, data):
    url = base + "/api/" + method + "?" + urllib.parse.urlencode({"data": json.dumps(data)})
    with urllib.request.urlopen(url, timeout=5) as r:
        return json.loads(r.read().decode())["response"]


if cmd == "message":
    # wait for a running Listen task, send it messages
    for _ in range(30):
        tasks = api("task_list", {"status": "RUNNING", "upstream_status": "", "search": "Listen"})
        if tasks:
            break
        time.sleep(0.3)
    for tid, t in tasks.items():
        w = t.get("worker_running")
        for k in range(random.randint(1, 3)):
            print(api("send_scheduler_message", {"worker": w, "task": tid, "content": "ping-%d" % k}))
        print(api("set_worker_processes", {"worker": w, "n": random.randint(1, 3)}))
elif cmd == "workers":
    print(len(api("worker_list", {})))
elif cmd == "garbage":
    for path in ["/api/nonexistent", "/api/task_list?data=notjson", "/static/../../etc/passwd", "/api/add_task?data={}"]:
        try:
            urllib.request.urlopen(base + path, timeout=5).read()
        except Exception as e:
            print(path, e)
