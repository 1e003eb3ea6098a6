#!/bin/bash
# dirmngr workload: dirmngr --daemon (guru debug, --log-file) inside a private network+mount
# namespace, driven by gpg-connect-agent --dirmngr sessions against fakehkp.py.
set -u
D=/work/round41/dirmngr
T=/tmp/round41-r41e/dm
if [ "${1:-}" != inner ]; then
  rm -rf "$T"; mkdir -p "$T"
  exec unshare -n -m --propagation private bash "$D/workload.sh" inner
fi
set -m
ip link set lo up
export HOME=$T/h TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config XDG_CACHE_HOME=$T/xdg/cache XDG_DATA_HOME=$T/xdg/data XDG_RUNTIME_DIR=$T/xdg/run
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_CACHE_HOME $XDG_DATA_HOME $XDG_RUNTIME_DIR $T/keys $T/files
G=$T/home; mkdir -p $G; chmod 700 $G
LOG=$T/raw.log; : > $LOG
# some public keys to serve (made in a throwaway gpg home, agent stopped afterwards)
mkdir -p $T/gpg; chmod 700 $T/gpg
for n in ann bob cyd dee; do
  gpg --homedir $T/gpg --batch --pinentry-mode loopback --passphrase '' --quick-gen-key "$n <$n@example.test>" ed25519 sign never 2>/dev/null
done
for f in $(gpg --homedir $T/gpg --with-colons --list-keys 2>/dev/null | awk -F: '/^fpr/{print $10}'); do
  gpg --homedir $T/gpg --armor --export $f > $T/keys/$f.asc
  gpg --homedir $T/gpg --export $f > $T/files/$f.bin
done
gpgconf --homedir $T/gpg --kill all; rm -rf $T/gpg
FPRS=($(ls $T/keys | sed 's/\.asc$//'))
head -c 400 /dev/urandom > $T/files/junk.crl
openssl req -x509 -newkey rsa:2048 -nodes -keyout $T/ca.key -out $T/ca.pem -days 30 -subj /CN=r41e-test-ca 2>/dev/null
mkdir -p $T/ca; touch $T/ca/index.txt; echo 01 > $T/ca/crlnumber
cat > $T/ca/ca.cnf <<C
[ca]
default_ca=d
[d]
database=$T/ca/index.txt
crlnumber=$T/ca/crlnumber
default_md=sha256
default_crl_days=7
C
openssl ca -config $T/ca/ca.cnf -gencrl -keyfile $T/ca.key -cert $T/ca.pem -out $T/files/ok.crl.pem 2>/dev/null
openssl crl -in $T/files/ok.crl.pem -outform DER -out $T/files/ok.crl 2>/dev/null
rm -f $T/ca.key
python3 $D/fakehkp.py 60100 $T/keys > /dev/null 2>&1 &
HKP=$!
echo "keyserver hkp://127.0.0.1:60100" > $G/dirmngr.conf
start_dm() {
  dirmngr --homedir $G --daemon --log-file $LOG --debug-level guru --resolver-timeout 2 \
    --connect-timeout 3 --connect-quick-timeout 2 > /dev/null 2>&1
  sleep 0.5
}
cmd() {
  local f=${FPRS[$((RANDOM % ${#FPRS[@]}))]}
  case $((RANDOM % 40)) in
    0|1|2|3|4|5) echo "KS_GET $f" ;;
    6|7) echo "KS_GET 0x${f:24:16}" ;;
    8) echo "KS_GET --quick 0x${f:32:8}" ;;
    9) echo "KS_GET 0xDEADBEEF$((RANDOM % 9000 + 1000))CAFE" ;;
    10|11|12) echo "KS_SEARCH $(printf 'ann\nbob\ncyd\nzed\nexample.test' | shuf -n1)" ;;
    13|14) echo "KS_FETCH http://127.0.0.1:60100/key/$f.asc" ;;
    15) echo "KS_FETCH http://127.0.0.1:60100/key/missing$RANDOM.asc" ;;
    16) echo "KS_FETCH http://127.0.0.1:60100/redir$RANDOM" ;;
    17) echo "KS_FETCH http://127.0.0.1:60100/garbage" ;;
    18) echo "KS_FETCH http://127.0.0.1:60108/key/x.asc" ;;
    19) echo "KS_FETCH ftp://127.0.0.1:60100/x" ;;
    20|21) echo "/definqfile KEYBLOCK $T/files/$f.bin"; echo "KS_PUT" ;;
    22) echo "KEYSERVER" ;;
    23) echo "KEYSERVER --clear hkp://127.0.0.1:$((60100 + RANDOM % 3 * 4))" ;;
    24) echo "KEYSERVER --clear hkp://127.0.0.1:60100" ;;
    25) echo "KEYSERVER --clear bogus://nowhere" ;;
    26) echo "WKD_GET $(printf 'ann\nbob' | shuf -n1)@example.test" ;;
    27) echo "GETINFO $(printf 'version\npid\nsocket_name\nsession_id\ntor\ndnsinfo\nworkqueue\nnosuchthing' | shuf -n1)" ;;
    28) echo "DNS_CERT --pka ann@example.test" ;;
    29) echo "LOADCRL $T/files/$(printf 'ok.crl\njunk.crl\nnone.crl' | shuf -n1)" ;;
    30) echo "LISTCRLS" ;;
    31) echo "ISVALID $(head -c 20 /dev/urandom | xxd -p | tr a-f A-F) $(head -c 3 /dev/urandom | xxd -p)" ;;
    32) echo "CHECKCRL" ;;
    33) echo "FLUSHCRLS" ;;
    34) echo "LOOKUP --url ldap://127.0.0.1:60105/x" ;;
    35) echo "NOSUCHCOMMAND $RANDOM" ;;
    36) echo "KS_GET" ;;
    37) echo "KEYSERVER --resolve" ;;
    38) echo "OPTION http-proxy=http://127.0.0.1:60107" ;;
    39) echo "RESET" ;;
  esac
}
start_dm
N=${N:-85}
for i in $(seq 1 $N); do
  r=$((RANDOM % 100))
  if [ $r -lt 85 ]; then
    args=(); for j in $(seq 1 $((1 + RANDOM % 6))); do
      while IFS= read -r l; do args+=("$l"); done < <(cmd)
    done
    timeout 40 gpg-connect-agent --dirmngr --no-autostart --homedir $G "${args[@]}" /bye > /dev/null 2>&1
  elif [ $r -lt 90 ]; then
    timeout 20 gpg-connect-agent --dirmngr --no-autostart --homedir $G RELOADDIRMNGR /bye > /dev/null 2>&1
  elif [ $r -lt 93 ]; then
    # bad option in the configuration file, then reload
    echo "no-such-option yes" >> $G/dirmngr.conf
    timeout 20 gpg-connect-agent --dirmngr --no-autostart --homedir $G RELOADDIRMNGR /bye > /dev/null 2>&1
    echo "keyserver hkp://127.0.0.1:60100" > $G/dirmngr.conf
  elif [ $r -lt 96 ]; then
    timeout 20 gpg-connect-agent --dirmngr --no-autostart --homedir $G KILLDIRMNGR /bye > /dev/null 2>&1
    sleep 1; start_dm
  elif [ $r -lt 98 ]; then
    # pause the keyserver so requests time out, then continue it
    kill -STOP $HKP
    timeout 40 gpg-connect-agent --dirmngr --no-autostart --homedir $G "KS_GET ${FPRS[0]}" /bye > /dev/null 2>&1
    kill -CONT $HKP
  else
    kill $HKP; wait $HKP 2>/dev/null
    timeout 40 gpg-connect-agent --dirmngr --no-autostart --homedir $G "KS_SEARCH bob" /bye > /dev/null 2>&1
    python3 $D/fakehkp.py 60100 $T/keys > /dev/null 2>&1 &
    HKP=$!; sleep 0.5
  fi
done
timeout 20 gpg-connect-agent --dirmngr --no-autostart --homedir $G KILLDIRMNGR /bye > /dev/null 2>&1
sleep 1
kill $HKP; wait $HKP 2>/dev/null
sed -n '1,2500p' $LOG > $D/dirmngr.log
wc -l $LOG $D/dirmngr.log
