#!/bin/bash
# swaks workload: runs swaks many times against fake SMTP peers (fakesmtp.py) inside private
# network + mount namespaces; all output (stdout+stderr) appended to swaks.raw, then cut to swaks.log
D=/work/round44/swaks
T=/tmp/round44-r44f/swaks
if [ -z "$R44F_INNS" ]; then
  cd "$D" || exit 1
  mkdir -p "$T"
  exec unshare -m -n env R44F_INNS=1 /bin/bash "$D/workload.sh" "$@"
fi
set -m
cd "$D" || exit 1
mount --make-rprivate /
mount --bind /tmp/round44-r44f /mnt
mount -t tmpfs tmpfs /tmp
mkdir -p /tmp/round44-r44f
mount --bind /mnt /tmp/round44-r44f
mount -t tmpfs tmpfs /var/tmp
ip link set lo up
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config XDG_DATA_HOME=$T/xdg/data XDG_CACHE_HOME=$T/xdg/cache XDG_RUNTIME_DIR=$T/xdg/run
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_DATA_HOME $XDG_CACHE_HOME $XDG_RUNTIME_DIR
RUNS=${RUNS:-150}
RAW=$T/swaks.raw
: > "$RAW"
openssl req -x509 -newkey rsa:2048 -nodes -keyout $T/key.pem -out $T/cert.pem -days 2 -subj "/CN=fake.test/O=R44F Test" >/dev/null 2>&1
/usr/bin/python3 $D/fakesmtp.py $T/cert.pem $T/key.pem 48500 >/dev/null 2>&1 & SRV=$!
sleep 1
B=48500
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
users=(alice alice alice bob mallory)
rcpts=(user1@example.test user2@example.test nobody@example.test full@example.test ops@example.test)
froms=(sender@example.test alerts@example.test spam@bad.test noreply@example.test)
for i in $(seq 1 $RUNS); do
  to=$(pick "${rcpts[@]}" user1@example.test user1@example.test)
  (( RANDOM % 4 == 0 )) && to="$to,$(pick "${rcpts[@]}")"
  from=$(pick "${froms[@]}" sender@example.test sender@example.test)
  args=(--to "$to" --from "$from" --server 127.0.0.1)
  (( RANDOM % 3 == 0 )) && args+=(--helo "client$((RANDOM%9)).example.test")
  (( RANDOM % 5 == 0 )) && args+=(--add-header "X-Run: $i")
  args+=(--suppress-data)
  (( RANDOM % 5 == 0 )) && args+=(--show-time-lapse $(pick "" i))
  (( RANDOM % 3 == 0 )) && args+=(--pipeline)
  (( RANDOM % 12 == 0 )) && args+=(--hide-informational)
  (( RANDOM % 15 == 0 )) && args+=(--silent $(pick 1 2))
  r=$((RANDOM % 100))
  if   (( r < 30 )); then args+=(--port $((B+0)))
  elif (( r < 40 )); then args+=(--port $((B+0)) -tls)
  elif (( r < 52 )); then args+=(--port $((B+$(pick 0 0 9))) $(pick -tls -tlso "") --auth $(pick LOGIN PLAIN CRAM-MD5 LOGIN) --auth-user $(pick "${users[@]}") --auth-password $(pick secret secret wrong))
                         (( RANDOM % 3 == 0 )) && args+=(--auth-plaintext)
                         (( RANDOM % 4 == 0 )) && args+=(--auth-hide-password)
  elif (( r < 56 )); then args+=(--port $((B+1)) -tlsc)
  elif (( r < 60 )); then args+=(--port $((B+2)))
  elif (( r < 66 )); then args+=(--port $((B+3)))
  elif (( r < 69 )); then args+=(--port $((B+4)) --timeout 2s)
  elif (( r < 73 )); then args+=(--port $((B+5)) $(pick "" "" -tls))
                         (( RANDOM % 3 == 0 )) && args+=(--protocol SMTP)
                         (( RANDOM % 4 == 0 )) && args+=(--auth LOGIN --auth-user alice --auth-password secret)
  elif (( r < 77 )); then args+=(--port $((B+6)))
  elif (( r < 79 )); then args+=(--port $((B+7)) --protocol LMTP)
  elif (( r < 82 )); then args+=(--port $((B+8)) $(pick "" -tls))
  elif (( r < 86 )); then args+=(--port $((B+0)) --quit-after $(pick connect first-helo helo tls auth mail rcpt))
  elif (( r < 89 )); then args+=(--port $((B+0)) --drop-after $(pick connect first-helo helo mail rcpt data dot))
  elif (( r < 91 )); then args+=(--port $((B+$(pick 0 0 5))) --xclient-name "host$((RANDOM%50)).example.test" --xclient-addr 192.0.2.$((RANDOM%250)) $(pick "" --xclient-optional))
  elif (( r < 92 )); then args+=(--port $((B+0)) --timeout $(pick 5x soon))
  elif (( r < 93 )); then args+=(--port $((B+0)) --protocol $(pick FOO ESMTPX))
  elif (( r < 94 )); then args+=(--port $((B+0)) -4 -6)
  elif (( r < 95 )); then args+=(--socket $T/no-such-$((RANDOM%9)).sock)
  elif (( r < 96 )); then args+=(--port $((B+0)) --body @$T/missing-body-$((RANDOM%9)).txt)
  elif (( r < 97 )); then args+=(--port $((B+0)) --$(pick frobnicate tls-cipher-list))
  elif (( r < 98 )); then args+=(--port $((B+5)) -tls -tlso)
  else                    args+=(--port $((B+0)) --auth $(pick NTLM DIGEST-MD5) --auth-user alice --auth-password secret)
  fi
  timeout 30 /usr/bin/swaks "${args[@]}" < /dev/null >> "$RAW" 2>&1
done
kill $SRV; wait $SRV 2>/dev/null
sed -n '1,2500p' "$RAW" > $D/swaks.log
rm -f $T/key.pem $T/cert.pem
