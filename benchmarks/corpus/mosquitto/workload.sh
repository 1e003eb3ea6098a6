#!/bin/bash
# Round-3 corpus workload: Mosquitto 2.0 broker (Debian 12 package), log_type all, for DURATION
# seconds of randomised MQTT clients on 127.0.0.1 only. Writes $OUT/mosquitto.log unchanged.
# Run as root: bash workload.sh OUT_DIR [DURATION]
set -u
OUT=${1:?out dir}; DURATION=${2:-200}
mkdir -p "$OUT"; rm -f "$OUT/mosquitto.log"
touch "$OUT/passwd"; mosquitto_passwd -b "$OUT/passwd" alice wonderland; mosquitto_passwd -b "$OUT/passwd" bob builder
chmod 600 "$OUT/passwd"; chown mosquitto "$OUT" "$OUT/passwd" 2>/dev/null
cat > "$OUT/acl" <<ACL
user alice
topic readwrite sensors/#
user bob
topic read sensors/#
topic write cmd/#
ACL
chown mosquitto "$OUT/acl" 2>/dev/null
cat > "$OUT/mosquitto.conf" <<CONF
per_listener_settings true
log_dest file $OUT/mosquitto.log
log_type all
connection_messages true
log_timestamp true
max_keepalive 30
listener 18831 127.0.0.1
allow_anonymous true
listener 18832 127.0.0.1
allow_anonymous false
password_file $OUT/passwd
acl_file $OUT/acl
CONF
mosquitto -c "$OUT/mosquitto.conf" & BROKER=$!
sleep 1
END=$((SECONDS + DURATION))
topics=(sensors/temp sensors/hum/kitchen cmd/reboot plant/line1/speed alerts status/$RANDOM)
r() { echo $((RANDOM % $1)); }
while [ $SECONDS -lt $END ]; do
  t=${topics[$(r ${#topics[@]})]}
  case $(r 12) in
    0|1|2) mosquitto_pub -p 18831 -q $(r 3) -t "$t" -m "v=$RANDOM" -i "pub-$RANDOM" ;;
    3) mosquitto_pub -p 18831 -r -q 1 -t "$t" -m "retained $RANDOM" ;;
    4) timeout 2 mosquitto_sub -p 18831 -q $(r 3) -t "sensors/#" -C $((1 + $(r 3))) -i "sub-$RANDOM" >/dev/null & ;;
    5) mosquitto_pub -p 18832 -u alice -P wonderland -q $(r 3) -t "sensors/x$(r 9)" -m "$RANDOM" ;;
    6) mosquitto_pub -p 18832 -u bob -P wrong$RANDOM -t cmd/go -m x ;;
    7) mosquitto_pub -p 18832 -u nobody$(r 50) -P x -t a -m b ;;
    8) mosquitto_pub -p 18832 -u bob -P builder -q 1 -t "sensors/denied" -m "$RANDOM" ;;
    9) id="dup-$(r 3)"; timeout $((1 + $(r 3))) mosquitto_sub -p 18831 -t "alerts" -i "$id" >/dev/null &
       sleep 0.3; timeout 1 mosquitto_sub -p 18831 -t "alerts" -i "$id" >/dev/null & ;;
    10) timeout 3 mosquitto_sub -p 18831 -k $((5 + $(r 20))) -t "status/#" --will-topic "status/gone" --will-payload bye -i "will-$RANDOM" >/dev/null &
        sleep 0.5 ;;
    11) printf '\x10\xff\xff\xff\xff\x7f garbage %s' $RANDOM | timeout 1 python3 -c "import socket,sys; s=socket.create_connection(('127.0.0.1',18831)); s.sendall(sys.stdin.buffer.read()); s.recv(10)" 2>/dev/null
        [ $(r 5) = 0 ] && kill -HUP $BROKER ;;
  esac
  sleep 0.$((4 + $(r 6)))
done
sleep 3; kill $BROKER; wait $BROKER 2>/dev/null
