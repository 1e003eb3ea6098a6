"""One randomised dask client action against the scheduler (see workload.sh).
Usage: python client.py ACTION SEED"""
import os, random, socket, sys, time
ACTION, SEED = sys.argv[1], int(sys.argv[2])
R = random.Random(SEED)
SCHED = "tcp://127.0.0.1:26200"

def inc(x, d=0.05):
    time.sleep(R.random() * d)
    return x + 1

def fail(x):
    kind = x % 4
    if kind == 0: raise ValueError(f"bad value {x}")
    if kind == 1: return 1 / 0
    if kind == 2: return {}["missing-%d" % x]
    raise RuntimeError(f"task {x} gave up")

def die(x):
    os._exit(1)

def slow(x):
    time.sleep(x)
    return x

if ACTION == "garbage":
    s = socket.create_connection(("127.0.0.1", 26200), timeout=3)
    if R.random() < 0.5:
        s.sendall(os.urandom(R.randrange(1, 8)))  # a few bytes, less than a frame header
    try: s.recv(100)
    except OSError: pass
    s.close(); sys.exit(0)

from distributed import Client, wait
c = Client(SCHED, timeout=15, name=f"{ACTION}-{SEED}")
try:
    if ACTION == "map":
        n = R.randrange(5, 120)
        fs = c.map(inc, range(n), d=R.choice([0.01, 0.1, 0.3]), key=[f"inc-{SEED}-{i}" for i in range(n)] if R.random() < 0.3 else None)
        print(sum(c.gather(fs)))
    elif ACTION == "fail":
        fs = c.map(fail, range(R.randrange(1, 6)), pure=False)
        for f in fs:
            try: f.result()
            except Exception as e: print("failed:", type(e).__name__)
    elif ACTION == "array":
        import dask.array as da
        n = R.choice([1000, 2000, 4000]); ch = R.choice([250, 500, 1000])
        x = da.random.random((n, n), chunks=ch)
        print((x + x.T).mean(axis=0).sum().compute())
    elif ACTION == "persist":
        import dask.array as da
        x = da.ones((R.choice([2000, 3000]), 1000), chunks=500).persist()
        wait(x); time.sleep(R.random() * 3)
        print(x.sum().compute())
        if R.random() < 0.5:
            c.rebalance()
        if R.random() < 0.5:
            c.replicate(x, n=2)
    elif ACTION == "scatter":
        data = c.scatter([os.urandom(R.randrange(100, 50000)) for _ in range(R.randrange(1, 8))], broadcast=R.random() < 0.3)
        print(sum(c.gather(c.map(len, data))))
        c.publish_dataset(**{f"ds{SEED}": data})
        print(c.list_datasets())
        c.unpublish_dataset(f"ds{SEED}")
    elif ACTION == "cancel":
        fs = c.map(slow, [R.choice([2, 4, 8]) for _ in range(R.randrange(2, 8))], pure=False)
        time.sleep(R.random() * 2)
        c.cancel(fs)
    elif ACTION == "killer":
        f = c.submit(die, SEED, pure=False)
        try: f.result(timeout=60)
        except Exception as e: print("killer:", type(e).__name__)
    elif ACTION == "retire":
        ws = list(c.scheduler_info()["workers"])
        if len(ws) > 1:
            print(c.retire_workers([R.choice(ws)], close_workers=True))
    elif ACTION == "restart":
        c.restart(timeout=60, wait_for_workers=False)
    elif ACTION == "abandon":
        fs = c.map(slow, [3] * R.randrange(2, 6), pure=False)
        time.sleep(1)
        os._exit(0)  # client vanishes without closing
    elif ACTION == "resources":
        f = c.submit(inc, 1, resources={"GPU": 1}, pure=False)
        try: f.result(timeout=R.choice([2, 4]))
        except Exception as e: print("resources:", type(e).__name__)
    elif ACTION == "timeout":
        f = c.submit(slow, 6, pure=False)
        try: f.result(timeout=1)
        except Exception as e: print("timeout:", type(e).__name__)
    elif ACTION == "shutdown":
        c.shutdown()
finally:
    try: c.close()
    except Exception: pass
