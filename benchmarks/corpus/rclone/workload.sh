#!/bin/bash
# rclone 1.60 (Debian 12 package) serving local directories over WebDAV, SFTP and HTTP
# and the restic REST API (`rclone serve ... -vv --log-file`; Debian's build has no `serve ftp`), all rclone processes (servers and client runs of
# copy/sync/check/lsf/...) logging to one file: $OUT/rclone.log, --log-format date,time,microseconds,pid, --stats-one-line.
# Randomised clients on 127.0.0.1 only (ports 31411-31439): curl (WebDAV, restic REST, HTTP), sftp via
# sshpass, rclone remotes with good and wrong passwords; servers killed and restarted.
# Run as root on Debian 12:  apt-get install -y rclone curl sshpass openssh-client
#                            bash workload.sh [OUT_DIR] [DURATION_SECONDS]
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-240}
W=/tmp/r14rc; LOG=$OUT/rclone.log
for f in $W/*.pid; do [ -f "$f" ] && kill $(cat "$f") 2>/dev/null; done; sleep 1
rm -rf $W; mkdir -p $W/data/{dav,restic,sftp,http} $W/cache $W/tmp $OUT; rm -f $LOG
export RCLONE_CONFIG=$W/rclone.conf XDG_CACHE_HOME=$W/cache
LF="-vv --log-file $LOG --log-format date,time,microseconds,pid --stats-one-line"
DAVP=pw$RANDOM; RESP=pw$RANDOM; SFTPP=pw$RANDOM; WEBP=pw$RANDOM
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
NAMES=(report notes photo backup invoice draft readme data log archive song)
EXTS=(txt csv bin jpg md gz json)
rname() { echo "$(pick "${NAMES[@]}")-$(r 40).$(pick "${EXTS[@]}")"; }
mkfile() { head -c $(( $(r 8) == 0 ? RANDOM * 8 : RANDOM / 6 + 1 )) /dev/urandom > "$1"; }
for d in dav sftp http; do
  for s in "" docs pics "docs/old"; do mkdir -p $W/data/$d/$s; for _ in $(seq 1 $((1 + $(r 4)))); do mkfile "$W/data/$d/$s/$(rname)"; done; done
done
cat > $RCLONE_CONFIG <<EOF
[dav]
type = webdav
url = http://127.0.0.1:31411/
vendor = other
user = davuser
pass = $(rclone obscure $DAVP)

[davbad]
type = webdav
url = http://127.0.0.1:31411/
vendor = other
user = davuser
pass = $(rclone obscure wrong)

[sftp]
type = sftp
host = 127.0.0.1
port = 31413
user = sftpuser
pass = $(rclone obscure $SFTPP)

[sftpbad]
type = sftp
host = 127.0.0.1
port = 31413
user = sftpuser
pass = $(rclone obscure bad)

[web]
type = http
url = http://127.0.0.1:31414/

[dead]
type = webdav
url = http://127.0.0.1:31439/
vendor = other
EOF
start() { # $1 = dav|restic|sftp|http
  case $1 in
    dav)  rclone serve webdav $W/data/dav --addr 127.0.0.1:31411 --user davuser --pass $DAVP --vfs-cache-mode writes --dir-cache-time 5s $LF & ;;
    restic) rclone serve restic $W/data/restic --addr 127.0.0.1:31412 --user resuser --pass $RESP $( [ $(r 3) = 0 ] && echo --append-only) $LF & ;;
    sftp) rclone serve sftp $W/data/sftp --addr 127.0.0.1:31413 --user sftpuser --pass $SFTPP $LF & ;;
    http) rclone serve http $W/data/http --addr 127.0.0.1:31414 --read-only $LF & ;;
  esac
  echo $! > $W/$1.pid; sleep 1
}
stop() { [ -f $W/$1.pid ] || return 0; local p; p=$(cat $W/$1.pid); kill -$(pick TERM INT) $p 2>/dev/null
  for _ in $(seq 1 20); do kill -0 $p 2>/dev/null || break; sleep 0.5; done; kill -9 $p 2>/dev/null; rm -f $W/$1.pid; }
for s in dav restic sftp http; do start $s; done
sleep 2
RC="rclone $LF --retries 1 --low-level-retries 2 --contimeout 3s --timeout 10s --stats 30s"
DAV=http://127.0.0.1:31411; RES=http://resuser:$RESP@127.0.0.1:31412; WEB=http://127.0.0.1:31414
SFTP() { timeout 20 sshpass -p "$1" sftp -q -oBatchMode=no -oStrictHostKeyChecking=no -oUserKnownHostsFile=/dev/null -P 31413 -b - sftpuser@127.0.0.1 >/dev/null 2>&1; }
existing() { (cd $W/data/$1 && find . -type f | sed 's|^\./||' | shuf -n1); }
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  f=$(rname); sub=$(pick "" docs pics docs/old new$(r 5)); path=${sub:+$sub/}$f
  mkfile $W/tmp/up.$f
  case $(r 30) in
    # --- WebDAV with curl
    0) curl -s -m 10 -u davuser:$DAVP -T $W/tmp/up.$f "$DAV/$path" >/dev/null ;;
    1) curl -s -m 10 -u davuser:$DAVP "$DAV/$(pick "$(existing dav)" "missing-$f")" >/dev/null ;;
    2) curl -s -m 10 -u davuser:$DAVP -X PROPFIND -H "Depth: $(pick 0 1)" "$DAV/$(pick "" docs pics nowhere)" >/dev/null ;;
    3) curl -s -m 10 -u davuser:$DAVP -X DELETE "$DAV/$(pick "$(existing dav)" "gone-$f")" >/dev/null ;;
    4) curl -s -m 10 -u davuser:$DAVP -X MKCOL "$DAV/dir$(r 20)" >/dev/null
       e=$(existing dav); [ -n "$e" ] && curl -s -m 10 -u davuser:$DAVP -X $(pick MOVE COPY) -H "Destination: $DAV/$(pick docs pics "")/moved-$f" "$DAV/$e" >/dev/null ;;
    5) curl -s -m 10 -u "$(pick davuser admin guest):wrong$(r 99)" "$DAV/" >/dev/null; curl -s -m 10 "$DAV/docs/" >/dev/null ;;
    # --- restic REST API with curl
    6) curl -s -m 10 -X POST "$RES/$(pick repo1 repo2 "")/?create=true" >/dev/null
       curl -s -m 10 "$RES/$(pick repo1 repo2 nope)/$(pick config keys/ snapshots/ data/ locks/ index/)" >/dev/null ;;
    7) h=$(sha256sum $W/tmp/up.$f | cut -c1-64); t=$(pick data keys snapshots index locks)
       curl -s -m 10 -X POST --data-binary @$W/tmp/up.$f "$RES/$(pick repo1 repo2)/$t/$h" >/dev/null
       [ $(r 2) = 0 ] && curl -s -m 10 -o /dev/null "$RES/$(pick repo1 repo2)/$t/$h" ;;
    8) curl -s -m 10 -o /dev/null "$RES/$(pick repo1 repo2)/$(pick data keys snapshots)/$(printf '%064x' $RANDOM)" ;;
    9) curl -s -m 10 -X $(pick DELETE HEAD) -o /dev/null "$RES/$(pick repo1 repo2)/$(pick data locks snapshots config)/$( [ $(r 2) = 0 ] && cd $W/data/restic/repo1/data 2>/dev/null && ls | shuf -n1 | head -1)" ;;
    10) curl -s -m 10 "http://$(pick resuser admin):bad$(r 99)@127.0.0.1:31412/repo1/config" >/dev/null; curl -s -m 10 -X POST "http://127.0.0.1:31412/repo$(r 5)/?create=true" >/dev/null ;;
    # --- SFTP with the OpenSSH client
    11) printf 'ls\ncd docs\nls -l\nput %s\n' $W/tmp/up.$f | SFTP $SFTPP ;;
    12) printf 'get %s /dev/null\nget missing-%s /dev/null\n' "$(existing sftp)" $f | SFTP $SFTPP ;;
    13) printf 'rm %s\nmkdir d%s\nrename %s r-%s\nrmdir d%s\n' "$(existing sftp)" $(r 30) "$(existing sftp)" $f $(r 30) | SFTP $SFTPP ;;
    14) printf 'ls\n' | SFTP wrong$(r 99) ;;
    # --- HTTP (read only) with curl
    15) curl -s -m 10 "$WEB/$(pick "" docs/ pics/ docs/old/ none/ "$(existing http)" "lost-$f")" >/dev/null ;;
    16) curl -s -m 10 -I "$WEB/$(existing http)" >/dev/null; curl -s -m 10 -r 0-$(r 500) "$WEB/$(existing http)" >/dev/null
        curl -s -m 10 -X $(pick PUT DELETE POST) -d x "$WEB/$f" >/dev/null ;;
    # --- rclone client runs against the servers
    17) timeout 60 $RC copy $W/data/http/$(pick docs pics) dav:$(pick backup docs mirror$(r 3)) ;;
    18) timeout 60 $RC sync sftp:$(pick docs pics "") dav:sync$(r 3) ;;
    19) timeout 60 $RC check $(pick dav: sftp:)$(pick docs pics) $W/data/http/$(pick docs pics) ;;
    20) timeout 30 $RC $(pick lsf lsl size md5sum lsd) $(pick dav: sftp: web:)$(pick "" docs pics) >/dev/null ;;
    21) b=$(pick davbad: sftpbad: dead:)$(pick docs "")
        if [ $(r 2) = 0 ]; then timeout 30 $RC $(pick lsf size) $b >/dev/null; else timeout 30 $RC copy $b $W/tmp/cp$(r 9); fi ;;
    22) timeout 60 $RC copyto $W/tmp/up.$f $(pick dav: sftp:)$path ;;
    23) timeout 30 $RC $(pick delete purge rmdirs) $(pick dav: sftp:)$(pick backup mirror0 mirror1 sync0 sync1 dir$(r 20) nope) ;;
    24) timeout 30 $RC moveto $(pick dav: sftp:)$(pick "$(existing sftp)" "$(existing dav)" x-$f) $(pick dav: sftp:)moved/$f ;;
    25) timeout 30 $RC cat $(pick dav: sftp: web:)$(pick "$(existing http)" "ghost-$f") >/dev/null ;;
    26) timeout 60 $RC copy web:$(pick docs pics "") $W/tmp/webcopy$(r 3) ;;
    # --- changes behind the servers' backs, restarts
    27) d=$(pick dav sftp http); mkfile $W/data/$d/$(pick docs pics "")/local-$f; e=$(existing $d); [ -n "$e" ] && [ $(r 2) = 0 ] && rm -f "$W/data/$d/$e" ;;
    28) s=$(pick dav restic sftp http); stop $s; sleep $(r 3); start $s ;;
    29) s=$(pick dav sftp http); stop $s; timeout 20 $RC lsf $( [ $s = http ] && echo web || echo $s ): >/dev/null; start $s ;;
  esac
  rm -f $W/tmp/up.$f
  sleep 1.$(r 9)
done
for s in dav restic sftp http; do stop $s; done
