#!/bin/bash
# Round-20 corpus workload: CrowdSec 1.4.6 (Debian 12 package `crowdsec`), agent + local API in one
# process, own log file at log_level debug, acquisition from two local files (syslog auth.log and an
# nginx access log) fed with attack-like and benign lines; cscli decisions, alerts, bouncers and
# machines; bouncer/watcher HTTP calls with good and bad credentials; SIGHUP reloads; SIGTERM stop.
# 127.0.0.1 only (LAPI on 21080, prometheus on 21060). No Central API.
# Run as root: bash workload.sh OUT_DIR     (about 4 minutes; writes OUT_DIR/crowdsec.log)
# Needs: apt-get install crowdsec curl  (if the postinst fails on CAPI registration offline, write a
# comment line into /etc/crowdsec/online_api_credentials.yaml and run `dpkg --configure crowdsec`).
set -u
OUT=${1:?out dir}
W=/tmp/cs20; H=/var/lib/crowdsec/hub; E=$W/etc
CS="cscli -c $W/config.yaml"
mkdir -p "$OUT"
rm -rf $W; mkdir -p $W/{log,feed,acquis.d,notifications,data}
mkdir -p $E/{parsers/s00-raw,parsers/s01-parse,parsers/s02-enrich,scenarios,collections,postoverflows}
cp -r /etc/crowdsec/patterns $E/
for p in s00-raw/crowdsecurity/syslog-logs s01-parse/crowdsecurity/sshd-logs s01-parse/crowdsecurity/nginx-logs \
         s01-parse/crowdsecurity/vsftpd-logs s02-enrich/crowdsecurity/dateparse-enrich \
         s02-enrich/crowdsecurity/http-logs s02-enrich/crowdsecurity/whitelists; do
  ln -s $H/parsers/$p.yaml $E/parsers/$(dirname $(dirname $p))/$(basename $p).yaml
done
for s in ssh-bf ssh-slow-bf http-probing http-sensitive-files http-path-traversal-probing http-sqli-probing \
         http-bad-user-agent http-crawl-non_statics http-backdoors-attempts http-generic-bf vsftpd-bf; do
  ln -s $H/scenarios/crowdsecurity/$s.yaml $E/scenarios/
done
cat > $E/parsers/s02-enrich/office-whitelist.yaml <<'EOF'
name: local/office-whitelist
description: "Whitelist the office range"
whitelist:
  reason: "office network"
  ip:
    - "192.0.2.10"
  cidr:
    - "192.0.2.128/25"
EOF
cp /usr/share/crowdsec/data/* $W/data/
cp $W/data/path_traversal.txt $W/data/http_path_traversal.txt
cat > $W/config.yaml <<'EOF'
common:
  daemonize: true
  log_media: file
  log_level: debug
  log_dir: /tmp/cs20/log/
  log_max_size: 500
  compress_logs: false
  log_max_files: 10
  working_dir: .
config_paths:
  config_dir: /tmp/cs20/etc/
  data_dir: /tmp/cs20/data/
  simulation_path: /tmp/cs20/simulation.yaml
  hub_dir: /var/lib/crowdsec/hub/
  index_path: /var/lib/crowdsec/hub/.index.json
  notification_dir: /tmp/cs20/notifications/
  plugin_dir: /usr/lib/crowdsec/plugins/
crowdsec_service:
  acquisition_path: /tmp/cs20/acquis.yaml
  acquisition_dir: /tmp/cs20/acquis.d
  parser_routines: 1
cscli:
  output: human
  color: no
db_config:
  log_level: info
  type: sqlite
  db_path: /tmp/cs20/crowdsec.db
  use_wal: true
  flush:
    max_items: 5000
    max_age: 7d
plugin_config:
  user: nobody
  group: nogroup
api:
  client:
    insecure_skip_verify: false
    credentials_path: /tmp/cs20/local_api_credentials.yaml
  server:
    log_level: debug
    listen_uri: 127.0.0.1:21080
    profiles_path: /tmp/cs20/profiles.yaml
    console_path: /tmp/cs20/console.yaml
    trusted_ips:
      - 127.0.0.1
      - ::1
prometheus:
  enabled: true
  level: full
  listen_addr: 127.0.0.1
  listen_port: 21060
EOF
cat > $W/acquis.yaml <<'EOF'
filenames:
  - /tmp/cs20/feed/auth.log
labels:
  type: syslog
---
filenames:
  - /tmp/cs20/feed/access.log
labels:
  type: nginx
EOF
cat > $W/profiles.yaml <<'EOF'
name: short_http_ban
filters:
 - Alert.Remediation == true && Alert.GetScope() == "Ip" && Alert.GetScenario() startsWith "crowdsecurity/http"
decisions:
 - type: ban
   duration: 90s
on_success: break
---
name: default_ip_remediation
filters:
 - Alert.Remediation == true && Alert.GetScope() == "Ip"
decisions:
 - type: ban
   duration: 3m
on_success: break
EOF
printf 'simulation: off\nexclusions:\n - crowdsecurity/ssh-slow-bf\n' > $W/simulation.yaml
printf 'share_custom: false\nshare_manual_decisions: false\nshare_tainted: false\nshare_context: false\n' > $W/console.yaml
: > $W/local_api_credentials.yaml; : > $W/feed/auth.log; : > $W/feed/access.log
$CS machines add "host-$RANDOM" --auto --force -f $W/local_api_credentials.yaml >/dev/null 2>&1

crowdsec -c $W/config.yaml -no-capi >$W/stdout.txt 2>&1 & echo $! > $W/cs.pid
sleep 4

r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
pubip() { echo "$(pick 203.0.113 198.51.100 45.$((RANDOM%200+10)) 91.$((RANDOM%200+10)) 185.$((RANDOM%200+10))).$((RANDOM%250+1))"; }
ts() { date '+%b %e %H:%M:%S'; }
nts() { date '+%d/%b/%Y:%H:%M:%S %z'; }
users=(root admin oracle test ubuntu git postgres guest pi deploy)
syslog() { echo "$(ts) web$(r 3) $1" >> $W/feed/auth.log; }
nginx() { # ip method path status ua
  echo "$1 - - [$(nts)] \"$2 $3 HTTP/1.1\" $4 $((RANDOM % 5000 + 100)) \"-\" \"$5\"" >> $W/feed/access.log; }
UAS=("Mozilla/5.0 (X11; Linux x86_64)" "curl/7.88.1" "Mozilla/5.0 (Windows NT 10.0; Win64; x64)")
BADUA=("sqlmap/1.7.2#stable" "Nikto/2.1.6" "masscan/1.3" "Mozilla/5.0 zgrab/0.x" "python-requests/2.28")
KEYS=()
api() { curl -s -o /dev/null -m 3 "$@" ; }
# The debug log writes ~70 lines per acquired line, so the feed is sparse: a shuffled list of
# steps (attack bursts just over the scenario capacities, benign and garbage lines, cscli and raw
# API calls), then a reload, a second shuffled round, and the stop.
step() {
  local ip=$(pubip)
  case $1 in
    sshbf) u=$(pick "${users[@]}")
       for i in $(seq 6); do syslog "sshd[$((RANDOM+1000))]: Failed password for invalid user $u from $ip port $((RANDOM+1024)) ssh2"; sleep 0.2; done ;;
    sshinv) syslog "sshd[$((RANDOM+1000))]: Invalid user $(pick "${users[@]}")$(r 99) from $ip port $((RANDOM+1024))" ;;
    sshok) syslog "sshd[$((RANDOM+1000))]: Accepted publickey for deploy from $ip port $((RANDOM+1024)) ssh2: RSA SHA256:$RANDOM$RANDOM" ;;
    sshpriv) syslog "sshd[$((RANDOM+1000))]: Failed password for root from 10.$(r 250).$(r 250).$(r 250) port $((RANDOM+1024)) ssh2" ;;
    cron) syslog "CRON[$((RANDOM+1000))]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)" ;;
    ftp) syslog "vsftpd[$((RANDOM+1000))]: [$(pick "${users[@]}")] FAIL LOGIN: Client \"$ip\"" ;;
    web) nginx $ip GET "/$(pick index.html about contact blog/$(r 50)).html" 200 "$(pick "${UAS[@]}")" ;;
    badua) nginx $ip GET "/$(pick index.html robots.txt)" 200 "$(pick "${BADUA[@]}")"
           nginx $ip GET "/$(pick login admin)" 404 "$(pick "${BADUA[@]}")" ;;
    backdoor) nginx $ip GET "/$(pick c99.php r57.php wso.php b374k.php)" 404 "${UAS[2]}"
              nginx $ip GET "/$(pick shell.php c99shell.php)" 404 "${UAS[2]}" ;;
    sqli) nginx $ip GET "/item.php?id=$(r 99)%27%20OR%201=1--" 500 "${UAS[1]}" ;;
    traversal) nginx $ip GET "/download?file=../../../../etc/passwd" 400 "${UAS[1]}" ;;
    office) nginx 192.0.2.$((130 + $(r 100))) GET "/admin/$(r 99).php" 404 "${UAS[0]}" ;;
    garbage) echo "this is not a log line $RANDOM" >> $W/feed/$(pick auth.log access.log) ;;
    decadd) $CS decisions add --ip $(pubip) --duration $((1 + $(r 5)))m --reason "manual $(pick spam abuse scan)" --type $(pick ban captcha) >/dev/null 2>&1 ;;
    decrange) $CS decisions add --range 203.0.$(r 250).0/24 --duration $((30 + $(r 60)))s --reason "bad range" >/dev/null 2>&1 ;;
    declist) $CS decisions list -o json >/dev/null 2>&1; $CS alerts list >/dev/null 2>&1 ;;
    decdel) $CS decisions delete --ip $(pick $ip 203.0.113.$(r 250)) >/dev/null 2>&1
            $CS decisions delete --all >/dev/null 2>&1 ;;
    alertdel) $CS alerts delete --scenario crowdsecurity/ssh-bf >/dev/null 2>&1 ;;
    bouncer) name="fw-bouncer-$RANDOM"; k=$($CS bouncers add "$name" -o raw 2>/dev/null | tail -1); [ -n "$k" ] && KEYS+=("$k")
        if [ ${#KEYS[@]} -gt 0 ]; then kk=$(pick "${KEYS[@]}")
          api -H "X-Api-Key: $kk" "http://127.0.0.1:21080/v1/decisions/stream?startup=$(pick true false)"
          api -H "X-Api-Key: $kk" "http://127.0.0.1:21080/v1/decisions?ip=$ip"; fi
        [ $(r 2) = 0 ] && $CS bouncers delete "$name" >/dev/null 2>&1 ;;
    badkey) api -H "X-Api-Key: wrong$RANDOM" "http://127.0.0.1:21080/v1/decisions?ip=$ip" ;;
    machine) m="agent$RANDOM"; pw="pw$RANDOM$RANDOM"; $CS machines add "$m" --password "$pw" -f /dev/null >/dev/null 2>&1
        api -X POST -d "{\"machine_id\":\"$m\",\"password\":\"$(pick $pw wrong)\",\"scenarios\":[]}" http://127.0.0.1:21080/v1/watchers/login
        [ $(r 2) = 0 ] && $CS machines delete "$m" >/dev/null 2>&1 ;;
    badlogin) api -X POST -d "{\"machine_id\":\"nosuch$RANDOM\",\"password\":\"x\"}" http://127.0.0.1:21080/v1/watchers/login
        api -X POST -d "garbage{" http://127.0.0.1:21080/v1/watchers/login ;;
    noauth) api http://127.0.0.1:21080/v1/decisions ; api http://127.0.0.1:21080/v1/alerts ;;
  esac
}
round() {   # $1: how many of the shuffled steps to run
  local steps=(sshbf sshinv sshok sshpriv cron ftp web badua backdoor sqli traversal office garbage
               decadd decrange declist decdel alertdel bouncer badkey machine badlogin noauth
               $(pick decadd bouncer machine badkey) $(pick web sshinv ftp))
  for s in $(printf '%s\n' "${steps[@]}" | shuf | head -n $1); do
    step $s; sleep $((2 + $(r 4)))
  done
}
round 25
kill -HUP $(cat $W/cs.pid); sleep 8
round 10
sleep 3; kill -TERM $(cat $W/cs.pid); sleep 5
cp $W/log/crowdsec.log "$OUT/crowdsec.log"
