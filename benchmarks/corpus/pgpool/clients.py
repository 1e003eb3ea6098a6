"""Randomised Pgpool-II workload (called by workload.sh). Environment: PG, PP, BIN, DURATION."""
import os, random, socket, struct, subprocess, threading, time
import psycopg2

PG, PP, BIN = os.environ["PG"], os.environ["PP"], os.environ["BIN"]
DURATION = int(os.environ["DURATION"])
HOST, PORT, PCP = "127.0.0.1", 28550, 28551
R = random.Random()
USERS = {"alice": "wonderland", "bob": "builder", "carol": "carolpw"}
DBS = ["shop", "shop", "shop", "reports", "postgres"]


def asp(cmd, timeout=30):
    return subprocess.run(["su", "postgres", "-s", "/bin/bash", "-c", cmd], capture_output=True, timeout=timeout)


def connect(user=None, pw=None, db=None, app=None):
    user = user or R.choice(list(USERS))
    return psycopg2.connect(host=HOST, port=PORT, user=user, password=pw if pw is not None else USERS.get(user, "x"),
                            dbname=db or R.choice(DBS), connect_timeout=5,
                            application_name=app or R.choice(["webapp", "billing", "reporter", "cron", "psql"]))


QUERIES = [
    "SELECT count(*) FROM items",
    "SELECT name, qty FROM items WHERE id = {n}",
    "SELECT sum(price) FROM items WHERE qty > {q}",
    "SELECT * FROM orders ORDER BY id DESC LIMIT {q}",
    "SELECT now()",
    "SELECT pg_is_in_recovery()",
    "SELECT 1/{z}",
    "SELEC name FROM items",
    "SELECT * FROM missing_{n}",
    "INSERT INTO orders (item, qty) VALUES ({n}, {q})",
    "INSERT INTO items (name, qty, price) VALUES ('item{n}', 1, 1)",
    "UPDATE items SET qty = qty + {q} WHERE id = {n}",
    "DELETE FROM orders WHERE id < {m}",
    "SHOW pool_nodes",
    "PGPOOL SHOW load_balance_mode",
    "SHOW pool_processes",
    "SHOW pool_version",
    "SELECT pg_sleep(0.{q})",
]


def session():
    try:
        c = connect()
    except Exception:
        return
    c.autocommit = R.random() < 0.7
    cur = c.cursor()
    for _ in range(R.randint(1, 5)):
        q = R.choice(QUERIES).format(n=R.randint(1, 260), q=R.randint(0, 9), z=R.choice([0, 1, 2]), m=R.randint(1, 50))
        try:
            cur.execute(q)
            if cur.description:
                cur.fetchall()
        except Exception:
            try:
                c.rollback()
            except Exception:
                pass
    try:
        if not c.autocommit:
            c.commit()
    except Exception:
        pass
    if R.random() < 0.15:
        c.cursor().connection.close() if False else os.close(c.fileno()) if R.random() < 0.5 else None
    try:
        c.close()
    except Exception:
        pass


def auth_fail():
    k = R.randrange(5)
    try:
        if k == 0:
            connect(R.choice(list(USERS)), f"wrong{R.randint(1, 999)}").close()
        elif k == 1:
            connect(f"mallory{R.randint(1, 99)}", "x").close()
        elif k == 2:
            connect(db=f"nodb{R.randint(1, 99)}").close()
        elif k == 3:
            connect(db="secret").close()
        else:
            connect(R.choice(list(USERS)), "").close()
    except Exception:
        pass


def psql_cmd():
    u = R.choice(list(USERS))
    sql = R.choice(["SELECT count(*) FROM items", "SHOW pool_nodes", "SELECT version()", "SELECT current_user",
                    "BEGIN; SELECT * FROM items WHERE id=%d FOR UPDATE; COMMIT" % R.randint(1, 200),
                    "PREPARE p AS SELECT * FROM items WHERE id=$1; EXECUTE p(%d)" % R.randint(1, 200)])
    subprocess.run(["psql", "-h", HOST, "-p", str(PORT), "-U", u, "-d", "shop", "-c", sql], capture_output=True,
                   env=dict(os.environ, PGPASSWORD=USERS[u], PGAPPNAME="psql"), timeout=20)


def idle():
    def run():
        try:
            c = connect()
            c.cursor().execute("SELECT 1")
            time.sleep(R.uniform(7, 10))  # over client_idle_limit
            c.cursor().execute("SELECT 2")
        except Exception:
            pass
    threading.Thread(target=run, daemon=True).start()


def flood():
    cs = []
    for _ in range(R.randint(8, 10)):
        try:
            cs.append(connect(db="shop"))
        except Exception:
            pass
    time.sleep(0.5)
    for c in cs:
        c.close()


def garbage():
    k = R.randrange(4)
    s = socket.create_connection((HOST, PORT), timeout=3)
    try:
        if k == 0:
            s.sendall(os.urandom(R.randint(4, 40)))
        elif k == 1:
            s.sendall(struct.pack("!II", 8, 80877103))  # SSLRequest, ssl is off
            s.recv(1)
            s.close(); return
        elif k == 2:
            body = struct.pack("!I", 0x00020000) + b"user\0alice\0\0"  # protocol 2
            s.sendall(struct.pack("!I", len(body) + 4) + body)
        else:
            body = struct.pack("!I", 0x00030000) + b"user\0alice\0database\0shop\0\0"
            s.sendall(struct.pack("!I", len(body) + 4) + body)
            time.sleep(R.uniform(0.1, 5))  # never answers the password request
        s.recv(200)
    except Exception:
        pass
    s.close()


def pcp():
    cmd = R.choice(["pcp_node_info -n %d" % R.randint(0, 1), "pcp_node_count", "pcp_pool_status", "pcp_proc_count",
                    "pcp_proc_info -a", "pcp_health_check_stats -n %d" % R.randint(0, 1), "pcp_node_info -n 7",
                    "WRONG"])
    if cmd == "WRONG":
        subprocess.run(f"echo '127.0.0.1:28551:pcpadmin:bad{R.randint(1,99)}' > {PP}/badpass; chmod 600 {PP}/badpass; "
                       f"PCPPASSFILE={PP}/badpass pcp_node_count -h 127.0.0.1 -p 28551 -U pcpadmin -w",
                       shell=True, capture_output=True, timeout=10)
    else:
        subprocess.run(f"PCPPASSFILE={PP}/pcppass {cmd} -h 127.0.0.1 -p 28551 -U pcpadmin -w", shell=True,
                       capture_output=True, timeout=10)


def reload():
    conf = f"{PP}/pgpool.conf"
    text = open(conf).read()
    for key, vals in [("client_idle_limit", ["5", "6", "8"]), ("backend_weight1", ["1", "2", "3"]),
                      ("log_statement", ["on", "on", "off"])]:
        if R.random() < 0.5:
            import re
            text = re.sub(rf"^{key} = .*$", f"{key} = {R.choice(vals)}", text, flags=re.M)
    open(conf, "w").write(text)
    if R.random() < 0.5:
        subprocess.run(f"PCPPASSFILE={PP}/pcppass pcp_reload_config -h 127.0.0.1 -p 28551 -U pcpadmin -w", shell=True,
                       capture_output=True, timeout=10)
    else:
        asp(f"pgpool -f {PP}/pgpool.conf reload")


def standby_bounce():
    asp(f"{BIN}/pg_ctl -D {PG}/p1 -m fast stop")
    t = time.time() + R.uniform(10, 16)
    while time.time() < t:
        session(); time.sleep(0.5)
    asp(f"{BIN}/pg_ctl -D {PG}/p1 -l {PG}/p1.log -w start")


def detach_attach():
    subprocess.run(f"PCPPASSFILE={PP}/pcppass pcp_detach_node -n 1 -h 127.0.0.1 -p 28551 -U pcpadmin -w", shell=True,
                   capture_output=True, timeout=20)
    time.sleep(2)
    session()
    subprocess.run(f"PCPPASSFILE={PP}/pcppass pcp_attach_node -n 1 -h 127.0.0.1 -p 28551 -U pcpadmin -w", shell=True,
                   capture_output=True, timeout=20)


def pgpool_restart():
    asp(f"pgpool -f {PP}/pgpool.conf -m {R.choice(['fast', 'smart'])} stop", timeout=60)
    time.sleep(1)
    asp(f"pgpool -f {PP}/pgpool.conf -F {PP}/pcp.conf -a {PP}/pool_hba.conf")
    time.sleep(3)


def main():
    t0 = time.time(); end = t0 + DURATION
    done = set()
    actions = [(session, 12), (auth_fail, 4), (psql_cmd, 3), (idle, 1), (flood, 1), (garbage, 2), (pcp, 3),
               (reload, 1)]
    funcs, weights = zip(*actions)
    while time.time() < end:
        el = (time.time() - t0) / DURATION
        try:
            if el > 0.25 and "bounce" not in done:
                done.add("bounce"); standby_bounce()
            elif el > 0.5 and "detach" not in done:
                done.add("detach"); detach_attach()
            elif el > 0.7 and "restart" not in done:
                done.add("restart"); pgpool_restart()
            else:
                R.choices(funcs, weights)[0]()
        except Exception:
            pass
        time.sleep(R.uniform(0.2, 1.0))
    time.sleep(2)


main()
