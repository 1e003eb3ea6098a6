#!/bin/bash
# SNMP exporter workload: private snmpd on udp 127.0.0.1:49600, exporter (--log.level=debug) on
# 127.0.0.1:49700, its stderr appended to snmpexporter.log; random scrapes, failures, reloads, restarts.
set -u
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round37-r37h/snmpexporter; mkdir -p "$T/persist"
LOG=$D/snmpexporter.log; : > "$LOG"
CONF=$T/snmp.yml; cp "$D/snmp.yml" "$CONF"
URL=http://127.0.0.1:49700

start_snmpd() {
  SNMP_PERSISTENT_DIR=$T/persist snmpd -f -C -c "$D/snmpd.conf" -M /nonexistent -Lf "$T/snmpd.log" -p "$T/snmpd.pid" &
  SNMPD=$!; sleep 1
}
start_exporter() {
  prometheus-snmp-exporter --config.file="$CONF" --log.level=debug --web.listen-address=127.0.0.1:49700 2>> "$LOG" &
  EXP=$!; echo $EXP > "$T/exporter.pid"; sleep 1
}
scrape() { curl -s -o /dev/null "$@"; }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }

break_config() {
  case $((RANDOM%4)) in
    0) printf 'system:\n  version: 2\n  walk: [1.3.6.1.2.1.1\n' > "$CONF" ;;
    1) sed 's/max_repetitions: 10/max_repeats: 10/' "$D/snmp.yml" > "$CONF" ;;
    2) rm -f "$CONF" ;;
    3) sed 's/version: 1$/version: 7/' "$D/snmp.yml" > "$CONF" ;;
  esac
}

start_snmpd
start_exporter
for i in $(seq 1 ${ROUNDS:-450}); do
  r=$((RANDOM % 100))
  if   ((r < 30)); then scrape "$URL/snmp?target=127.0.0.1:49600&module=$(pick system if_mib if_mib system v3_ok odd_types system_v1 system_missing)"
  elif ((r < 35)); then scrape "$URL/snmp?target=127.0.0.1:49600"
  elif ((r < 42)); then scrape "$URL/snmp?target=127.0.0.1:49600&module=$(pick wrong_community v3_badpass v3_nouser v3_badpass)"
  elif ((r < 47)); then scrape "$URL/snmp?target=$(pick '[::1]:49600' 127.0.0.1:49601 127.0.0.1:49613 127.0.0.1:snmp2 127.0.0.1:115137 127.0.0.1:0x49600)&module=$(pick system if_mib v3_ok)"
  elif ((r < 50)); then scrape -m 0.$((RANDOM%6+2)) "$URL/snmp?target=127.0.0.1:49600&module=wrong_community"
  elif ((r < 54)); then scrape "$URL/snmp?module=system"; scrape "$URL/snmp?target=127.0.0.1:49600&module=$(pick nosuch ifmib IF-MIB)"
  elif ((r < 58)); then scrape "$URL/config"; scrape "$URL/metrics"; scrape "$URL/"
  elif ((r < 63)); then
    if ((RANDOM%3==0)); then break_config; fi
    if ((RANDOM%2)); then curl -s -o /dev/null -X POST "$URL/-/reload"; else kill -HUP $EXP; sleep 0.3; fi
    ((RANDOM%2)) && curl -s -o /dev/null "$URL/-/reload"
    cp "$D/snmp.yml" "$CONF"
  elif ((r < 66)); then
    kill -TERM $SNMPD; wait $SNMPD 2>/dev/null
    for j in $(seq 1 $((RANDOM%4+1))); do scrape "$URL/snmp?target=127.0.0.1:49600&module=$(pick system if_mib v3_ok)"; done
    start_snmpd
  elif ((r < 69)); then
    kill -TERM $EXP; wait $EXP 2>/dev/null
    case $((RANDOM%4)) in
      0) break_config; prometheus-snmp-exporter --config.file="$CONF" --log.level=debug --web.listen-address=127.0.0.1:49700 2>> "$LOG"; cp "$D/snmp.yml" "$CONF" ;;
      1) prometheus-snmp-exporter --config.file="$CONF" --log.level=debug --dry-run 2>> "$LOG" ;;
    esac
    start_exporter
    if ((RANDOM%3==0)); then prometheus-snmp-exporter --config.file="$CONF" --log.level=debug --web.listen-address=127.0.0.1:49700 2>> "$LOG"; fi
  else sleep 0.$((RANDOM%5))
  fi
done
kill -TERM $EXP $SNMPD; wait 2>/dev/null
rm -rf "$T"
