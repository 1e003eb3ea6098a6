#!/usr/bin/env python3
"""SphinxQL (MySQL protocol) client for workload.sh: N random statements, good and bad.
usage: sql_client.py PORT N [seed]"""
import random, socket, sys, time
import pymysql

W = "apple banana cherry delta engine falcon garden harbor island jungle kernel lemon tiger river ocean".split()
def w(): return random.choice(W)
def rid(): return random.randint(1, 5000)

GOOD = [
    lambda: f"SELECT * FROM docs WHERE MATCH('{w()} {w()}') LIMIT 5",
    lambda: f"SELECT id, group_id, WEIGHT() FROM docs WHERE MATCH('{w()}|{w()}') ORDER BY group_id DESC LIMIT 3",
    lambda: f"SELECT group_id, COUNT(*) FROM docs GROUP BY group_id",
    lambda: f"SELECT * FROM news WHERE MATCH('@title {w()}') AND cat={random.randint(1,5)}",
    lambda: f"SELECT * FROM dist WHERE MATCH('{w()}') OPTION max_matches=50",
    lambda: f"SELECT * FROM rt WHERE MATCH('{w()}')",
    lambda: f"INSERT INTO rt (id, title, body, gid, title_s) VALUES ({rid()}, '{w()} {w()}', '{' '.join(w() for _ in range(12))}', {random.randint(1,9)}, '{w()}')",
    lambda: f"REPLACE INTO rt (id, title, body, gid) VALUES ({rid()}, '{w()}', '{w()} {w()} {w()}', 2)",
    lambda: f"DELETE FROM rt WHERE id={rid()}",
    lambda: f"UPDATE docs SET group_id={random.randint(1,9)} WHERE id={random.randint(1,300)}",
    lambda: "SHOW META", lambda: "SHOW STATUS", lambda: "SHOW TABLES", lambda: "SHOW THREADS",
    lambda: "SHOW AGENT STATUS", lambda: "SHOW INDEX docs STATUS", lambda: "DESCRIBE rt",
    lambda: "SHOW VARIABLES", lambda: "SHOW WARNINGS", lambda: "SHOW PROFILE",
    lambda: "SET profiling=1", lambda: "SET autocommit=1",
    lambda: f"CALL SNIPPETS('the {w()} went to the {w()}', 'docs', '{w()}')",
    lambda: f"CALL KEYWORDS('{w()}s running', 'docs', 1)",
    lambda: "FLUSH RTINDEX rt", lambda: "FLUSH RAMCHUNK rt", lambda: "OPTIMIZE INDEX rt",
    lambda: "FLUSH ATTRIBUTES", lambda: "SELECT @@session.auto_increment_increment",
    lambda: f"SET GLOBAL query_log_format={random.choice(['sphinxql','plain'])}",
    lambda: "SHOW PLAN",
    lambda: "BEGIN", lambda: "COMMIT", lambda: "ROLLBACK",
]
BAD = [
    lambda: f"SELEKT * FROM docs", lambda: f"SELECT * FROM nosuchindex WHERE MATCH('{w()}')",
    lambda: "SELECT * FROM ghost", lambda: "SELECT * FROM broken",
    lambda: f"SELECT * FROM docs WHERE MATCH('\"{w()}')", lambda: "SELECT nosuchcol FROM docs",
    lambda: f"INSERT INTO docs (id, title) VALUES (1, 'x')", lambda: "INSERT INTO rt (id, nosuch) VALUES (1, 2)",
    lambda: "INSERT INTO rt (id, title) VALUES (0, 'zero id')", lambda: "ATTACH INDEX docs TO RTINDEX rt",
    lambda: "TRUNCATE RTINDEX docs", lambda: "RELOAD INDEX nosuch", lambda: "CALL NOSUCHPROC()",
    lambda: "UPDATE docs SET nosuch=1 WHERE id=1", lambda: "SELECT * FROM docs ORDER BY nosuch",
    lambda: "SET GLOBAL nosuchvar=1", lambda: "DROP TABLE docs", lambda: "\x01\x02garbage",
    lambda: "SELECT * FROM docs WHERE MATCH('apple') OPTION ranker=nosuch",
    lambda: "SELECT * FROM docs LIMIT 100000000", lambda: "SELECT 1/0 FROM docs",
    lambda: "CREATE FUNCTION f RETURNS INT SONAME 'nosuch.so'", lambda: "DROP FUNCTION nosuch",
    lambda: "SHOW INDEX ghost STATUS", lambda: "CALL SNIPPETS('x', 'nosuch', 'x')",
    lambda: "RELOAD PLUGINS FROM SONAME 'nosuch.so'",
]
RARE = [lambda: "TRUNCATE RTINDEX rt", lambda: "RELOAD INDEX docs", lambda: "RELOAD INDEXES",
        lambda: "ATTACH INDEX news TO RTINDEX rt", lambda: "SET GLOBAL log_level=debug"]

def raw_garbage(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=3)
    s.recv(256)
    if random.random() < 0.5:
        s.sendall(bytes(random.getrandbits(8) for _ in range(random.randint(3, 30))))
    else:
        s.sendall(b"\xff\xff\xff\x01" + b"A" * 64)
    time.sleep(0.2)
    s.close()

def main():
    port, n = int(sys.argv[1]), int(sys.argv[2])
    if len(sys.argv) > 3:
        random.seed(sys.argv[3])
    if random.random() < 0.15:
        try:
            raw_garbage(port)
        except OSError as e:
            print("garbage:", e)
    try:
        c = pymysql.connect(host="127.0.0.1", port=port, user=random.choice(["app", "root", ""]), password="", autocommit=True, connect_timeout=5, read_timeout=10)
    except Exception as e:
        print("connect failed:", e); return
    cur = c.cursor()
    for _ in range(n):
        r = random.random()
        q = (random.choice(BAD) if r < 0.3 else random.choice(RARE) if r < 0.34 else random.choice(GOOD))()
        try:
            cur.execute(q); cur.fetchall()
        except Exception as e:
            print("err", str(e)[:100])
        time.sleep(random.uniform(0, 0.05))
    if random.random() < 0.3:
        c.socket.close()  # drop without COM_QUIT
    else:
        c.close()

if __name__ == "__main__":
    main()
