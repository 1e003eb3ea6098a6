#!/usr/bin/env python3
"""Random SphinxQL traffic (and some raw protocol garbage) against searchd: sqlwork.py N"""
import random, socket, struct, sys, time
import pymysql
N = int(sys.argv[1])
W = "alpha beta gamma delta search engine index query token morph stem phrase ranking cluster agent daemon socket cache".split()
def w(): return random.choice(W)
def conn():
    return pymysql.connect(host="127.0.0.1", port=59010, user="u", connect_timeout=3, read_timeout=5, autocommit=True)
NEXT = [random.randint(1000, 5000)]
def q_select():
    return random.choice([
        f"SELECT * FROM docs WHERE MATCH('{w()}') LIMIT {random.randint(1,20)}",
        f"SELECT id, price FROM docs WHERE MATCH('{w()} | {w()}') AND price > {random.randint(1,400)} ORDER BY price DESC",
        f"SELECT cat, COUNT(*) c FROM docs GROUP BY cat ORDER BY c DESC",
        f"SELECT * FROM docs WHERE MATCH('\"{w()} {w()}\"~3') OPTION ranker=proximity",
        f"SELECT * FROM rt WHERE MATCH('{w()}')",
        f"SELECT * FROM docs, rt WHERE MATCH('{w()}') LIMIT 5",
        f"SELECT * FROM dist WHERE MATCH('{w()}')",
    ])
def q_write():
    i = NEXT[0]; NEXT[0] += 1
    return random.choice([
        f"INSERT INTO rt (id, title, body, price) VALUES ({i}, '{w()} {w()}', '{w()} {w()} {w()}', {random.randint(1,99)})",
        f"REPLACE INTO rt (id, title, body, price) VALUES ({random.randint(1000, i)}, '{w()}', '{w()} {w()}', 7)",
        f"DELETE FROM rt WHERE id={random.randint(1000, i)}",
        f"UPDATE docs SET price={random.randint(1,500)} WHERE id={random.randint(1,300)}",
        f"INSERT INTO rt (id, title) VALUES ({random.randint(1000, 1010)}, 'dup')",
    ])
def q_admin():
    return random.choice(["SHOW STATUS", "SHOW META", "SHOW TABLES", "SHOW VARIABLES", "SHOW THREADS",
        "FLUSH RTINDEX rt", "OPTIMIZE INDEX rt", "SHOW INDEX rt STATUS", "DESCRIBE docs", "SHOW AGENT STATUS",
        f"CALL KEYWORDS('{w()} {w()}s', 'docs')", f"CALL SNIPPETS('the {w()} and {w()}', 'docs', '{w()}')",
        "SET autocommit=1", "SHOW WARNINGS", "FLUSH ATTRIBUTES", "SELECT @@session.autocommit",
        "TRUNCATE RTINDEX rt", "ATTACH INDEX docs TO RTINDEX rt"])
def q_bad():
    return random.choice(["SELECT * FROM nosuch WHERE MATCH('x')", "SELEKT oops", "SELECT * FROM docs WHERE MATCH('\"unclosed')",
        "INSERT INTO docs (id) VALUES (1)", "DELETE FROM nosuch WHERE id=1", "SELECT nofield FROM docs",
        "CALL SNIPPETS('a', 'nosuch', 'b')", "OPTIMIZE INDEX docs", "FLUSH RTINDEX docs", "SELECT * FROM docs ORDER BY nofield",
        "UPDATE rt SET nofield=1 WHERE id=1", "INSERT INTO rt (id, title) VALUES (0, 'zero id')"])
def raw_garbage():
    kind = random.choice(["api_junk", "api_close", "mysql_junk", "api_bad_cmd", "mysql_idle", "api_idle"])
    s = socket.socket(); s.settimeout(8)
    port = 59011 if kind.startswith("api") else 59010
    try:
        s.connect(("127.0.0.1", port))
        if kind == "api_junk": s.sendall(b"GET / HTTP/1.0\r\n\r\n")
        elif kind == "api_bad_cmd": s.recv(4); s.sendall(struct.pack(">I", 1) + struct.pack(">HHI", 77, 0x100, 4) + b"abcd")
        elif kind == "mysql_junk": s.recv(256); s.sendall(b"\xff\xff\x00\x01garbage-packet")
        elif kind.endswith("idle"): time.sleep(random.choice([0.2, 6]))
        try: s.recv(256)
        except OSError: pass
    except OSError:
        pass
    s.close()
c = conn(); cur = c.cursor()
for n in range(N):
    r = random.random()
    if r < 0.45: sql = q_select()
    elif r < 0.65: sql = q_write()
    elif r < 0.78: sql = q_admin()
    elif r < 0.93: sql = q_bad()
    else:
        raw_garbage(); continue
    try:
        cur.execute(sql); cur.fetchall()
    except pymysql.err.OperationalError:
        try: c.close()
        except Exception: pass
        time.sleep(0.2)
        try: c = conn(); cur = c.cursor()
        except Exception: time.sleep(1)
    except Exception:
        pass
    if random.random() < 0.1:
        c.close(); c = conn(); cur = c.cursor()
    if random.random() < 0.05: time.sleep(random.random())
c.close()
