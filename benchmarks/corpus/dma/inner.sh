#!/bin/bash
# Runs inside a private mount namespace (see workload.sh): private /dev with our own /dev/log
# (private rsyslogd), our dma.conf bound over /etc/dma/dma.conf, our mail dir over /var/mail.
D=$(cd "$(dirname "$0")" && pwd); R=$D/run; LOG=$D/dma.log
PY=/usr/bin/python3
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
PIDS=$R/pids
PGIDS=$R/pgids

mkdir -p $R/olddev
mount --bind /dev $R/olddev
mount -t tmpfs -o mode=755 tmpfs /dev
for n in null zero random urandom tty full; do touch /dev/$n; mount --bind $R/olddev/$n /dev/$n; done
ln -s /proc/self/fd /dev/fd; ln -s /proc/self/fd/0 /dev/stdin; ln -s /proc/self/fd/1 /dev/stdout; ln -s /proc/self/fd/2 /dev/stderr
mkdir -p /dev/shm /dev/pts
mount --bind $R/dma.conf /etc/dma/dma.conf
mount --bind $R/mail /var/mail

cat > $R/rsyslog.conf <<C
global(workDirectory="$R")
module(load="imuxsock" SysSock.Name="/dev/log")
:programname, startswith, "dma" $LOG
C
rsyslogd -f $R/rsyslog.conf -i $R/rsyslogd.pid
sleep 1

# SMTP servers
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=mail.test -keyout $R/srv.pem -out $R/srv.crt 2>/dev/null
cat $R/srv.crt >> $R/srv.pem
bg() { "$@" & echo $! >> $PIDS; }
bg $PY $D/smtpd.py 18200 good
bg $PY $D/smtpd.py 18201 greet421
bg $PY $D/smtpd.py 18202 auth
bg $PY $D/smtpd.py 18203 garbage
bg $PY $D/smtpd.py 18205 tls $R/srv.pem
bg $PY $D/smtpd.py 18206 greet554
bg $PY $D/smtpd.py 18207 noehlo
bg $PY $D/smtpd.py 18208 badquit
sleep 1

conf() { # write the config in place (bind-mounted file keeps its inode)
  { echo "SPOOLDIR $R/spool"; echo "ALIASES $R/aliases"; echo "MAILNAME mail.example.net"; printf '%s\n' "$@"; } > $R/dma.conf
}
send() { # [bg] from rcpts... ; mail body from generator
  local b=0; [ "$1" = bg ] && { b=1; shift; }
  local from=$1; shift
  local hdr=$(pick "" "" "" "" "" "X-Test: reject-data" "X-Test: defer-data")
  [ -n "$FORCEHDR" ] && hdr=$FORCEHDR
  local body="Subject: test $RANDOM
From: $from
To: $*
$hdr

Hello number $RANDOM.
.leading dot line
$(head -c $((20 + $(r 400))) /dev/urandom | base64)
"
  # timeout leads its own process group: killing -PGID at the end also ends dma's forked children
  printf '%s' "$body" | timeout $([ $b = 1 ] && echo 90 || echo 4) dma -D -f "$from" "$@" &
  local p=$!; echo $p >> $PGIDS
  [ $b = 1 ] || wait $p
}
rcpt() { pick user$(r 50)@example.org someone@example.com nosuch$(r 9)@example.org root team postgres nosuchlocal$(r 5) "full@example.org" greylist@example.net; }
sender() { pick alice@example.org bob@example.com root@localhost spammer@bad.example "" postmaster; }

# wrong invocations
dma -z 2>/dev/null; dma -bp -q 2>/dev/null; dma -q x@y 2>/dev/null

# 1: good smarthost, mixed recipients
conf "SMARTHOST 127.0.0.1" "PORT 18200"
for i in $(seq 1 $((12 + $(r 6)))); do
  send "$(sender)" $(rcpt) $( (( RANDOM % 3 == 0 )) && rcpt) 2>/dev/null
done
# masquerade and fullbounce
conf "SMARTHOST 127.0.0.1" "PORT 18200" "MASQUERADE $(pick robot@ example.net staff@corp.example)" "FULLBOUNCE"
for i in $(seq 1 8); do send "$(sender)" $(rcpt) 2>/dev/null; done

# 2: temporary failures, retried after a queue flush
conf "SMARTHOST 127.0.0.1" "PORT 18200"
for i in 1 2 3; do send bg alice@example.org greylist@example.net 2>/dev/null; done
FORCEHDR="X-Test: defer-data" send bg bob@example.com user1@example.org 2>/dev/null
sleep 2
timeout 60 dma -D -q 2>/dev/null & echo $! >> $PGIDS
sleep 35

# 3: servers that refuse or misbehave
for port in 18201 18206 18203 18204 18207 18208; do
  conf "SMARTHOST 127.0.0.1" "PORT $port"
  for i in $(seq 1 $((2 + $(r 3)))); do send bg "$(sender)" user$(r 9)@example.org 2>/dev/null; done
  sleep 2
done

# 4: authentication
echo "alice|127.0.0.1:wonderland" > $R/auth.good
echo "alice|127.0.0.1:badpass" > $R/auth.bad
printf 'this is not an auth line\n' > $R/auth.broken
for a in good bad good good bad; do
  conf "SMARTHOST 127.0.0.1" "PORT 18202" "AUTHPATH $R/auth.$a" "$(pick INSECURE INSECURE '')"
  for i in 1 2 3; do send "$(sender)" user$(r 9)@example.org 2>/dev/null; done
done
conf "SMARTHOST 127.0.0.1" "PORT 18202" "AUTHPATH $R/auth.broken"
send alice@example.org user1@example.org 2>/dev/null
conf "SMARTHOST 127.0.0.1" "PORT 18202" "AUTHPATH $R/no-such-auth-file"
send alice@example.org user1@example.org 2>/dev/null

# 5: TLS
for c in "STARTTLS" "STARTTLS|OPPORTUNISTIC_TLS" "STARTTLS|FINGERPRINT 00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff" "CERTFILE $R/srv.pem" "CERTFILE $R/nonexistent.pem"; do
  IFS='|' read -r -a extra <<< "$c"
  conf "SMARTHOST 127.0.0.1" "PORT 18205" "SECURETRANSFER" "${extra[@]}"
  for i in 1 2; do send "$(sender)" user$(r 9)@example.org 2>/dev/null; done
done
conf "SMARTHOST 127.0.0.1" "PORT 18200" "SECURETRANSFER" "STARTTLS"
send bg alice@example.org user2@example.org 2>/dev/null
conf "SMARTHOST 127.0.0.1" "PORT 18200" "SECURETRANSFER" "STARTTLS" "OPPORTUNISTIC_TLS"
send alice@example.org user3@example.org 2>/dev/null
conf "SMARTHOST 127.0.0.1" "PORT 18200" "SECURETRANSFER"
send bg alice@example.org user4@example.org 2>/dev/null
sleep 2

# 6: deferred mode, queue listing and flush
conf "SMARTHOST 127.0.0.1" "PORT 18200" "DEFER"
for i in $(seq 1 $((6 + $(r 6)))); do send "$(sender)" $(rcpt) 2>/dev/null; done
dma -bp >/dev/null 2>&1
conf "SMARTHOST 127.0.0.1" "PORT 18200"
timeout 60 dma -D -q 2>/dev/null & echo $! >> $PGIDS
sleep 4

# 7: configuration errors
conf "NULLCLIENT"
send alice@example.org user1@example.org 2>/dev/null
conf "SMARTHOST 127.0.0.1" "PORT 18200" "THIS_IS_NOT_AN_OPTION yes"
send alice@example.org user1@example.org 2>/dev/null
printf 'team: alice@example.org, bob@example.org\npostmaster root\n' > $R/aliases.bad
conf "SMARTHOST 127.0.0.1" "PORT 18200"
sed "s|ALIASES .*|ALIASES $R/aliases.bad|" $R/dma.conf > $R/dma.conf.tmp; cat $R/dma.conf.tmp > $R/dma.conf   # keep the inode (bind mount)
send alice@example.org root 2>/dev/null
conf "SMARTHOST 127.0.0.1" "PORT 18200" "NULLCLIENT"
for i in 1 2 3; do send "$(sender)" $(rcpt) 2>/dev/null; done

# fingerprint checks, a wrong-length fingerprint, bad certificate file, implicit TLS to a plain server
srvfp=$(openssl x509 -in $R/srv.crt -noout -fingerprint -sha256 | sed 's/.*=//; s/://g')
for fp in "$srvfp" 0011223344556677889900112233445566778899001122334455667788990011 abcd; do
  conf "SMARTHOST 127.0.0.1" "PORT 18205" "SECURETRANSFER" "STARTTLS" "FINGERPRINT $fp"
  send alice@example.org user$(r 9)@example.org 2>/dev/null
done
conf "SMARTHOST 127.0.0.1" "PORT 18200" "SECURETRANSFER"
send alice@example.org user5@example.org 2>/dev/null
# message input problems: no recipients, recipients from headers
conf "SMARTHOST 127.0.0.1" "PORT 18200"
printf 'Subject: none\n\nbody\n' | timeout 4 dma -D -t 2>/dev/null
printf 'Subject: t\nTo: carol@example.org, root\nCc: dave@example.com\n\nbody\n' | timeout 4 dma -D -t -f bob@example.com 2>/dev/null
printf 'Subject: t\n\nbody\n' | timeout 4 dma -D 2>/dev/null
dma -bp >/dev/null 2>&1

# 8: another mixed round
conf "SMARTHOST 127.0.0.1" "PORT 18200"
for i in $(seq 1 $((10 + $(r 6)))); do
  send "$(sender)" $(rcpt) 2>/dev/null
done
timeout 60 dma -D -q 2>/dev/null & echo $! >> $PGIDS
sleep 3

for p in $(cat $PGIDS); do kill -- -$p 2>/dev/null; kill $p 2>/dev/null; done
for p in $(cat $PIDS); do kill $p 2>/dev/null; done
sleep 1
kill $(cat $R/rsyslogd.pid)
sleep 1
