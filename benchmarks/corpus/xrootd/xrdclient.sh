#!/bin/bash
# One randomised XRootD client: runs N random operations against the server on 25650 (xroot) and 25651 (http).
cd "$(dirname "$0")"
N=${1:-10}
S=127.0.0.1:25650
D=/work/round23/xrootd/run/data
T=tmp/c$$
mkdir -p $T
export XRD_REQUESTTIMEOUT=8 XRD_CONNECTIONRETRY=1 XRD_STREAMERRORWINDOW=0
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
for i in $(seq $N); do
  # identity: good sss key, unix (no key), or a wrong sss key forced
  case $((RANDOM % 6)) in
    0|1|2) export XrdSecSSSKT=$PWD/tmp/good.keytab; unset XrdSecPROTOCOL ;;
    3|4) export XrdSecSSSKT=/nonexistent; export XrdSecPROTOCOL=unix ;;
    5) export XrdSecSSSKT=$PWD/tmp/bad.keytab; export XrdSecPROTOCOL=sss ;;
  esac
  area=$(pick public public private nosuchdir)
  f=$D/$area/$(pick a b c d e)$((RANDOM % 4)).dat
  case $((RANDOM % 24)) in
    0|1|2) head -c $((RANDOM * 8)) /dev/urandom > $T/up; xrdcp -s $(pick -f -f "") $T/up root://$S/$f ;;
    3|4) xrdcp -s -f root://$S/$f $T/down ;;
    5) xrdfs $S ls $(pick -l "" -l) $D/$area ;;
    6) xrdfs $S stat $f ;;
    7) xrdfs $S mkdir $(pick -p "") $D/$area/dir$((RANDOM % 3)) ;;
    8) xrdfs $S rm $f ;;
    9) xrdfs $S rmdir $D/$area/dir$((RANDOM % 3)) ;;
    10) xrdfs $S mv $f $D/$(pick public private)/moved$((RANDOM % 3)).dat ;;
    11) xrdfs $S chmod $f $(pick rwxr-x--- rw-r--r--) ;;
    12) xrdfs $S truncate $f $((RANDOM % 1000)) ;;
    13) xrdfs $S cat $f > /dev/null ;;
    14) xrdfs $S locate $(pick "" -r -d) $f ;;
    15) xrdfs $S query checksum $f ;;
    16) xrdfs $S query config $(pick version role chksum bind_max pio_max readv_iov_max tpc) ;;
    17) xrdfs $S $(pick spaceinfo statvfs) $D ;;
    18) xrdfs $S stat $(pick /etc/passwd /tmp / $D/../authdb) ;;
    19) xrdfs $S xattr $f $(pick get list) $(pick user.note "") ;;
    20) xrdfs $S query stats $(pick a i l p s) ;;
    21) m=$(pick GET GET PUT DELETE HEAD PROPFIND MKCOL OPTIONS)
        curl -s -o /dev/null -m 5 -X $m $( [ $m = PUT ] && echo --data-binary @/etc/hostname ) "http://127.0.0.1:25651$f" ;;
    22) printf "$(pick 'GARBAGE\r\n' '\x00\x00\x00\x00\x00\x00\x00\x04\x00\x00\x07\xdc' 'GET /../../etc/passwd HTTP/1.0\r\n\r\n' '\x16\x03\x01\x02\x00\x01')" | timeout 3 socat -t2 - TCP:127.0.0.1:$(pick 25650 25651) > /dev/null 2>&1 ;;
    23) xrdfs $S prepare $(pick -s -e "" ) $f ;;
  esac > /dev/null 2>&1
  sleep 0.$((RANDOM % 3))
done
rm -rf $T
