#!/bin/bash
# apprise workload: private net+mount namespace, fake HTTP/SMTP/UDP peers on 127.0.0.1:47020-47023, randomised sends.
if [ -z "$R44C_INNS" ]; then export R44C_INNS=1; exec unshare -n -m --propagation private /bin/bash "$0" "$@"; fi
set -m
ip link set lo up
mount --bind /tmp/round44-r44c /mnt; mount -t tmpfs tmpfs /tmp; mkdir -p /tmp/round44-r44c; mount --bind /mnt /tmp/round44-r44c; umount -l /mnt
mount -t tmpfs tmpfs /var/tmp; mount -t tmpfs tmpfs /dev/shm
D=/work/round44/apprise; cd $D || exit 1
B=/tmp/round44-r44c/env-apprise; rm -rf $B; mkdir -p $B/home $B/tmp $B/config $B/cache $B/data $B/state $B/run $B/work; chmod 700 $B/run
export HOME=$B/home TMPDIR=$B/tmp XDG_CONFIG_HOME=$B/config XDG_CACHE_HOME=$B/cache XDG_DATA_HOME=$B/data XDG_STATE_HOME=$B/state XDG_RUNTIME_DIR=$B/run
AP=/tmp/round44-r44c/venv-apprise/bin/apprise
RAW=$B/raw.log; : > $RAW
W=$B/work
H=127.0.0.1:47020
printf 'report line\n%.0s' $(seq 1 40) > $W/report.txt
head -c 3000 /dev/urandom > $W/blob.bin
cat > $W/services.txt <<EOT
# text configuration
dev=json://$H/ok
dev,ops=form://$H/flaky
ops=xml://$H/slow?rto=1
mail=mailto://alice:secret@127.0.0.1:47022?mode=insecure&from=alice@example.com&to=ops@example.com
all=ntfy://$H/alerts
broken=notaschema://nowhere
EOT
cat > $W/services.yml <<EOT
version: 1
tag: yaml
urls:
  - json://$H/ok:
      - tag: web
      - tag: slow
        rto: 1
  - gotify://$H/ABCDEFGHIJ:
      tag: web
  - mmost://$H/mattermosttoken:
      tag: chat
  - xml://127.0.0.1:47021/down
  - mailto://bob:bad@127.0.0.1:47022?mode=insecure&from=bob@example.com:
      tag: mail
EOT
printf 'urls: [this is : not valid yaml\n  - : :\n' > $W/bad.yml
python3 $D/peers.py > /dev/null 2>&1 & PEER=$!
sleep 1
# (no plain HTTP error statuses for notifications: apprise logs their response body after a CR LF)
URLS=( "json://$H/ok" "json://$H/ok?method=PUT" "json://$H/slow?rto=1" "json://$H/drop" "json://127.0.0.1:47021/" "form://$H/drop"
  "jsons://$H/ok" "json://user:pass@$H/ok?+X-Custom=1&:extra=field" "form://$H/ok" "form://127.0.0.1:47021/" "form://$H/ok?method=GET"
  "xml://$H/ok" "xml://$H/slow?rto=1" "mailto://alice:secret@127.0.0.1:47022?mode=insecure&from=alice@example.com&to=team@example.com"
  "mailto://bad:pass@127.0.0.1:47022?mode=insecure&from=bad@example.com&to=team@example.com"
  "mailto://alice:secret@127.0.0.1:47022?mode=insecure&from=alice@example.com&to=nobody@example.com"
  "mailtos://alice:secret@127.0.0.1:47022?mode=starttls&from=alice@example.com&to=team@example.com"
  "mailto://alice:secret@127.0.0.1:47024?mode=insecure&from=alice@example.com&to=team@example.com"
  "ntfy://$H/alerts" "ntfy://127.0.0.1:47021/alerts" "gotify://$H/ABCDEFGHIJ" "gotify://$H/drop/xyz" "mmost://$H/mattermosttoken" "apprise://$H/apitoken"
  "apprise://127.0.0.1:47021/apitoken" "hassio://$H/accesstoken" "kodi://$H" "signal://$H/+15551234567/+15557654321" "rsyslog://127.0.0.1:47023"
  "notaschema://x" "json://" "mailto://" "ntfy://" "gotify://$H" "xmls://$H/ok" "form://$H/slow?rto=1&cto=1" )
WEIGHTS=( 5 2 1 1 2 2 1 2 3 2 2 3 2 3 2 2 2 2 3 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 1 )
pick() { local tot=0 w r i; for w in "${WEIGHTS[@]}"; do tot=$((tot+w)); done; r=$((RANDOM % tot)); for i in "${!WEIGHTS[@]}"; do r=$((r-WEIGHTS[i])); if [ $r -lt 0 ]; then echo "${URLS[$i]}"; return; fi; done; }
TYPES=( info info info success warning failure bogus )
N=${N:-10}
for i in $(seq 1 $N); do
  n=$((6 + RANDOM % 9)); set --
  for j in $(seq 1 $n); do set -- "$@" "$(pick)"; done
  t=${TYPES[$((RANDOM % ${#TYPES[@]}))]}
  extra=()
  case $((RANDOM % 9)) in
    0) extra=(--attach $W/report.txt) ;;
    1) extra=(--attach $W/blob.bin --attach $W/report.txt) ;;
    2) extra=(--attach $W/missing.txt) ;;
    3) extra=(--attach "http://$H/attach.txt") ;;
    4) extra=(--dry-run) ;;
    5) extra=(--disable-async) ;;
  esac
  case $((RANDOM % 7)) in
    0) $AP -vvvv -t "Build $i" -b "job $RANDOM finished" -n $t -c $W/services.txt -g "$(shuf -n1 -e dev ops mail all broken dev,ops)" "${extra[@]}" >> $RAW 2>&1 ;;
    1) $AP -vvvv -t "Deploy $i" -b "release $RANDOM" -n $t -c $W/services.yml -g "$(shuf -n1 -e web chat mail yaml slow)" "${extra[@]}" >> $RAW 2>&1 ;;
    2) $AP -vvvv -b "config trouble $i" -c "$(shuf -n1 -e $W/bad.yml $W/none.yml http://$H/e404/cfg.txt http://$H/ok/cfg)" "${extra[@]}" >> $RAW 2>&1 ;;
    *) $AP -vvvv -t "Alert $i" -b "disk at $((RANDOM % 100))%" -n $t "${extra[@]}" "$@" >> $RAW 2>&1 ;;
  esac
done
kill $PEER; wait $PEER 2>/dev/null
# keep one contiguous stretch of at most 2500 whole lines
sed -n '1,2500p' $RAW > $D/apprise.log
