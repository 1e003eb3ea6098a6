#!/bin/bash
# Round-13 corpus workload: Suricata 7.0.10 (Debian 12 bookworm-backports package) engine log
# suricata.log (its default file output, level raised to "perf"; runs with -vv). Randomised pcaps
# written by genpcaps.py (scapy), rule files with good and broken rules, offline -r runs (files,
# a directory, missing, empty, garbage and truncated pcaps), unix-socket sessions (pcap-file,
# reload-rules and other suricatasc commands), live capture on lo (af-packet and libpcap) with
# traffic to 127.0.0.1:22401, USR2 rule reloads, -T config tests, a broken YAML, a stale pidfile.
# Run as root on Debian 12: bash workload.sh [OUT_DIR] [DURATION_SECONDS]
# (needs bookworm-backports for suricata; writes OUT_DIR/suricata.log)
set -u
OUT=${1:-/work/round13/suricata}; DURATION=${2:-240}
HERE=$(cd "$(dirname "$0")" && pwd)
if ! command -v suricata >/dev/null; then
  echo "deb http://deb.debian.org/debian bookworm-backports main" > /etc/apt/sources.list.d/bpo.list
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y -t bookworm-backports suricata python3-scapy
fi
W=/tmp/r13su; rm -rf "$W"; mkdir -p "$W"/{log,rules,pcaps,out} "$OUT"; cd "$W"
LOG=$W/log/suricata.log
r() { echo $((RANDOM % $1)); }
/usr/bin/python3 "$HERE/genpcaps.py" "$W/pcaps" 16
head -c $((200 + $(r 3000))) /dev/urandom > "$W/pcaps/garbage.pcap"
: > "$W/pcaps/empty.pcap"
f=$(ls "$W"/pcaps/capture-*.pcap | shuf -n1); head -c $(( $(stat -c %s "$f") * 2 / 3 )) "$f" > "$W/pcaps/truncated.pcap"
mkdir -p "$W/pcapdir"; cp $(ls "$W"/pcaps/capture-*.pcap | shuf -n 4) "$W/pcapdir/"

# config: the Debian suricata.yaml with private paths, file log at level perf, no console spam
sed -e "s#^default-rule-path:.*#default-rule-path: $W/rules#" \
    -e "s#^\#\?default-log-dir:.*#default-log-dir: $W/log#" \
    -e "s#^  - suricata.rules#  - suricata.rules\n  - local.rules\n  - extra-*.rules#" \
    -e '/^  - file:/,/filename:/s/level: info/level: perf/' \
    /etc/suricata/suricata.yaml > "$W/suricata.yaml"
sed -e 's/^vars:/vars:\n  bad: [unclosed/' "$W/suricata.yaml" > "$W/broken.yaml"

GOOD=(
'alert http any any -> any any (msg:"LOCAL admin login"; http.uri; content:"/admin/login"; sid:SID; rev:1;)'
'alert http any any -> any any (msg:"LOCAL sqlmap UA"; http.user_agent; content:"sqlmap"; nocase; classtype:web-application-attack; sid:SID; rev:2;)'
'alert http any any -> any any (msg:"LOCAL passwd"; http.uri; content:"/etc/passwd"; classtype:attempted-recon; sid:SID; rev:1;)'
'alert dns any any -> any any (msg:"LOCAL evil dns"; dns.query; content:"evil.biz"; sid:SID; rev:1;)'
'alert tcp any any -> any 22 (msg:"LOCAL ssh"; flow:to_server,established; content:"SSH-"; depth:4; flowbits:set,ssh.seen; sid:SID;)'
'alert tcp any any -> any 22 (msg:"LOCAL ssh checked"; flowbits:isset,FLOWBIT; sid:SID;)'
'alert icmp any any -> any any (msg:"LOCAL ping"; itype:8; threshold: type limit, track by_src, count 1, seconds 60; sid:SID;)'
'alert tls any any -> any any (msg:"LOCAL tls"; tls.sni; content:"example"; sid:SID;)'
'alert ftp any any -> any any (msg:"LOCAL ftp retr"; content:"RETR"; sid:SID;)'
'alert tcp any any -> any 25 (msg:"LOCAL smtp rcpt root"; flow:established,to_server; content:"RCPT TO:<root@"; sid:SID;)'
'drop tcp any any -> any 8080 (msg:"LOCAL drop 8080"; sid:SID;)'
'alert udp any any -> any 53 (msg:"LOCAL dns raw"; dsize:<10; sid:SID;)'
'alert http any any -> any 22401 (msg:"LOCAL lo app"; http.uri; content:"/secret"; sid:SID;)'
'alert ip any any -> any any (msg:"LOCAL ttl zero"; ttl:0; sid:SID;)'
)
BAD=(
'alert tcp any any -> any any (msg:"bad pcre"; pcre:"/(unclosed/"; sid:SID;)'
'alert tcp any any -> any any (msg:"bad class"; classtype:CLASS; sid:SID;)'
'alert tcp any any -> any any (msg:"no sid";)'
'alert tcp $NO_SUCH_NET any -> any any (msg:"undefined var"; sid:SID;)'
'alert tcp any PORT -> any any (msg:"bad port"; sid:SID;)'
'alert PROTO any any -> any any (msg:"bad proto"; sid:SID;)'
'alert tcp any any -> any any (msg:"no semicolon"; sid:SID)'
'alert tcp any any -> any any (msg:"bad hex"; content:"|zz|"; sid:SID;)'
'alert tcp any any -> any any (msg:"typo"; KEYWORD:"x"; sid:SID;)'
'alert tcp any any -> any any (msg:"depth"; content:"abc"; depth:0; sid:SID;)'
'alert tcp any any -> any any (msg:"bad rev"; rev:abc; sid:SID;)'
'alert tcp 300.1.2.3 any -> any any (msg:"bad ip"; sid:SID;)'
'alert tcp any any -> any any (msg:"bad flow"; flow:sideways; sid:SID;)'
'alert http any any -> any any (msg:"empty buf"; http.uri; sid:SID;)'
'alert tcp any any -> any any (msg:"bad threshold"; threshold: type often, track by_src, count 1, seconds 60; sid:SID;)'
'alert tcp any any -> any any (msg:"bad byte_test"; byte_test:50,>,1,0; sid:SID;)'
'alert tcp any any -> any any (msg:"bad dsize"; dsize:>abc; sid:SID;)'
'alert tcp any any -> any any (msg:"bad priority"; priority:999; sid:SID;)'
'alert tcp any any -> any any (msg:"bad isdataat"; isdataat:!; sid:SID;)'
'alert tcp any any -> any any (msg:"flowint"; flowint:cnt,xx,1; sid:SID;)'
'foo tcp any any -> any any (msg:"bad action"; sid:SID;)'
)
write_rules() {  # fresh random rule files, good and bad
  local sid=$((1000000 + $(r 9000) * 100)) line
  : > "$W/rules/suricata.rules"; : > "$W/rules/local.rules"; rm -f "$W"/rules/extra-*.rules
  for line in "${GOOD[@]}"; do
    [ $(r 4) = 0 ] && continue
    sid=$((sid + 1 + $(r 3)))
    echo "$line" | sed -e "s/SID/$sid/" -e "s/FLOWBIT/$(shuf -n1 -e ssh.seen never.set bit$(r 99))/" >> "$W/rules/suricata.rules"
  done
  for i in $(seq $(r 6)); do
    line=${BAD[$(r ${#BAD[@]})]}; sid=$((sid + 1))
    [ $(r 5) = 0 ] && sid=$((sid - 1))   # duplicate sid
    echo "$line" | sed -e "s/SID/$sid/" -e "s/CLASS/$(shuf -n1 -e no-such-class bogus$(r 99) trojan)/" \
      -e "s/PORT/$(shuf -n1 -e -- 99999 70000 -5 abc)/" -e "s/PROTO/$(shuf -n1 -e foo http3 gopher)/" \
      -e "s/KEYWORD/$(shuf -n1 -e contnt cotent msgg sids)/" >> "$W/rules/local.rules"
  done
  [ $(r 2) = 0 ] && echo '# nothing here' > "$W/rules/extra-$(r 9).rules"
  [ $(r 3) = 0 ] && rm -f "$W/rules/local.rules"
  return 0
}

PIDF=$W/suricata.pid
opts() {  # random runtime options
  local o=(-vv -c "$W/suricata.yaml" --pidfile "$PIDF")
  [ $(r 3) = 0 ] && o+=(-k none)
  [ $(r 3) = 0 ] && o+=(--set "detect.profile=$(shuf -n1 -e low medium high)")
  [ $(r 4) = 0 ] && o+=(--set "flow.memcap=$((32 + $(r 64)))mb")
  [ $(r 4) = 0 ] && o+=(--set "app-layer.protocols.$(shuf -n1 -e smb ftp tls ssh).enabled=no")
  echo "${o[@]}"
}
wait_pid() { for i in $(seq 40); do kill -0 "$1" 2>/dev/null || return; sleep 0.5; done; kill -9 "$1" 2>/dev/null; }

offline_run() {
  local f
  case $(r 40) in   # unreadable pcaps are rare: the engine waits 60 s for its reader thread
    0|1|2|3) f=$W/pcapdir ;; 4|5|6) f=$W/pcaps/missing-$(r 99).pcap ;; 7) f=$W/pcaps/garbage.pcap ;;
    8) f=$W/pcaps/empty.pcap ;; 9|10|11) f=$W/pcaps/truncated.pcap ;;
    *) f=$(ls "$W"/pcaps/capture-*.pcap | shuf -n1) ;;
  esac
  write_rules
  rm -f "$PIDF"
  timeout 75 suricata $(opts) --runmode "$(shuf -n1 -e autofp single autofp)" -r "$f" -l "$W/log" >/dev/null 2>&1
}

SOCK=$W/cmd.sock
sc() { timeout 10 suricatasc -c "$*" "$SOCK" >/dev/null 2>&1; }
socket_session() {
  write_rules; rm -f "$PIDF"
  suricata $(opts) --unix-socket="$SOCK" >/dev/null 2>&1 & local P=$!
  sleep 4
  for i in $(seq $((4 + $(r 8)))); do
    case $(r 14) in
      0|1|2|3) sc pcap-file "$(ls "$W"/pcaps/capture-*.pcap | shuf -n1)" "$W/out" ;;
      4) sc pcap-file "$W/pcaps/nope-$(r 99).pcap" "$W/out" ;;
      5) write_rules; sc reload-rules ;;
      6) write_rules; sc ruleset-reload-nonblocking; sleep 2 ;;
      7) sc ruleset-stats; sc ruleset-failed-rules ;;
      8) sc memcap-set "$(shuf -n1 -e stream flow defrag host)" "$(shuf -n1 -e 64mb 128mb 1gb abc 0)"; sc memcap-list ;;
      9) sc add-hostbit "10.0.$(r 9).$(r 250)" "bit$(r 20)" $((10 + $(r 300))); sc list-hostbit "10.0.$(r 9).$(r 250)" ;;
      10) sc reopen-log-files; sc uptime ;;
      11) sc iface-stat lo; sc iface-list ;;
      12) sc pcap-file "$(ls "$W"/pcaps/capture-*.pcap | shuf -n1)" "$W/out" "$(r 3)" ;;
      13) sc pcap-interrupt ;;
    esac
    sleep 0.$((2 + $(r 7)))
  done
  sleep 2; sc shutdown; wait_pid $P; wait $P 2>/dev/null
}

live_run() {
  write_rules; rm -f "$PIDF"
  local mode=(--af-packet=lo); [ $(r 3) = 0 ] && mode=(--pcap=lo)
  python3 -m http.server 22401 --bind 127.0.0.1 --directory "$W/pcapdir" >/dev/null 2>&1 & local H=$!
  suricata $(opts) "${mode[@]}" >/dev/null 2>&1 & local P=$!
  sleep 5
  local t=$((SECONDS + 15 + $(r 20)))
  while [ $SECONDS -lt $t ]; do
    curl -s -m 2 -A "$(shuf -n1 -e curl/7.88 sqlmap/1.7 Mozilla/5.0)" "http://127.0.0.1:22401/$(shuf -n1 -e secret admin/login etc/passwd index.html x$(r 999))" >/dev/null
    [ $(r 8) = 0 ] && { write_rules; kill -USR2 $P 2>/dev/null; sleep 2; }
    [ $(r 15) = 0 ] && kill -HUP $P 2>/dev/null
    sleep 0.$((3 + $(r 6)))
  done
  kill -$(shuf -n1 -e TERM INT) $P; wait_pid $P; wait $P 2>/dev/null
  kill $H; wait $H 2>/dev/null
}

misc_run() {
  rm -f "$PIDF"
  case $(r 4) in
    0) write_rules; suricata -T $(opts) >/dev/null 2>&1 ;;
    1) suricata -vv -c "$W/broken.yaml" -T >/dev/null 2>&1 ;;
    2) echo 999999 > "$PIDF"; suricata $(opts) -r "$(ls "$W"/pcaps/capture-*.pcap | shuf -n1)" -l "$W/log" >/dev/null 2>&1 ;;
    3) write_rules; suricata $(opts) -S "$W/rules/local.rules" -r "$(ls "$W"/pcaps/capture-*.pcap | shuf -n1)" -l "$W/log" >/dev/null 2>&1 ;;
  esac
  rm -f "$PIDF"
}

END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  case $(r 8) in
    0|1|2) offline_run ;; 3|4) socket_session ;; 5) live_run ;; *) misc_run ;;
  esac
done
cp "$LOG" "$OUT/suricata.log"
rm -f core core.*
