# r2-case02: payments-worker Kafka consumer lag; origin: InnoDB deadlocks in ledger-mysql between the nightly
# ledger-reconciler job and the settlement writes.
from common import *

c = Case(2, "payments-worker",
         "[FIRING:1] KafkaConsumerGroupLagHigh (consumergroup=payments-worker topic=payments.settled severity=page): total lag 47913 messages > 10000 for 10m",
         ["payments-worker", "ledger-mysql", "ledger-reconciler", "notification-svc"], "2026-10-14T03:40:00Z")
r = c.rng
T0, END = c.start, c.at
JOB_START = P("2026-10-14T03:00:00Z")
DL_START = P("2026-10-14T03:01:37Z")
job_suffix = int(JOB_START.timestamp() // 60)
JOB = f"ledger-reconciler-{job_suffix}"
JOBPOD = f"{JOB}-7xk2d"

def jts(t):  # Spring Boot / logback ISO timestamp
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"

pods = ["payments-worker-6f7c9d8b57-2jxqv", "payments-worker-6f7c9d8b57-tm5hc"]
assign = {pods[0]: [0, 1, 2], pods[1]: [3, 4, 5]}
logs = {p: [] for p in pods}
def sl(p, t, lvl, thread, logger, msg):
    logs[p].append((t, f"{jts(t)} {lvl:>5} 1 --- [payments-worker] [{thread:>15}] {logger:<40} : {msg}"))

offsets = {pt: 1881000 + r.randint(0, 9000) for pt in range(6)}
deadlock_events = []   # times of deadlocks (for mysql log)
for p in pods:
    for i, pt in enumerate(assign[p]):
        thread = f"ntainer#0-{i}-C-1"
        t = T0 + dt.timedelta(seconds=r.uniform(0, 8))
        while t < END:
            dl_phase = t >= DL_START
            if not dl_phase:
                n = r.randint(70, 120)
                d = r.randint(180, 460)
                offsets[pt] += n
                sl(p, t, "INFO", thread, "c.a.payments.worker.SettlementListener",
                   f"Processed batch of {n} records from payments.settled-{pt} (offsets {offsets[pt]-n}..{offsets[pt]-1}) in {d} ms")
                t += dt.timedelta(milliseconds=d + r.randint(13000, 18000))
            else:
                x = r.random()
                if x < 0.45:
                    # deadlock victim -> rollback -> retry
                    deadlock_events.append((t, p, pt))
                    sl(p, t, "WARN", thread, "c.a.payments.worker.SettlementListener",
                       f"Batch from payments.settled-{pt} rolled back, will be retried: PreparedStatementCallback; SQL [UPDATE account_balance SET balance = balance + ?, version = version + 1 WHERE account_id = ?]; Deadlock found when trying to get lock; try restarting transaction")
                    if r.random() < 0.12:
                        t2 = t + dt.timedelta(seconds=r.uniform(6, 9))
                        logs[p].append((t2, f"{jts(t2)} ERROR 1 --- [payments-worker] [{thread:>15}] o.s.kafka.listener.DefaultErrorHandler   : Backoff FixedBackOff{{interval=2000, currentAttempts=4, maxAttempts=3}} exhausted for payments.settled-{pt}@{offsets[pt]}\n\n"
                            "org.springframework.kafka.listener.ListenerExecutionFailedException: Listener method 'public void com.acme.payments.worker.SettlementListener.onBatch(java.util.List<org.apache.kafka.clients.consumer.ConsumerRecord<java.lang.String, com.acme.payments.events.PaymentSettled>>)' threw exception\n"
                            "\tat org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer.decorateException(KafkaMessageListenerContainer.java:2996)\n"
                            "\tat org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer.doInvokeBatchOnMessage(KafkaMessageListenerContainer.java:2489)\n"
                            "\tat org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer.invokeBatchOnMessageWithRecordsOrList(KafkaMessageListenerContainer.java:2455)\n"
                            "\tat org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer.run(KafkaMessageListenerContainer.java:1336)\n"
                            "\tat java.base/java.lang.Thread.run(Thread.java:1583)\n"
                            "Caused by: org.springframework.dao.CannotAcquireLockException: PreparedStatementCallback; SQL [UPDATE account_balance SET balance = balance + ?, version = version + 1 WHERE account_id = ?]; Deadlock found when trying to get lock; try restarting transaction\n"
                            "\tat org.springframework.jdbc.support.SQLExceptionSubclassTranslator.doTranslate(SQLExceptionSubclassTranslator.java:78)\n"
                            "\tat org.springframework.jdbc.support.AbstractFallbackSQLExceptionTranslator.translate(AbstractFallbackSQLExceptionTranslator.java:107)\n"
                            "\tat org.springframework.jdbc.core.JdbcTemplate.translateException(JdbcTemplate.java:1548)\n"
                            "\tat org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:677)\n"
                            "\tat org.springframework.jdbc.core.JdbcTemplate.batchUpdate(JdbcTemplate.java:1004)\n"
                            "\tat com.acme.payments.worker.LedgerWriter.applySettlements(LedgerWriter.java:88)\n"
                            "\tat com.acme.payments.worker.SettlementListener.onBatch(SettlementListener.java:61)\n"
                            "\t... 14 common frames omitted\n"
                            "Caused by: com.mysql.cj.jdbc.exceptions.MySQLTransactionRollbackException: Deadlock found when trying to get lock; try restarting transaction\n"
                            "\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:123)\n"
                            "\tat com.mysql.cj.jdbc.exceptions.SQLExceptionsMapping.translateException(SQLExceptionsMapping.java:122)\n"
                            "\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeInternal(ClientPreparedStatement.java:912)\n"
                            "\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeUpdateInternal(ClientPreparedStatement.java:1054)\n"
                            "\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeBatchSerially(ClientPreparedStatement.java:834)\n"
                            "\tat com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeBatch(HikariProxyPreparedStatement.java)\n"
                            "\t... 22 common frames omitted"))
                        sl(p, t2 + dt.timedelta(milliseconds=40), "INFO", thread, "c.a.payments.worker.DeadLetterRecoverer",
                           f"Published failed record payments.settled-{pt}@{offsets[pt]} to payments.settled.DLT-{pt}")
                        offsets[pt] += 1
                        t = t2 + dt.timedelta(seconds=r.uniform(1, 3))
                    else:
                        t += dt.timedelta(seconds=r.uniform(4, 9))
                elif x < 0.65:
                    # lock wait timeout (reconciler holds the rows for long)
                    tw = t + dt.timedelta(seconds=50.0 + r.uniform(0, 0.2))
                    sl(p, tw, "WARN", thread, "c.a.payments.worker.SettlementListener",
                       f"Batch from payments.settled-{pt} rolled back, will be retried: PreparedStatementCallback; SQL [UPDATE account_balance SET balance = balance + ?, version = version + 1 WHERE account_id = ?]; Lock wait timeout exceeded; try restarting transaction")
                    if r.random() < 0.35:
                        tp = tw + dt.timedelta(seconds=r.uniform(0.5, 3))
                        client = f"consumer-payments-worker-{pods.index(p)+1}"
                        sl(p, tp, "WARN", "payments-worker", "o.a.k.c.c.internals.ConsumerCoordinator",
                           f"[Consumer clientId={client}, groupId=payments-worker] consumer poll timeout has expired. This means the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms, which typically implies that the poll loop is spending too much time processing messages. You can address this either by increasing max.poll.interval.ms or by reducing the maximum size of batches returned in poll() with max.poll.records.")
                        sl(p, tp + dt.timedelta(milliseconds=3), "INFO", "payments-worker", "o.a.k.c.c.internals.ConsumerCoordinator",
                           f"[Consumer clientId={client}, groupId=payments-worker] Member {client}-{uuid(r)} sending LeaveGroup request to coordinator kafka-2.kafka-headless.data.svc:9092 (id: 2147483645 rack: null) due to consumer poll timeout has expired.")
                        sl(p, tp + dt.timedelta(seconds=2.1), "INFO", thread, "o.a.k.c.c.internals.ConsumerCoordinator",
                           f"[Consumer clientId={client}, groupId=payments-worker] Request joining group due to: rebalance failed due to 'The coordinator is not aware of this member.' (UnknownMemberIdException)")
                        gen = 3100 + int((tp - T0).total_seconds() // 60)
                        sl(p, tp + dt.timedelta(seconds=4.6), "INFO", thread, "o.a.k.c.c.internals.ConsumerCoordinator",
                           f"[Consumer clientId={client}, groupId=payments-worker] Successfully joined group with generation Generation{{generationId={gen}, memberId='{client}-{uuid(r)}', protocol='range'}}")
                        sl(p, tp + dt.timedelta(seconds=4.7), "INFO", thread, "o.s.k.l.KafkaMessageListenerContainer",
                           f"payments-worker: partitions assigned: [payments.settled-{assign[p][0]}, payments.settled-{assign[p][1]}, payments.settled-{assign[p][2]}]")
                        t = tp + dt.timedelta(seconds=5)
                    else:
                        t = tw + dt.timedelta(seconds=r.uniform(2, 4))
                else:
                    n = r.randint(8, 30)
                    d = r.randint(2500, 9000)
                    offsets[pt] += n
                    sl(p, t, "INFO", thread, "c.a.payments.worker.SettlementListener",
                       f"Processed batch of {n} records from payments.settled-{pt} (offsets {offsets[pt]-n}..{offsets[pt]-1}) in {d} ms")
                    t += dt.timedelta(milliseconds=d + r.randint(500, 1500))
    # baseline noise: Hikari housekeeping + kafka node disconnects (harmless)
    t = T0 + dt.timedelta(seconds=r.randint(0, 300))
    while t < END:
        sl(p, t, "INFO", "payments-worker", "org.apache.kafka.clients.NetworkClient",
           f"[Consumer clientId=consumer-payments-worker-{pods.index(p)+1}, groupId=payments-worker] Node {r.choice([0,1,2])} disconnected.")
        t += dt.timedelta(seconds=r.randint(400, 700))
for p in pods:
    c.write_log(f"logs/payments-worker/{p}.log", logs[p])

# ---------------- ledger-mysql error log ----------------
my = []
def mt(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}Z"
def ml(t, thr, lvl, code, sub, msg):
    if t.microsecond == 0:
        t = t + dt.timedelta(microseconds=r.randint(1, 999999))
    my.append((t, f"{mt(t)} {thr} [{lvl}] [{code}] [{sub}] {msg}"))
t = T0 + dt.timedelta(seconds=r.randint(5, 60))
while t < END:  # baseline warnings (harmless)
    ml(t, r.randint(88000, 99000), "Warning", "MY-013360", "Server",
       "Plugin mysql_native_password reported: ''mysql_native_password' is deprecated and will be removed in a future release. Please use caching_sha2_password instead'")
    t += dt.timedelta(seconds=r.randint(90, 260))
t = T0 + dt.timedelta(seconds=r.randint(5, 200))
while t < END:
    ml(t, r.randint(88000, 99000), "Warning", "MY-010055", "Server", "IP address '10.42.6.19' could not be resolved: Name or service not known")
    t += dt.timedelta(seconds=r.randint(500, 900))
trx = 48211000
used = 0
for (t, p, pt) in sorted(deadlock_events):
    if r.random() < 0.90:
        continue  # not every victim record is interleaved; keep log modest
    used += 1
    trx += r.randint(300, 3000)
    acc1 = f"ACC-{r.randint(10000, 60000)}"
    acc2 = f"ACC-{r.randint(10000, 60000)}"
    tid = r.randint(88100, 88400)
    ip = "10.42.2.31" if p == pods[0] else "10.42.3.14"
    td = t - dt.timedelta(milliseconds=r.randint(3, 12))
    hp = r.randint(40, 900)
    rec = lambda acc: (f"Record lock, heap no {r.randint(2,200)} PHYSICAL RECORD: n_fields 6; compact format; info bits 0\n"
                       f" 0: len 9; hex {acc.encode().hex()}; asc {acc};;\n"
                       f" 1: len 6; hex 00000{r.randint(2000000,9999999):07x}; asc       ;;\n"
                       f" 2: len 7; hex 0{r.randint(10**12, 10**13):013x}; asc        ;;\n")
    ml(td, 0, "Note", "MY-012468", "InnoDB", "Transactions deadlock detected, dumping detailed information. (lock0lock.cc:6482)")
    ml(td, 0, "Note", "MY-012469", "InnoDB",
       f"\n*** (1) TRANSACTION:\n\nTRANSACTION {trx}, ACTIVE 0 sec starting index read\nmysql tables in use 1, locked 1\n"
       f"LOCK WAIT 4 lock struct(s), heap size 1128, 3 row lock(s), undo log entries 2\n"
       f"MySQL thread id {tid}, OS thread handle 1402133{r.randint(10000000,99999999)}, query id {r.randint(9900000,9990000)} {ip} payments_rw updating\n"
       f"UPDATE account_balance SET balance = balance + {r.randint(1,900)}.{r.randint(10,99)}, version = version + 1 WHERE account_id = '{acc2}'\n")
    ml(td, 0, "Note", "MY-012469", "InnoDB",
       f"*** (1) HOLDS THE LOCK(S):\n\nRECORD LOCKS space id 412 page no {hp} n bits 184 index PRIMARY of table `ledger`.`account_balance` trx id {trx} lock_mode X locks rec but not gap\n" + rec(acc1))
    ml(td, 0, "Note", "MY-012469", "InnoDB",
       f"*** (1) WAITING FOR THIS LOCK TO BE GRANTED:\n\nRECORD LOCKS space id 412 page no {hp+r.randint(1,40)} n bits 192 index PRIMARY of table `ledger`.`account_balance` trx id {trx} lock_mode X locks rec but not gap waiting\n" + rec(acc2))
    ml(td, 0, "Note", "MY-012469", "InnoDB",
       f"*** (2) TRANSACTION:\n\nTRANSACTION {trx - r.randint(20000, 90000)}, ACTIVE {r.randint(18, 55)} sec starting index read\nmysql tables in use 1, locked 1\n"
       f"{r.randint(300, 520)} lock struct(s), heap size 57464, {r.randint(480, 999)} row lock(s), undo log entries {r.randint(400, 998)}\n"
       f"MySQL thread id {r.randint(88500, 88520)}, OS thread handle 1402133{r.randint(10000000,99999999)}, query id {r.randint(9900000,9990000)} 10.42.5.12 reconciler updating\n"
       f"UPDATE account_balance SET balance = 18211.40, reconciled_at = NOW(6), version = version + 1 WHERE account_id = '{acc1}'\n")
    ml(td, 0, "Note", "MY-012469", "InnoDB",
       f"*** (2) HOLDS THE LOCK(S):\n\nRECORD LOCKS space id 412 page no {hp+r.randint(1,40)} n bits 192 index PRIMARY of table `ledger`.`account_balance` trx id {trx-1} lock_mode X locks rec but not gap\n" + rec(acc2))
    ml(td, 0, "Note", "MY-012469", "InnoDB",
       f"*** (2) WAITING FOR THIS LOCK TO BE GRANTED:\n\nRECORD LOCKS space id 412 page no {hp} n bits 184 index PRIMARY of table `ledger`.`account_balance` trx id {trx-1} lock_mode X locks rec but not gap waiting\n" + rec(acc1))
    ml(td, 0, "Note", "MY-012469", "InnoDB", "*** WE ROLL BACK TRANSACTION (1)")
c.write_log("logs/ledger-mysql/ledger-mysql-0.err.log", my)

# ---------------- ledger-reconciler job ----------------
rl = []
def py(t, lvl, name, msg):
    rl.append((t, f"{t.strftime('%Y-%m-%d %H:%M:%S')},{t.microsecond//1000:03d} {lvl} {name}: {msg}"))
t = JOB_START + dt.timedelta(seconds=3.1)
py(t, "INFO", "ledger_reconciler", "starting reconciliation run business_date=2026-10-13 accounts=48211 chunk_size=500 order=balance_desc")
py(t + dt.timedelta(seconds=1.4), "INFO", "ledger_reconciler.db", "connected to ledger-mysql.data.svc:3306/ledger as reconciler (autocommit=False, isolation=REPEATABLE-READ)")
t += dt.timedelta(seconds=4)
chunk = 1
while t < END:
    dur = r.uniform(28, 61)
    if r.random() < 0.18:
        py(t + dt.timedelta(seconds=dur * 0.6), "WARNING", "ledger_reconciler.db",
           f"deadlock on chunk {chunk}, retrying (attempt 1/5): (1213, 'Deadlock found when trying to get lock; try restarting transaction')")
    t += dt.timedelta(seconds=dur)
    if t >= END:
        break
    py(t, "INFO", "ledger_reconciler", f"reconciled chunk {chunk}/97 (500 accounts, {r.randint(1100, 2900)} ledger rows) in {dur:.1f}s")
    chunk += 1
c.write_log(f"logs/ledger-reconciler/{JOBPOD}.log", rl)

# ---------------- k8s events ----------------
def age(t):
    return kube_age(END - t)
ev = [
    (P("2026-10-14T03:08:19Z"), "Normal", "Pulled", f"pod/notification-svc-5d8b7f9c4-x9pq2", "Successfully pulled image \"registry.acme.io/notification-svc:1.41.0\" in 2.114s (2.114s including waiting). Image size: 61287321 bytes."),
    (JOB_START, "Normal", "SuccessfulCreate", "cronjob/ledger-reconciler", f"Created job {JOB}"),
    (JOB_START, "Normal", "SuccessfulCreate", f"job/{JOB}", f"Created pod: {JOBPOD}"),
    (JOB_START + dt.timedelta(seconds=1), "Normal", "Scheduled", f"pod/{JOBPOD}", f"Successfully assigned payments/{JOBPOD} to ip-10-20-5-88.eu-west-1.compute.internal"),
    (JOB_START + dt.timedelta(seconds=2), "Normal", "Started", f"pod/{JOBPOD}", "Started container reconciler"),
    (P("2026-10-14T03:08:12Z"), "Normal", "ScalingReplicaSet", "deployment/notification-svc", "Scaled up replica set notification-svc-5d8b7f9c4 to 1"),
    (P("2026-10-14T03:08:44Z"), "Normal", "ScalingReplicaSet", "deployment/notification-svc", "Scaled down replica set notification-svc-7c5d9f6b8 to 1 from 2"),
    (P("2026-10-14T03:09:15Z"), "Normal", "ScalingReplicaSet", "deployment/notification-svc", "Scaled down replica set notification-svc-7c5d9f6b8 to 0 from 1"),
]
rows = [[age(t), typ, reason, obj, msg] for t, typ, reason, obj, msg in sorted(ev)]
c.write("k8s/events-payments.txt", table(["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"], rows))

c.write_jsonl("events.jsonl", [
    {"time": "2026-10-14T03:08:10Z", "service": "notification-svc", "kind": "deployment",
     "summary": "notification-svc 1.40.2 -> 1.41.0 (new SMS template for refunds)", "author": "argo-cd"},
])

# ---------------- metrics ----------------
def lag(pt):
    base = r.randint(40, 300)
    def f(t):
        if t < DL_START:
            return float(int(max(0, base + r.gauss(0, 60))))
        secs = (t - DL_START).total_seconds()
        return float(int(base + secs * (3.9 + pt * 0.15) + r.gauss(0, 120)))
    return f
for pt in range(6):
    c.gauge("kafka_consumergroup_lag", {"consumergroup": "payments-worker", "topic": "payments.settled", "partition": str(pt),
                                        "instance": "kafka-exporter.monitoring:9308", "job": "kafka-exporter"}, lag(pt), step=30, digits=0)
for p in pods:
    lab_ = {"name": "settlementListener", "result": "success", "exception": "none", "pod": p, "service": "payments-worker"}
    c.counter("spring_kafka_listener_seconds_count", lab_, lambda t: 3.1 if t < DL_START else 0.55)
    c.counter("spring_kafka_listener_seconds_count", {**lab_, "result": "failure", "exception": "ListenerExecutionFailedException"},
              lambda t: 0.0 if t < DL_START else 0.21)
    c.gauge("hikaricp_connections_active", {"pool": "HikariPool-1", "pod": p, "service": "payments-worker"},
            lambda t: float(r.randint(0, 2)) if t < DL_START else float(r.randint(3, 6)), digits=0)
my_lab = {"instance": "ledger-mysql-0:9104", "job": "mysqld-exporter", "service": "ledger-mysql"}
c.counter("mysql_global_status_innodb_row_lock_waits", my_lab, lambda t: 0.04 if t < JOB_START else (0.4 if t < DL_START else 2.6))
c.counter("mysql_info_schema_innodb_metrics_lock_lock_deadlocks_total", my_lab, lambda t: 0.0 if t < DL_START else 0.045)
c.counter("mysql_info_schema_innodb_metrics_lock_lock_timeouts_total", my_lab, lambda t: 0.0 if t < DL_START else 0.021)
c.gauge("mysql_global_status_innodb_row_lock_current_waits", my_lab,
        lambda t: 0.0 if t < DL_START else float(r.randint(3, 11)), digits=0)
c.gauge("mysql_global_status_threads_running", my_lab,
        lambda t: float(r.randint(2, 4)) if t < JOB_START else float(r.randint(8, 15)), digits=0)
c.counter("mysql_global_status_commands_total", {**my_lab, "command": "update"}, lambda t: 160 if t < JOB_START else (210 if t < DL_START else 120))
c.gauge("node_filesystem_avail_bytes", {"instance": "ledger-mysql-0", "mountpoint": "/var/lib/mysql", "job": "node-exporter", "service": "ledger-mysql"},
        lambda t: 412e9 - (t - T0).total_seconds() * 2e5, digits=0)
c.write_metrics_csv()

c.bundle_yaml()
c.expected("database_deadlock", "ledger-mysql",
           "From 03:01:37, one minute after the nightly ledger-reconciler job started, InnoDB reports repeated deadlocks on "
           "ledger.account_balance between the reconciler's long chunked transactions and payments-worker's settlement "
           "updates (and lock-wait timeouts); payments-worker is chosen as victim, rolls back and retries, throughput collapses "
           "and consumer lag grows, with rebalances as a symptom. The notification-svc rollout and the MySQL auth-plugin/DNS "
           "warnings are unrelated.",
           also={"faulty_service": ["ledger-reconciler"]})
