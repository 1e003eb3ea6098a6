#!/bin/bash
# Randomised bip workload: local ngircd, bip proxy with several users, clients,
# bad logins, garbage, server deaths, reloads (good and broken config), restarts.
D=$(cd "$(dirname "$0")" && pwd)
cd "$D" || exit 1
W="$D/work"; rm -rf "$W"; mkdir -p "$W/logs" "$W/ircd"
rm -f bip.log
echo $$ > "$W/workload.pid"
hash() { python3 -c 'import hashlib,os,sys; s=os.urandom(4); m=hashlib.md5(s+sys.argv[1].encode()).digest(); print((s+hashlib.md5(s+m).digest()).hex())' "$1"; }
HA=$(hash alicepw); HB=$(hash bobpw); HC=$(hash carolpw)

cat > "$W/ircd/ngircd.conf" <<C
[Global]
Name = irc.local.test
Info = local test server
Listen = 127.0.0.1
Ports = 34101
PidFile = $W/ircd/ngircd.pid
MotdPhrase = "welcome to the local test server"
[Limits]
PingTimeout = 30
PongTimeout = 10
[Options]
DNS = no
Ident = no
PAM = no
[Channel]
Name = #test
Topic = test channel
C

write_bip_conf() { # $1 = variant
cat > "$W/bip.conf" <<C
ip = "127.0.0.1";
port = 34100;
client_side_ssl = false;
log = true;
log_level = 4;
log_root = "$W/logs";
log_system = true;
log_sync_interval = $((RANDOM % 5 + 1));
reconn_timer = 2;
pid_file = "$W/bip.pid";
write_oidentd = false;
network { name = "local"; server { host = "127.0.0.1"; port = 34101; }; };
network { name = "dead"; server { host = "127.0.0.1"; port = 34109; }; };
network { name = "multi"; server { host = "127.0.0.1"; port = 34108; }; server { host = "127.0.0.1"; port = 34101; }; };
network { name = "fake"; server { host = "127.0.0.1"; port = 34107; }; };
user {
  name = "alice"; password = "$HA"; admin = true;
  default_nick = "alice"; default_user = "alice"; default_realname = "Alice";
  backlog = true; backlog_lines = $((RANDOM % 20 + 5)); backlog_always = $(shuf -n1 -e true false);
  connection { name = "local"; network = "local"; follow_nick = true;
    channel { name = "#test"; }; channel { name = "#bip"; }; };
  connection { name = "dead"; network = "dead"; };
  connection { name = "second"; network = "multi"; nick = "alice2"; channel { name = "#dev"; }; };
  connection { name = "sasl"; network = "fake"; nick = "alice3"; sasl_username = "alice"; sasl_password = "secret"; sasl_mechanism = "PLAIN"; };
};
user {
  name = "bob"; password = "$HB";
  default_nick = "bob"; default_user = "bob"; default_realname = "Bob";
  connection { name = "local"; network = "local"; channel { name = "#test"; }; channel { name = "#random"; }; };
};
C
if [ "$1" = extra ]; then cat >> "$W/bip.conf" <<C
user {
  name = "carol"; password = "$HC";
  default_nick = "carol"; default_user = "carol"; default_realname = "Carol";
  connection { name = "local"; network = "local"; channel { name = "#ops"; }; };
};
C
fi
if [ "$1" = broken ]; then case $((RANDOM % 6)) in
  0) echo 'user { name = "dave"; password = ; connection { network = "nowhere" }; ' ;;
  1) echo 'user { name = "dave"; connection { name = "x"; network = "local"; }; };' ;;
  2) echo 'network { name = "empty"; };' ;;
  3) echo 'user { name = "dave"; password = "'$HC'"; colour = "blue"; };' ;;
  4) echo 'user { name = "dave"; password = "'$HC'"; connection { name = "x"; network = "local"; nick = "bad nick!"; }; };' ;;
  5) echo 'port = @@@;' ;;
  esac >> "$W/bip.conf"; fi
if [ "$1" = badnet ]; then echo 'user { name = "erin"; password = "'$HC'"; connection { name = "x"; network = "nosuchnet"; }; };' >> "$W/bip.conf"; fi
}

start_fake() { python3 "$D/fakeirc.py" 34107 34108 >> "$W/fake.out" 2>&1 & FAKE=$!; echo $FAKE > "$W/fake.pid"; sleep 0.5; }
start_ircd() { ngircd -n -f "$W/ircd/ngircd.conf" >> "$W/ircd/ngircd.out" 2>&1 & IRCD=$!; echo $IRCD > "$W/ircd.pid"; sleep 1; }
stop_ircd() { kill "$IRCD" 2>/dev/null; wait "$IRCD" 2>/dev/null; }
start_bip() { bip -f "$W/bip.conf" -s "$W" >> "$W/bip.out" 2>&1; sleep 1; BIPPID=$(cat "$W/bip.pid" 2>/dev/null); echo "bip pid $BIPPID" >&2; }
stop_bip() { [ -n "$BIPPID" ] && kill "$BIPPID" 2>/dev/null; for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$BIPPID" 2>/dev/null || break; sleep 0.5; done; }
alive_bip() { kill -0 "$BIPPID" 2>/dev/null || { echo "bip died, restarting" >&2; rm -f "$W/bip.pid"; write_bip_conf extra; start_bip; sleep 2; }; }
clients() { alive_bip; python3 "$D/client.py" "$1" 2>>"$W/client.err"; }

write_bip_conf base
start_fake
start_ircd
start_bip
sleep 3
# a second instance must refuse to start (pid file)
bip -f "$W/bip.conf" -s "$W" >> "$W/bip.out" 2>&1
clients $((RANDOM % 10 + 15))

for step in $(shuf -e reload_extra reload_broken reload_broken kill_ircd restart_bip reload_badnet parallel reload_base); do
  echo "step $step" >&2
  case $step in
    reload_extra) write_bip_conf extra; kill -HUP "$BIPPID"; sleep 2; clients $((RANDOM % 8 + 8)) ;;
    reload_broken) write_bip_conf broken; kill -HUP "$BIPPID"; sleep 2; clients 5; write_bip_conf extra; alive_bip; kill -HUP "$BIPPID"; sleep 2 ;;
    reload_badnet) write_bip_conf badnet; kill -HUP "$BIPPID"; sleep 2; clients 4; write_bip_conf base; alive_bip; kill -HUP "$BIPPID"; sleep 2 ;;
    kill_ircd) python3 "$D/client.py" 6 2>>"$W/client.err" & CP=$!; sleep 1; stop_ircd; sleep $((RANDOM % 4 + 3)); wait $CP; clients 3; start_ircd; sleep 6; clients $((RANDOM % 6 + 6)) ;;
    reload_base) write_bip_conf base; alive_bip; kill -HUP "$BIPPID"; sleep 2; clients $((RANDOM % 5 + 4)) ;;
    restart_bip) stop_bip; sleep 1; start_bip; sleep 3; clients $((RANDOM % 8 + 8)) ;;
    parallel) for i in 1 2 3; do python3 "$D/client.py" $((RANDOM % 6 + 5)) 2>>"$W/client.err" & eval "CP$i=\$!"; done; wait $CP1 $CP2 $CP3 ;;
  esac
done
clients 10
stop_bip
stop_ircd
kill "$FAKE"; wait "$FAKE" 2>/dev/null
cp "$W/logs/bip.log" "$D/bip.log"
wc -l "$D/bip.log" >&2
