#!/bin/bash
# Randomised workload for ippeveprinter -vvv, driven by ipptool with good and bad jobs.
# Runs itself in private network+mount namespaces (loopback only) with a private D-Bus and avahi-daemon for DNS-SD.
D=$(cd "$(dirname "$0")" && pwd)
R=/tmp/round36-r36h/ipp; mkdir -p $R
if [ -z "$IN_NS" ]; then exec env IN_NS=1 unshare -n -m --propagation private "$0" "$@"; fi
ip link set lo up
mount -t tmpfs tmpfs /run
export DBUS_SYSTEM_BUS_ADDRESS=unix:path=$R/dbus.sock
LOG=$R/ippeveprinter.log
r() { echo $(( RANDOM % $1 )); }
rm -f $R/dbus.sock; echo > $R/pids
dbus-daemon --config-file=$D/dbus.conf --nofork --nopidfile >/dev/null 2>&1 & echo $! >> $R/pids; sleep 0.5
avahi-daemon -f $D/avahi.conf --no-drop-root --no-chroot --no-rlimits >/dev/null 2>&1 & echo $! >> $R/pids; sleep 1
PORT=49520
start_printer() {
  local cmd=${CMDS[$(r ${#CMDS[@]})]}
  ippeveprinter -vvv -p $PORT -n localhost -d $R/spool -k $cmd "$@" "r36h Test Printer" >>$LOG 2>&1 & PR=$!; echo $PR >> $R/pids; sleep 1.5
}
stop_printer() { kill $PR 2>/dev/null; wait $PR 2>/dev/null; }
export HOME=$R   # keeps the printer's TLS credentials under $R
T=/usr/share/cups/ipptool
CMDS=("" "" "-c /usr/sbin/ippeveps" "-c /usr/sbin/ippevepcl" "-c /usr/sbin/ippevepcl -F application/vnd.hp-pcl" "-c /nonexistent/printcmd")
FMT="-f application/pdf,application/postscript,image/jpeg,image/pwg-raster,text/plain,application/octet-stream"
mkdir -p $R/docs $R/spool
printf 'Hello from the r36h workload\nLine two\n' > $R/docs/doc.txt
printf '%%!PS-Adobe-3.0\n%%%%Pages: 1\n/Times-Roman findfont 24 scalefont setfont 72 720 moveto (r36h) show showpage\n%%%%EOF\n' > $R/docs/doc.ps
head -c 3000 /dev/urandom > $R/docs/garbage.bin
: > $R/docs/empty.txt
printf '%%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%%%EOF\n' > $R/docs/doc.pdf
DOCS=(doc.txt doc.txt doc.ps doc.pdf garbage.bin empty.txt)
U=ipp://localhost:$PORT/ipp/print
ipt() { timeout 30 ipptool -q -T 10 "$@" >/dev/null 2>&1; }
client() {
  local doc=$R/docs/${DOCS[$(r ${#DOCS[@]})]}
  case $(r 20) in
    0|1|2|3) ipt -f $doc $U $T/print-job.test;;
    4) ipt -f $doc $U $T/print-job-and-wait.test;;
    5) ipt $U $T/get-printer-attributes.test;;
    6) ipt -f $doc $U $T/validate-job.test;;
    7) ipt -f $doc $U $T/create-job.test;;
    8) ipt $U $T/get-jobs.test; ipt $U $T/get-completed-jobs.test;;
    9) ipt -d job-id=$((1 + $(r 12))) $U $T/get-job-attributes.test;;
    10) ipt $U $T/cancel-current-job.test;;
    11) ipt $U $T/identify-printer.test;;
    12) ipt -f $doc $U $T/print-job-hold.test;;
    13) ipt -f $doc $U $T/print-job-gzip.test;;
    14) ipt -f $doc $U $T/print-job-media-col.test;;
    15) ipt -f $doc ipp://localhost:$PORT/ipp/other $T/print-job.test;;          # wrong resource
    16) curl -s -o /dev/null http://localhost:$PORT/$(echo "" icon.png media supplies nothing ipp/print | tr ' ' '\n' | shuf -n1);;
    17) printf 'GARBAGE / HTTP/9.9\r\n\r\n' | timeout 3 bash -c "cat > /dev/tcp/127.0.0.1/$PORT" 2>/dev/null;;
    18) curl -s -o /dev/null -X POST -H 'Content-Type: application/ipp' --data-binary @$R/docs/garbage.bin $U;;
    19) ipt -f $doc $U $T/print-job-deflate.test;;
  esac
}
start_printer $FMT
for round in $(seq ${ROUNDS:-7}); do
  for i in $(seq $((4 + $(r 12)))); do client; done
  case $(r 5) in
    0) stop_printer; start_printer $FMT;;                            # restart with another print command
    1) ipt $U $T/ipp-2.0.test;;
    2) ipt -f $R/docs/doc.txt $U $T/ipp-everywhere.test;;
    3) timeout 3 ippeveprinter -vvv -p $PORT -n localhost -d $R/spool "r36h Second" >>$LOG 2>&1;;   # port in use
    4) sleep 2;;
  esac
done
sleep 2; stop_printer
for p in $(cat $R/pids); do kill $p 2>/dev/null; done; wait
sed -n 151,2650p $LOG > $D/ippeveprinter.log   # the stretch kept (at most 2,500 lines)
