#!/bin/bash
# Randomised workload for postfwd2 (Debian package postfwd), policy protocol spoken directly.
# postfwd2 only logs to syslog: it runs in a private mount namespace (nsrun.sh) whose /dev/log is
# the socket of our own rsyslogd; its DNS lookups go to our fake DNS server (peers.py).
D=/work/round28/postfwd
cd "$D" || exit 1
W=$D/w
PIDS=$D/pids.txt
rm -rf "$W" raw.log rsys client.out; mkdir -p "$W" rsys; chmod 777 "$W"
: > "$PIDS"
PF=/usr/sbin/postfwd2
PORT=54045
PIDF=$W/postfwd2.pid
CSOCK=$W/cache.sock
# inside the namespace /etc/resolv.conf is replaced by ours: fake DNS server on 127.0.0.1:54053
printf 'nameserver 127.0.0.1\noptions port:54053 timeout:2 attempts:1\n' > "$W/resolv.conf"
export NSBINDS="$W/resolv.conf:/etc/resolv.conf"

cat > rsyslog.conf <<EOC
global(workDirectory="$D/rsys")
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$D/log.sock" RateLimit.Interval="0")
mail.*;daemon.* action(type="omfile" file="$D/raw.log")
EOC
rsyslogd -f rsyslog.conf -i "$D/rsys/rsyslogd.pid"; sleep 1
echo "rsyslogd $(cat $D/rsys/rsyslogd.pid)" >> "$PIDS"
/usr/bin/python3 "$D/peers.py" >> client.out 2>&1 & PEERS=$!; echo "peers $PEERS" >> "$PIDS"
sleep 0.5

r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$(r ${#a[@]})]}"; }
cl() { /usr/bin/python3 "$D/pfclient.py" 127.0.0.1 $PORT "$@" >> client.out 2>&1; }
ns() { "$D/nsrun.sh" "$D/log.sock" "$@"; }

printf '127.0.0.7 ok\n# trusted relays\n127.0.0.8 ok\n10.1.2.4 ok\n' > "$W/clients.tbl"
printf 'info@mail.test\nnews@spammer.test\n' > "$W/senders.lst"
cat > "$W/plugins.pl" <<'EOP'
# postfwd2 plugin: one extra item, one compare override, one action
%postfwd_items_plugin = (
	"client_class" => sub { my(%request) = @_; my(%result) = ();
		$result{client_class} = ($request{client_address} =~ /^127\./) ? 'loopback' : 'remote';
		return %result; },
);
%postfwd_compare_plugin = (
	"size" => sub { return &{$postfwd_compare{numeric}}(@_); },
);
%postfwd_actions_plugin = (
	"note" => sub { my($index,$now,$mycmd,$myarg,$myline,%request) = @_;
		log_info ("[RULES] ".$myline." - note: ".$myarg) if $myarg;
		return (0,$index,'dunno',$myline,%request); },
);
1;
EOP

BROKEN=(
"this line is not a rule at all"
"id=NOACT; client_address=127.0.0.99"
"client_address=127.0.0.98; action=REJECT rule without id"
"id=DUP1; id=DUP2; sender=dup@example.org; action=DUNNO"
"id=OLD; client_address=127.0.0.97; action=rate(\$\$client_address/5/60/450 old syntax)"
"id=UM; &&UNDEFINED_MACRO; action=OK"
"id=TBLX; client_address=table:$W/no-such-table; action=OK"
"id=FX; sender=file:$W/missing.lst; action=REJECT"
"id=BAD; sender=; action=OK"
"id=CNT; action=rcpt()"
)

SENDMAIL=$D/fakesendmail.sh; MAILPORT=54025
write_rules() {   # write_rules NBROKEN
  {
    echo "# postfwd2 ruleset (generated)"
    echo "&&LOCALNETS { client_address=127.0.0.0/8, 10.1.2.0/24 ; } ;"
    echo "id=G1; sender_localpart=~^(billing|noreply|postmaster)\$; action=jump(ACT1)"
    echo "id=G2; recipient_localpart==info; action=jump(MISC1)"
    echo "id=TBL; client_address=table:$W/clients.tbl; action=OK trusted relay"
    echo "id=RATE1; client_address=127.0.0.3; action=rate(client_address/$((2 + $(r 2)))/120/450 4.7.1 too many from \$\$client_address)"
    echo "id=SIZE1; client_address=127.0.0.4; action=size(client_address/3000000/300/452 4.3.1 size quota exceeded)"
    echo "id=SC1; client_name==unknown; action=score(+3)"
    echo "id=SC2; helo_name=~^(unknown|x|HELO)\$; action=score(2.5)"
    echo "id=BIG; size>$(pick 1000000 10000000 20000000); action=REJECT message too big"
    echo "id=MX1; &&LOCALNETS; sender_mx_names=~example\\.net\$; action=WARN sender has example.net mx"
    echo "id=NS1; sender_ns_addrs=127.0.0.0/24; action=PREPEND X-NS-Local: yes"
    local i; for ((i = 0; i < $1; i++)); do pick "${BROKEN[@]}"; done
    echo "id=END1; action=DUNNO"
    echo "id=ACT1; sender==postmaster@example.org; action=ask(127.0.0.1:54046:^DUNNO)"
    echo "id=ACT2; sender_localpart==postmaster; action=ask(127.0.0.1:$(pick 54046 54047))"
    echo "id=ACT3; sender_localpart==billing; action=mail(127.0.0.1:$MAILPORT/postfwd.test/postfwd@localhost/admin@localhost/billing mail seen/from \$\$sender)"
    echo "id=ACT4; sender_localpart==noreply; action=sendmail($SENDMAIL::postfwd@localhost::admin@localhost::noreply seen::from \$\$sender)"
    echo "id=END2; action=DUNNO"
    echo "id=MISC1; recipient_localpart==info; action=set(seen=1,hits+=2,tag.=x)"
    echo "id=MISC2; seen==1; action=note(info mailbox, hits \$\$hits)"
    echo "id=MISC3; seen==1; sender=lfile:$W/senders.lst; action=REJECT listed sender"
    echo "id=MISC4; seen==1; recipient_count>=2; action=set(hits*=3)"
    echo "id=MISC5; seen==1; action=jump(NOSUCHRULE)"
    echo "id=MISC6; seen==1; sasl_username=~.; action=debug(yes)"
    echo "id=MISC7; seen==1; days=Mon-Sun; months=Jan-Dec; time=00:00:00-23:59:59; date=01.01.2020-31.12.2035; action=score($(pick =1.5 +0.5 lots))"
    echo "id=MISC8; seen==1; protocol_state==VRFY; action=quit(450)"
    echo "id=MISC9; seen==1; protocol_state==DATA; action=wait(1)"
    echo "id=MISC10; seen==1; action=file(/tmp/none)"
    echo "id=MISC11; seen==1; action=frobnicate(now)"
    echo "id=END3; action=DUNNO"
  } > "$W/rules.cf"
}

start_pf() {   # start_pf [extra args]
  ns $PF -vv --summary $((15 + $(r 10))) -f "$W/rules.cf" --server_socket tcp:127.0.0.1:$PORT \
     --cache_socket unix::$CSOCK --pidfile "$PIDF" --watchdog 3 --respawn 1 --failures 3 \
     --min_servers 2 --min_spare_servers 1 --max_spare_servers 3 --max_servers 5 \
     --dns_timeout 2 --save_rates "$W/rates.store" \
     --plugins "$W/plugins.pl" -u nobody -g nogroup "$@" >> client.out 2>&1
  sleep 1.5
  [ -f "$PIDF" ] && echo "postfwd2-master $(cat $PIDF)" >> "$PIDS"
}
stop_pf() {
  if [ -f "$PIDF" ]; then
    if [ $(r 2) -eq 0 ]; then ns $PF -k --pidfile "$PIDF" >> client.out 2>&1; else kill -TERM "$(cat $PIDF)"; fi
  fi
  sleep 1.5
}
reload_pf() {
  if [ $(r 2) -eq 0 ]; then ns $PF --reload --pidfile "$PIDF" >> client.out 2>&1; else kill -HUP "$(cat $PIDF)"; fi
  sleep 0.5
}
cache_pid() { sed -n 's/.*Started cache at pid \([0-9]*\)$/\1/p' raw.log | tail -1; }   # pid our master reported

# 1. one-shot test mode (no daemon), reading a request from stdin
printf 'id=T1; client_name==unknown; action=REJECT unknown client\nid=T2; action=DUNNO\n' > "$W/test.cf"
printf 'request=smtpd_access_policy\nprotocol_state=RCPT\nprotocol_name=ESMTP\nclient_address=127.0.0.3\nclient_name=unknown\nhelo_name=x\nsender=alice@example.org\nrecipient=bob@example.net\nsize=2048\n\n' \
  | ns $PF --nodaemon -vv $(pick "" -n) -f "$W/test.cf" >> client.out 2>&1

write_rules $((1 + $(r 3)))
# 2. bad prefork settings; then a missing ruleset file
ns $PF -vv -f "$W/rules.cf" --server_socket tcp:127.0.0.1:$PORT --cache_socket unix::$CSOCK \
   --pidfile "$PIDF" --min_servers 1 --max_servers 2 -u nobody -g nogroup >> client.out 2>&1
sleep 1.5; [ -f "$PIDF" ] && echo "postfwd2-master $(cat $PIDF)" >> "$PIDS"
stop_pf
ns $PF -vv -f "$W/no-such-rules.cf" --server_socket tcp:127.0.0.1:$PORT --cache_socket unix::$CSOCK \
   --pidfile "$PIDF" --min_servers 1 --min_spare_servers 1 --max_spare_servers 1 --max_servers 2 -u nobody -g nogroup >> client.out 2>&1
sleep 1.5; [ -f "$PIDF" ] && echo "postfwd2-master $(cat $PIDF)" >> "$PIDS"
cl scen 1
stop_pf
# 3. policy port already taken -> the policy server fails, the watchdog gives up
/usr/bin/python3 -c 'import socket,time; s=socket.socket(); s.bind(("127.0.0.1", 54045)); time.sleep(16)' & BLK=$!
echo "portblocker $BLK" >> "$PIDS"
sleep 0.3
start_pf
sleep 12
wait $BLK 2>/dev/null
[ -f "$PIDF" ] && kill -TERM "$(cat $PIDF)" 2>/dev/null; sleep 1; rm -f "$PIDF"

# 4. daemon with the full ruleset, rate limits evaluated early (--fast_limit_evaluation)
start_pf --fast_limit_evaluation
cl burst 127.0.0.3 4
cl twice
cl scen 3 billing,noreply,ask
cl scen 1 mx,ns
cl garbage 2
/usr/bin/python3 "$D/pfclient.py" unix:$CSOCK - cache $((2 + $(r 3))) >> client.out 2>&1

# 5. ruleset edited (sendmail path, mail port changed), reloaded
SENDMAIL=$(pick /usr/sbin/no-sendmail $D/fakesendmail.sh); MAILPORT=$(pick 54026 54025)
write_rules $((2 + $(r 3)))
reload_pf
cl scen 2 info
cl scen 1 ask
cl burst 127.0.0.4 2

# 6. the cache daemon dies; the watchdog respawns it
CP=$(cache_pid); [ -n "$CP" ] && kill -KILL $CP
sleep 4.5
cl scen 1
ns $PF --delcache "$(pick nothing 127.0.0.3)" --cache_socket unix::$CSOCK >> client.out 2>&1
ns $PF --delrate "client_address=127.0.0.$(pick 3 4 250)" --cache_socket unix::$CSOCK >> client.out 2>&1
stop_pf

# 7. restarted without --fast_limit_evaluation
write_rules $(r 3)
start_pf
cl burst 127.0.0.3 3
cl garbage 1
stop_pf

sleep 0.5
kill $PEERS; kill -TERM "$(cat $D/rsys/rsyslogd.pid)"; sleep 0.5
head -n 2500 raw.log > postfwd.log
wc -l raw.log postfwd.log
