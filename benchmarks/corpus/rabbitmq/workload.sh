#!/bin/bash
# Round-3 corpus workload: RabbitMQ 3.10 broker (Debian 12 package), its own log file at level
# info, for DURATION seconds of randomised AMQP clients (pika, from PyPI, in PY's environment) and
# rabbitmqctl commands on 127.0.0.1 only. Writes $OUT/rabbitmq.log unchanged.
# Run as root: bash workload.sh OUT_DIR [DURATION] [PY]
set -u
OUT=${1:?out dir}; DURATION=${2:-200}; PY=${3:-python3}
mkdir -p "$OUT"; rm -rf "$OUT/mnesia" "$OUT/rabbitmq.log"
cat > "$OUT/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:25672
log.file = $OUT/rabbitmq.log
log.file.level = info
log.console = false
management.tcp.port = 0
CONF
export RABBITMQ_CONFIG_FILE="$OUT/rabbitmq.conf" RABBITMQ_MNESIA_BASE="$OUT/mnesia" \
  RABBITMQ_LOG_BASE="$OUT" RABBITMQ_NODENAME=rabbit@localhost RABBITMQ_DIST_PORT=25673 \
  RABBITMQ_ENABLED_PLUGINS_FILE="$OUT/enabled_plugins" RABBITMQ_PID_FILE="$OUT/rabbit.pid"
echo "[]." > "$OUT/enabled_plugins"
/usr/lib/rabbitmq/bin/rabbitmq-server > "$OUT/stdout" 2>&1 & SERVER=$!
/usr/lib/rabbitmq/bin/rabbitmqctl -n rabbit@localhost wait "$OUT/rabbit.pid" --timeout 120 >/dev/null
ctl() { /usr/lib/rabbitmq/bin/rabbitmqctl -n rabbit@localhost "$@" >/dev/null 2>&1; }
ctl add_user app secret; ctl set_permissions -p / app ".*" ".*" ".*"
ctl add_vhost staging; ctl set_permissions -p staging app ".*" ".*" ".*"
"$PY" - "$DURATION" <<'PY' &
import random, socket, sys, threading, time
import pika
end = time.time() + float(sys.argv[1])
def params(user="app", pw="secret", vhost="/"):
    return pika.ConnectionParameters("127.0.0.1", 25672, vhost, pika.PlainCredentials(user, pw),
                                     connection_attempts=1, heartbeat=random.choice([0, 5, 30]),
                                     client_properties={"connection_name": "worker-%d" % random.randint(1, 40)})
def session():
    r = random.random()
    if r < 0.1:
        p = params(random.choice(["app", "admin", "ghost%d" % random.randint(1, 9)]), "wrong")
    elif r < 0.15:
        p = params(vhost=random.choice(["missing", "prod%d" % random.randint(1, 5)]))
    else:
        p = params(vhost=random.choice(["/", "/", "staging"]))
    conn = pika.BlockingConnection(p)
    ch = conn.channel()
    q = random.choice(["orders", "billing", "emails", "tmp.%d" % random.randint(1, 99)])
    for _ in range(random.randint(1, 6)):
        op = random.random()
        if op < 0.35:
            ch.queue_declare(q, durable=q != "emails")
            for i in range(random.randint(1, 20)):
                ch.basic_publish("", q, b"m%d" % i)
        elif op < 0.5:
            ch.basic_get(q, auto_ack=True)
        elif op < 0.6:
            ch.queue_declare(q, durable=random.random() < 0.5, arguments={"x-max-length": random.randint(1, 9)})
        elif op < 0.7:
            ch.basic_publish("ex.missing%d" % random.randint(1, 5), "k", b"x")
            ch.queue_declare(q, passive=True)
        elif op < 0.8:
            ch.queue_declare("nosuch.%d" % random.randint(1, 50), passive=True)
        elif op < 0.9:
            ch.exchange_declare("events", "topic")
            ch.queue_bind(q, "events", "k.%d" % random.randint(1, 9))
        else:
            ch.queue_delete(q)
        if ch.is_closed:
            ch = conn.channel()
    if random.random() < 0.25:
        conn._impl._transport._sock.close()  # drop the TCP connection without a close handshake
    else:
        conn.close()
def worker():
    while time.time() < end:
        try:
            session()
        except Exception as exc:
            pass
        if random.random() < 0.1:
            s = socket.create_connection(("127.0.0.1", 25672))
            s.sendall(random.choice([b"GET / HTTP/1.0\r\n\r\n", b"AMQP\x00\x00\x08\x00", b"\x01\x02garbage"]))
            time.sleep(0.1); s.close()
        time.sleep(random.uniform(0.5, 3.0))
threads = [threading.Thread(target=worker) for _ in range(2)]
for t in threads: t.start()
for t in threads: t.join()
PY
CLIENTS=$!
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  sleep $((5 + RANDOM % 10))
  case $((RANDOM % 6)) in
    0) ctl add_user "temp$RANDOM" pw ;;
    1) for u in $(/usr/lib/rabbitmq/bin/rabbitmqctl -n rabbit@localhost list_users -q 2>/dev/null | awk '/^temp/{print $1}'); do ctl delete_user "$u"; done ;;
    2) v="vh$((RANDOM % 5))"; ctl add_vhost "$v"; ctl set_permissions -p "$v" app ".*" ".*" ".*" ;;
    3) ctl delete_vhost "vh$((RANDOM % 5))" ;;
    4) ctl set_policy "lim$((RANDOM % 3))" "^tmp\\." '{"max-length":100}' --apply-to queues ;;
    5) ctl close_all_connections "maintenance $RANDOM" ;;
  esac
done
wait $CLIENTS
/usr/lib/rabbitmq/bin/rabbitmqctl -n rabbit@localhost stop >/dev/null 2>&1; wait $SERVER 2>/dev/null
