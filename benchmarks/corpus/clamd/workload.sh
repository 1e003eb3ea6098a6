#!/bin/bash
# Round-8 corpus workload: ClamAV 1.4 clamd (Debian 12 package clamav-daemon) own LogFile with
# LogVerbose/LogClean/LogTime, for about DURATION seconds of randomised clients on 127.0.0.1:3311
# and a local socket. A tiny private signature database (.ndb/.hdb written here, EICAR included):
# no download, freshclam never runs. Clients: clamdscan (local socket, TCP, --stream, --multiscan,
# --allmatch), and clients.py (beside this script) for raw PING/VERSION/STATS/SCAN/CONTSCAN/
# MULTISCAN/INSTREAM/IDSESSION, oversized streams, bad commands, floods; SIGUSR2, RELOAD, SIGHUP,
# database edits (SelfCheck), a broken database, SHUTDOWN and restart, SIGTERM at the end.
# Run as root: bash workload.sh [OUT_DIR] [DURATION]   (OUT_DIR defaults to this script's folder)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-300}
W=/tmp/r8clamd; PORT=3311
mkdir -p "$OUT"; rm -f "$OUT/clamd.log"
rm -rf "$W"; mkdir -p "$W/db" "$W/data"/{clean,infected,archives,locked,excluded,big} "$W/tmp" "$W/run"
RANDOM=$$
rnd() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
hex() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n'; }
EICAR='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'

# --- signatures
cat > "$W/db/r8.ndb" <<NDB
Eicar-Test-Signature:0:*:$(hex "$EICAR")
R8.Trojan.Marker-1:0:*:$(hex "-R8-TROJAN-MARKER")
R8.Script.Dropper-2:0:*:$(hex "evil_payload_download(")
R8.Doc.Macro-3:0:0:$(hex "%R8MACRO%")
NDB
head -c 777 /dev/urandom > "$W/hashbad.bin"
echo "$(md5sum < "$W/hashbad.bin" | cut -d' ' -f1):777:R8.Known.BadHash-4" > "$W/db/r8.hdb"
chown -R clamav:clamav "$W/db"

# --- data to scan
words=(alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike)
for i in $(seq 1 25); do
  f="$W/data/clean/${words[RANDOM%13]}_$i.$(echo txt log csv dat | tr ' ' '\n' | shuf -n1)"
  head -c $(rnd 10 40000) /dev/urandom | base64 > "$f"
done
for i in $(seq 1 6); do printf '%s' "$EICAR" > "$W/data/infected/eicar_$i.com"; done
for i in $(seq 1 4); do { head -c $(rnd 100 5000) /dev/urandom; echo "-R8-TROJAN-MARKER"; } > "$W/data/infected/marked_$i.exe"; done
for i in 1 2 3; do echo "#!/bin/sh
evil_payload_download(\"http://203.0.113.$i/x\")" > "$W/data/infected/dropper_$i.sh"; done
printf '%%R8MACRO%% Sub AutoOpen()' > "$W/data/infected/macro.doc"
cp "$W/hashbad.bin" "$W/data/infected/known_bad.bin"
( cd "$W/data/infected" && python3 - <<'PY'
import zipfile, tarfile, io, os, random
e = open("eicar_1.com","rb").read()
with zipfile.ZipFile("../archives/eicar.zip","w") as z: z.writestr("readme.txt","hello"); z.writestr("eicar.com", e)
with zipfile.ZipFile("../archives/clean.zip","w") as z:
    for i in range(5): z.writestr("f%d.txt" % i, os.urandom(2000).hex())
inner = io.BytesIO()
with zipfile.ZipFile(inner,"w") as z: z.write("marked_1.exe")
with zipfile.ZipFile("../archives/nested.zip","w") as z: z.writestr("inner.zip", inner.getvalue())
with tarfile.open("../archives/dropper.tar.gz","w:gz") as t: t.add("dropper_1.sh")
with tarfile.open("../archives/clean.tar.gz","w:gz") as t: t.add("../clean", arcname="clean")
with zipfile.ZipFile("../archives/encrypted_like.zip","w") as z: z.writestr("a.bin", os.urandom(100))
# a corrupt archive
open("../archives/broken.zip","wb").write(b"PK\x03\x04" + os.urandom(300))
# a big file over MaxFileSize, and an archive with a big member (MaxScanSize / MaxFileSize)
open("../big/huge.bin","wb").write(os.urandom(3*1024*1024))
with zipfile.ZipFile("../archives/bomb.zip","w", zipfile.ZIP_DEFLATED) as z: z.writestr("zeros.bin", b"\0" * (8*1024*1024))
PY
)
cp "$W/data/infected/eicar_2.com" "$W/data/excluded/eicar_excluded.com"
head -c 3000 /dev/urandom > "$W/data/excluded/skip.dat"
for i in 1 2 3; do head -c 500 /dev/urandom > "$W/data/locked/secret_$i.bin"; chmod 600 "$W/data/locked/secret_$i.bin"; done
cp "$W/data/infected/eicar_3.com" "$W/data/locked/eicar_locked.com"; chmod 600 "$W/data/locked/eicar_locked.com"
ln -s /nonexistent/target "$W/data/clean/dangling_link"
chmod 755 "$W" "$W/data" "$W/data"/*; chmod 1777 "$W/tmp"; chown clamav:clamav "$W/run" "$W/run"

# --- configuration
cat > "$W/clamd.conf" <<CONF
LogFile $OUT/clamd.log
LogFileUnlock no
LogFileMaxSize 50M
LogTime yes
LogClean yes
LogVerbose yes
LogSyslog no
ExtendedDetectionInfo yes
PidFile $W/clamd.pid
TemporaryDirectory $W/tmp
DatabaseDirectory $W/db
OfficialDatabaseOnly no
LocalSocket $W/run/clamd.sock
LocalSocketMode 666
FixStaleSocket yes
TCPSocket $PORT
TCPAddr 127.0.0.1
MaxConnectionQueueLength 10
StreamMaxLength 1M
MaxThreads 4
ReadTimeout 5
CommandReadTimeout 3
SendBufTimeout 500
MaxQueue 20
IdleTimeout 6
ExcludePath ^$W/data/excluded/
MaxDirectoryRecursion 5
FollowDirectorySymlinks no
FollowFileSymlinks no
SelfCheck 20
ConcurrentDatabaseReload yes
User clamav
Foreground yes
Debug no
AllowAllMatchScan yes
ScanArchive yes
AlertExceedsMax yes
AlertBrokenExecutables yes
MaxScanSize 5M
MaxFileSize 2M
MaxRecursion 4
MaxFiles 100
CONF
grep -v '^LocalSocket\|^FixStale' "$W/clamd.conf" > "$W/clamd-tcp.conf"   # clamdscan over TCP
export CLAMD_PORT=$PORT CLAMD_SOCK=$W/run/clamd.sock CLAMD_DATA=$W/data

start() { clamd --config-file="$W/clamd.conf" >/dev/null 2>&1 & echo $! > "$W/clamd.bgpid"
  for i in $(seq 1 40); do python3 "$HERE/clients.py" cmd PING 2>/dev/null | grep -q PONG && return; sleep 0.5; done; }
stop_sig() { kill -"$1" "$(cat "$W/clamd.bgpid")" 2>/dev/null; }

paths() { local p=$(find "$W/data" -mindepth 1 | shuf -n $(rnd 1 3)); echo $p; }
SCAN() { timeout 60 clamdscan "$@" >/dev/null 2>&1; }

action() {
  case $(rnd 0 24) in
    0|1|2) SCAN --config-file="$W/clamd.conf" $(paths) ;;
    3|4) SCAN --config-file="$W/clamd-tcp.conf" $(paths) ;;
    5|6) SCAN --config-file="$W/clamd.conf" --stream $(find "$W/data" -type f | shuf -n $(rnd 1 3)) ;;
    7) SCAN --config-file="$W/clamd.conf" --multiscan "$W/data/$(echo clean infected archives | tr ' ' '\n' | shuf -n1)" ;;
    8) SCAN --config-file="$W/clamd.conf" --allmatch "$W/data/infected" ;;
    9) SCAN --config-file="$W/clamd.conf" "$W/data/locked/secret_$(rnd 1 3).bin" /nonexistent/file_$RANDOM ;;
    10) SCAN --config-file="$W/clamd.conf" --fdpass "$W/data/locked/$(ls "$W/data/locked" | shuf -n1)" ;;
    11) echo "payload $RANDOM evil_payload_download(x)" | timeout 20 clamdscan --config-file="$W/clamd-tcp.conf" - >/dev/null 2>&1 ;;
    12|13|14|15|16|17) timeout 90 python3 "$HERE/clients.py" one $(rnd 1 4) ;;
    18) timeout 120 python3 "$HERE/clients.py" flood $(rnd 8 30) ;;
    19) stop_sig USR2 ;;
    20) timeout 20 python3 "$HERE/clients.py" cmd RELOAD >/dev/null ;;
    21) stop_sig HUP ;;
    22) echo "R8.Extra.Sig-$RANDOM:0:*:$(hex "extra-$RANDOM-marker")" >> "$W/db/r8.ndb" ;;   # SelfCheck notices
    23) timeout 20 python3 "$HERE/clients.py" idle $(rnd 2 8) >/dev/null ;;
    24) SCAN --config-file="$W/clamd.conf" "$W/data/big/huge.bin" "$W/data/archives/bomb.zip" ;;
  esac
}
run_phase() { local end=$(( $(date +%s) + $1 ))
  while [ "$(date +%s)" -lt "$end" ]; do action; sleep "0.$(rnd 0 6)"; done; }

start
run_phase $(( DURATION / 2 ))
# a broken database on reload, then repaired
cp "$W/db/r8.ndb" "$W/r8.ndb.good"; echo "Broken.Sig:0:*:zz-not-hex" >> "$W/db/r8.ndb"
timeout 20 python3 "$HERE/clients.py" cmd RELOAD >/dev/null; sleep 3
timeout 20 python3 "$HERE/clients.py" cmd PING >/dev/null
cp "$W/r8.ndb.good" "$W/db/r8.ndb"; sleep 1
if ! python3 "$HERE/clients.py" cmd PING 2>/dev/null | grep -q PONG; then start; else
  timeout 20 python3 "$HERE/clients.py" cmd RELOAD >/dev/null; sleep 2; fi
timeout 20 python3 "$HERE/clients.py" cmd SHUTDOWN >/dev/null; sleep 3   # stop by command, restart
start
run_phase $(( DURATION / 2 ))
stop_sig TERM; sleep 3
wc -l "$OUT/clamd.log"
