#!/bin/bash
# Randomised workload for approx (Debian package proxy) on 127.0.0.1:26300.
# Runs itself inside a private mount namespace (unshare -m) where /dev/log belongs to a private
# rsyslogd and /etc/approx/approx.conf is bind-mounted from our own file. Upstream: the apt mirror.
# Log: /tmp/round31-r31g/approx/approx.log. Usage: workload.sh [ROUNDS]
set -u
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round31-r31g/approx
PORT=26300
if [ "${1:-}" != inner ]; then
  exec unshare -m --propagation private "$0" inner "$@"
fi
shift
ROUNDS=${1:-8}

# --- private /dev with our own /dev/log, private config -------------------------------------
mkdir -p "$T/dev" "$T/rsyslog" "$T/cache"
mount -t tmpfs -o mode=755 r31gdev "$T/dev"
for d in null zero full random urandom tty; do touch "$T/dev/$d"; mount --bind "/dev/$d" "$T/dev/$d"; done
ln -s /proc/self/fd "$T/dev/fd"; ln -s /proc/self/fd/0 "$T/dev/stdin"; ln -s /proc/self/fd/1 "$T/dev/stdout"; ln -s /proc/self/fd/2 "$T/dev/stderr"
mount --bind "$T/dev" /dev
: > "$T/approx.conf"; mount --bind "$T/approx.conf" /etc/approx/approx.conf
chown -R approx:approx "$T/cache"
rm -f "$T/approx.log"

conf() { # interval max_rate pdiffs offline curl
  sed -e "s|@INTERVAL@|$1|" -e "s|@MAXRATE@|$2|" -e "s|@PDIFFS@|$3|" -e "s|@OFFLINE@|$4|" -e "s|@CURL@|$5|" \
    "$D/approx.conf.in" > "$T/approx.conf"   # in place: keeps the bind-mounted inode
}
conf 1 unlimited true false /usr/bin/curl

rsyslogd -n -f "$D/rsyslog.conf" -i "$T/rsyslogd.pid" & RSPID=$!
sleep 1
rm -f "$T/asroot"; perl "$D/inetd.pl" $PORT "$T/asroot" 2>/dev/null & INETD=$!
sleep 0.5

B=http://127.0.0.1:$PORT
rnd() { echo $((RANDOM % $1)); }
req() { curl -s -o /dev/null -m 20 "$@"; }
mapfile -t DEBS < "$D/debs.txt"
RELS=(debian/dists/bookworm/InRelease debian/dists/bookworm/Release.gpg debian/dists/bookworm-updates/InRelease
      debian/dists/bookworm-updates/Release security/dists/bookworm-security/InRelease security/dists/bookworm-security/Release.gpg)
IDX=(debian/dists/bookworm-updates/main/i18n/Translation-en.diff/Index debian/dists/bookworm-updates/main/binary-amd64/Packages.diff/Index)
deb() { echo "${DEBS[$(rnd ${#DEBS[@]})]}"; }
pdiff() { # a patch named in a cached Index
  local i=${IDX[$(rnd 2)]} f
  [ -f "$T/cache/$i" ] || { req "$B/$i"; }
  f=$(awk '/^SHA256-Patches:/{p=1;next} /^[A-Z]/{p=0} p{print $3}' "$T/cache/$i" 2>/dev/null | tail -n $((1 + $(rnd 4))) | head -1)
  [ -n "$f" ] && req "$B/${i%Index}$f.gz"
}
one() {
  local r; r=$(rnd 100)
  if   [ $r -lt 14 ]; then req "$B/${RELS[$(rnd ${#RELS[@]})]}"
  elif [ $r -lt 20 ]; then req -z "$(date -u -d "-$(rnd 400) days" '+%a, %d %b %Y %H:%M:%S GMT')" "$B/${RELS[$(rnd ${#RELS[@]})]}"
  elif [ $r -lt 40 ]; then req "$B/debian/$(deb)"
  elif [ $r -lt 44 ]; then req -z "$(date -u '+%a, %d %b %Y %H:%M:%S GMT')" "$B/debian/$(deb)"
  elif [ $r -lt 48 ]; then req -I "$B/debian/$(deb)"
  elif [ $r -lt 55 ]; then req "$B/debian/pool/main/n/nosuch$(rnd 6)/nosuch$(rnd 6)_1.$(rnd 3)_all.deb"
  elif [ $r -lt 58 ]; then req "$B/${IDX[$(rnd 2)]}"
  elif [ $r -lt 62 ]; then pdiff
  elif [ $r -lt 65 ]; then req "$B/$(echo ubuntu devuan local mint | cut -d' ' -f$((1 + $(rnd 4))))/dists/stable/Release"
  elif [ $r -lt 67 ]; then req "$B/"
  elif [ $r -lt 68 ]; then req "$B/robots.txt"
  elif [ $r -lt 70 ]; then req -X POST -d "x=$(rnd 9)" "$B/debian/dists/bookworm/Release.gpg"
  elif [ $r -lt 72 ]; then req "$B/debian/dists/bookworm/Release.gpg?nocache=$(rnd 999)"
  elif [ $r -lt 74 ]; then req "$B/debian/"
  elif [ $r -lt 76 ]; then local d; d=$(deb); rm -f "$T/cache/debian/$d"; req "$B/debian/$d" & local p1=$!; req "$B/debian/$d" & local p2=$!; wait $p1 $p2
  elif [ $r -lt 78 ]; then req "$B/debian-tls/dists/bookworm/Release.gpg"
  elif [ $r -lt 80 ]; then req "$B/debian-ftp/dists/bookworm/Release.gpg"
  elif [ $r -lt 81 ]; then
    local d; d=$(deb); mkdir -p "$(dirname "$T/cache/debian/$d")"; rm -f "$T/cache/debian/$d"
    touch "$T/cache/debian/$d.hint"; chown approx:approx "$T/cache/debian/$d.hint"; req "$B/debian/$d"
  elif [ $r -lt 87 ]; then perl "$D/rawclient.pl" "$(echo badline longline proto eof badhdr badlen delete | cut -d' ' -f$((1 + $(rnd 7))))" $PORT
  elif [ $r -lt 90 ]; then req "$B/security/pool/updates/main/n/nosuch/nosuch_$(rnd 9).deb"
  else req "$B/debian/$(deb)"
  fi
}
burst() { local n=$((${1:-20} + $(rnd ${2:-30}))); for i in $(seq $n); do one; done; }

EVENTS=($(shuf -e 0 1 2 3 4 5 $(for i in $(seq $((ROUNDS - 6))); do rnd 8; done)))
for round in $(seq "$ROUNDS"); do
  burst 12 20
  case ${EVENTS[$((round - 1))]:-$(rnd 8)} in
    0) conf 1 unlimited true true /usr/bin/curl; burst 3 6 ;;            # offline mode
    1) conf 1 unlimited true false /usr/lib/r31g-no-such/curl; burst 2 5 ;; # bad curl_path
    2) conf 1 200k true false /usr/bin/curl; burst 3 6 ;;                 # rate limited
    3) conf 0 unlimited false false /usr/bin/curl; burst 3 6 ;;           # no cache validity, no pdiffs
    4) sleep 61 ;;                                                        # let the interval expire
    5) touch "$T/asroot"; burst 1 3; rm -f "$T/asroot" ;;                 # launcher misconfigured (root)
    *) ;;
  esac
  conf 1 unlimited true false /usr/bin/curl
done

kill "$INETD"; sleep 1; kill "$RSPID"; wait "$RSPID" 2>/dev/null
rm -rf "$T/cache"
