#!/bin/bash
# rss2email workload: r2e -VVVV with its own --config/--data (state/), feeds from feedserver.py,
# mail to sendmail.sh (stand-in) or to a fake SMTP peer (python3 smtpd DebuggingServer), inside
# private network + mount namespaces. stdout+stderr of every r2e call appended to rss2email.raw,
# then cut to rss2email.log
D=/work/round44/rss2email
T=/tmp/round44-r44f/rss2email
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
rm -rf $D/state; mkdir -p $D/state
CFG=$D/state/r2e.cfg; DATA=$D/state/r2e.json
RAW=$T/rss2email.raw
: > "$RAW"
ROUNDS=${ROUNDS:-45}
/usr/bin/python3 $D/feedserver.py 48600 >/dev/null 2>&1 & HTTP=$!
/usr/bin/python3 -W ignore -m smtpd -n -c DebuggingServer 127.0.0.1:48601 >/dev/null 2>&1 & SMTP=$!
sleep 1
U=http://127.0.0.1:48600
r2e() { /usr/bin/r2e -VVVV -c "$CFG" -d "$DATA" "$@" >> "$RAW" 2>&1; }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
r2e new rss@example.test
r2e new rss@example.test        # config already exists
cfgset() { /usr/bin/python3 - "$CFG" "$@" <<'PYEOF'
import configparser, sys
c = configparser.ConfigParser(interpolation=None); c.optionxform = str; c.read(sys.argv[1])
for kv in sys.argv[2:]:
    sec, kv = kv.split(':', 1); k, v = kv.split('=', 1)
    if sec != 'DEFAULT' and not c.has_section(sec): c.add_section(sec)
    c[sec][k] = v
with open(sys.argv[1], 'w') as f: c.write(f)
PYEOF
}
cfgset DEFAULT:from=r2e@example.test DEFAULT:email-protocol=sendmail DEFAULT:sendmail=$D/sendmail.sh DEFAULT:feed-timeout=3 DEFAULT:verbose=debug
r2e add alpha $U/rss/alpha
r2e add beta $U/rss/beta ops@example.test
r2e add gamma $U/atom/gamma
r2e add delta $U/atom/delta dev@example.test
r2e add moved $U/moved/epsilon
r2e add temp $U/temp/zeta
r2e add broken $U/broken/eta
r2e add html $U/html/theta
r2e add empty $U/empty/iota
r2e add plain $U/plain/kappa
r2e add missing $U/nowhere/lambda
r2e add servererr $U/error/mu
r2e add refused http://127.0.0.1:48699/rss/nu
r2e add viasmtp $U/rss/xi smtp@example.test
r2e add smtpdown $U/atom/omicron
r2e add digest $U/rss/pi
r2e add slow $U/slow/rho
r2e add 'bad name!' $U/rss/sigma
r2e add alpha $U/rss/alpha
cfgset feed.viasmtp:email-protocol=smtp feed.viasmtp:smtp-server=127.0.0.1:48601 feed.smtpdown:email-protocol=smtp feed.smtpdown:smtp-server=127.0.0.1:48602 feed.digest:digest=True
r2e pause 16
N=17
for i in $(seq 1 $ROUNDS); do
  r=$((RANDOM % 100))
  if   (( r < 22 )); then r2e run
  elif (( r < 42 )); then r2e run $(shuf -i 0-$((N-2)) -n $((RANDOM % 4 + 1)) | tr '\n' ' ')
  elif (( r < 48 )); then r2e run --no-send $((RANDOM % N))
  elif (( r < 53 )); then r2e run --clean $((RANDOM % N))
  elif (( r < 59 )); then r2e unpause $((N-1)); r2e run $((N-1)) $((RANDOM % N)); r2e pause $((N-1))
  elif (( r < 64 )); then r2e pause $((RANDOM % (N-1))); r2e run $((RANDOM % N)); r2e unpause
  elif (( r < 69 )); then r2e reset $((RANDOM % N))
  elif (( r < 73 )); then r2e opmlexport $T/feeds-$i.opml
  elif (( r < 76 )); then r2e email $(pick "" news@example.test rss@example.test)
  elif (( r < 79 )); then r2e run $((N + RANDOM % 5))
  elif (( r < 83 )); then r2e delete $((N-1)); N=$((N-1)); r2e add slow $U/slow/rho; N=$((N+1)); r2e pause $((N-1))
  elif (( r < 87 )); then r2e add "extra$i" $U/$(pick rss atom moved)/extra$i; N=$((N+1)); r2e run $((N-1)); r2e delete $((N-1)); N=$((N-1))
  elif (( r < 90 )); then r2e opmlimport $T/no-such-$i.opml
  elif (( r < 92 )); then ls $T/feeds-*.opml >/dev/null 2>&1 && r2e opmlimport $(ls $T/feeds-*.opml | head -1)
  elif (( r < 94 )); then r2e list >/dev/null
  elif (( r < 96 )); then r2e add $(pick alpha 'x y' beta) $U/rss/dup
  else                    r2e run --only 3
  fi
done
kill $HTTP $SMTP; wait $HTTP $SMTP 2>/dev/null
sed -n '1,2500p' "$RAW" > $D/rss2email.log
rm -rf $D/state
