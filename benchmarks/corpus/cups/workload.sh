#!/bin/bash
# Round-5 corpus workload: CUPS 2.4 cupsd (Debian 12 package) in the foreground with a private
# configuration, LogLevel info, ErrorLog to $OUT/cups.log, listening on 127.0.0.1:15831 only;
# DURATION seconds of randomised lp/lpstat/cancel/lpadmin/cupsenable/cupsdisable/curl clients.
# Run as root: bash workload.sh OUT_DIR [DURATION]
set -u
OUT=${1:?out dir}; DURATION=${2:-180}
OUT=$(readlink -f "$OUT"); mkdir -p "$OUT"
D=$OUT/cupsroot; rm -rf "$D" "$OUT/cups.log"
mkdir -p "$D"/{etc/ppd,spool/tmp,cache,state/certs,log}
chmod 755 "$D" "$D"/*; chmod 1770 "$D/spool" ; chgrp lp "$D/spool" 2>/dev/null
PORT=15831
cat > "$D/etc/cups-files.conf" <<CONF
FileDevice Yes
SystemGroup root
User lp
Group lp
ServerRoot $D/etc
RequestRoot $D/spool
TempDir $D/spool/tmp
CacheDir $D/cache
StateDir $D/state
ServerBin /usr/lib/cups
DataDir /usr/share/cups
ErrorLog $OUT/cups.log
AccessLog $D/log/access_log
PageLog $D/log/page_log
Printcap $D/printcap
CONF
cat > "$D/etc/cupsd.conf" <<CONF
LogLevel info
MaxLogSize 0
Listen 127.0.0.1:$PORT
Browsing No
BrowseLocalProtocols none
DefaultAuthType Basic
WebInterface Yes
MaxJobs 50
PreserveJobHistory Yes
<Location />
  Order allow,deny
  Allow 127.0.0.1
</Location>
<Location /admin>
  AuthType Basic
  Require user @SYSTEM
  Order allow,deny
  Allow 127.0.0.1
</Location>
<Location /admin/conf>
  AuthType Basic
  Require user @SYSTEM
  Order allow,deny
  Allow 127.0.0.1
</Location>
<Location /admin/log>
  AuthType Basic
  Require user @SYSTEM
  Order allow,deny
  Allow 127.0.0.1
</Location>
<Policy default>
  JobPrivateAccess default
  JobPrivateValues default
  SubscriptionPrivateAccess default
  SubscriptionPrivateValues default
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
export CUPS_SERVER=127.0.0.1:$PORT CUPS_STATEDIR=$D/state
cupsd -f -c "$D/etc/cupsd.conf" -s "$D/etc/cups-files.conf" & CUPSD=$!
sleep 2
# every client gets a time limit: cupsd holds new connections while a reload waits for jobs
for c in lp lpstat lpq cancel lpadmin lpmove cupsenable cupsdisable cupsaccept cupsreject; do
  eval "$c() { timeout 8 $(command -v $c) \"\$@\"; }"
done
{
lpadmin -p office -E -v file:/dev/null -m drv:///sample.drv/generic.ppd -D "Office laser" -L "Room 101"
lpadmin -p rawq -E -v file:/dev/null -m raw
lpadmin -p deadipp -E -v ipp://127.0.0.1:15899/ipp/print -m raw -o printer-error-policy=abort-job
lpadmin -p lab -E -v socket://127.0.0.1:15898 -m drv:///sample.drv/generic.ppd -o printer-error-policy=stop-printer
lpadmin -p office -c pool; lpadmin -p rawq -c pool; cupsenable pool; cupsaccept pool
lpadmin -d office
} 2>/dev/null
END=$((SECONDS + DURATION))
r() { echo $((RANDOM % $1)); }
users=(root alice bob carol dave erin)
printers=(office rawq deadipp lab pool office rawq)
printf 'quarterly report %s\nline two\n' $RANDOM > "$D/doc.txt"
head -c 3000 /dev/urandom | base64 > "$D/big.txt"
printf '%%!PS\n/Helvetica findfont 12 scalefont setfont 72 720 moveto (Test %s) show showpage\n' $RANDOM > "$D/doc.ps"
files=("$D/doc.txt" "$D/big.txt" "$D/doc.ps" /etc/hostname)
U() { echo ${users[$(r ${#users[@]})]}; }
P() { echo ${printers[$(r ${#printers[@]})]}; }
F() { echo ${files[$(r ${#files[@]})]}; }
last_job() { lpstat -W all -o 2>/dev/null | awk '{print $1}' | sed 's/.*-//' | sort -n | tail -1; }
C() { curl -s -o /dev/null -m 5 "$@" 2>/dev/null; }
while [ $SECONDS -lt $END ]; do
  case $(r 24) in
    0|1|2) lp -U $(U) -d $(P) -t "job$RANDOM" -n $((1 + $(r 3))) "$(F)" >/dev/null 2>&1 ;;
    3) lp -U $(U) -d rawq -o raw "$(F)" >/dev/null 2>&1 ;;
    4) lp -U $(U) -d nosuch$(r 5) "$(F)" >/dev/null 2>&1 ;;
    5) id=$(lp -U $(U) -d $(P) -H hold "$(F)" 2>/dev/null | awk '{print $4}')
       sleep 0.3
       if [ -n "$id" ]; then
         case $(r 3) in 0) lp -i "$id" -H resume ;; 1) cancel "$id" ;; 2) lp -i "$id" -q $((1 + $(r 99))) ;; esac >/dev/null 2>&1
       fi ;;
    6) j=$(last_job); [ -n "$j" ] && cancel $((j - $(r 4))) >/dev/null 2>&1 ;;
    7) cancel $((5000 + $(r 1000))) >/dev/null 2>&1 ;;
    8) p=$(P); cupsdisable -r "maintenance $RANDOM" $p; lp -U $(U) -d $p "$(F)" >/dev/null 2>&1; sleep 0.5; cupsenable $p ;;
    9) p=$(P); cupsreject -r "full $(r 9)" $p; lp -U $(U) -d $p "$(F)" >/dev/null 2>&1; cupsaccept $p ;;
    10) cupsenable lab deadipp; [ $(r 2) = 0 ] && cancel -a deadipp lab >/dev/null 2>&1 ;;
    11) n=tmp$(r 20); lpadmin -p $n -E -v file:/dev/null -m drv:///sample.drv/generic.ppd 2>/dev/null; lp -d $n "$(F)" >/dev/null 2>&1; sleep 0.5; lpadmin -x $n ;;
    12) lpadmin -p $(P) -o job-sheets-default=none -o copies-default=$((1 + $(r 3))) >/dev/null 2>&1 ;;
    13) lpadmin -x ghost$(r 9) >/dev/null 2>&1; lpadmin -p bad$(r 9) -v bogus://x >/dev/null 2>&1 ;;
    14) lpstat -t >/dev/null 2>&1; lpq -P $(P) >/dev/null 2>&1; lpstat -W completed -o >/dev/null 2>&1 ;;
    15) C http://127.0.0.1:$PORT/; C http://127.0.0.1:$PORT/printers/$(P); C http://127.0.0.1:$PORT/jobs/; C "http://127.0.0.1:$PORT/jobs/?which_jobs=completed" ;;
    16) C http://127.0.0.1:$PORT/admin; C -u $(U):wrong$RANDOM http://127.0.0.1:$PORT/admin/log/error_log ;;
    17) C -u nouser$(r 50):x http://127.0.0.1:$PORT/admin/ ; C http://127.0.0.1:$PORT/missing/page$(r 9).html ;;
    18) printf 'GARBAGE %s\r\n\r\n' $RANDOM | timeout 2 python3 -c "import socket,sys; s=socket.create_connection(('127.0.0.1',$PORT)); s.sendall(sys.stdin.buffer.read()); s.recv(100)" 2>/dev/null
        C -X DELETE http://127.0.0.1:$PORT/printers/office; C -X POST -H 'Content-Type: application/ipp' --data-binary 'nonsense' http://127.0.0.1:$PORT/printers/rawq ;;
    19) j=$(last_job); [ -n "$j" ] && lpmove $j $(P) >/dev/null 2>&1; cancel -a $(P) >/dev/null 2>&1 ;;
    20) lp -U $(U) -d lab "$(F)" >/dev/null 2>&1; lp -U $(U) -d deadipp "$(F)" >/dev/null 2>&1 ;;
    21) if [ $(r 3) = 0 ]; then cancel -a deadipp lab >/dev/null 2>&1; sleep 1; kill -HUP $CUPSD; sleep 3; fi ;;
    22) lpadmin -d $(P) >/dev/null 2>&1; lpstat -d >/dev/null 2>&1 ;;
    23) cancel -x $(last_job) >/dev/null 2>&1; lpstat -p >/dev/null 2>&1 ;;
  esac
  sleep 0.$((3 + $(r 6)))
done
sleep 3; kill $CUPSD; wait $CUPSD 2>/dev/null
