#!/bin/bash
# Randomised workload for the NRPE daemon (nagios-nrpe-server) with check_nrpe and a raw client.
# Ports 46000-46009, addresses on 127.0.0.0/8 only.  All run-time files live in ./run.
D=/work/round26/nrpe
R=$D/run
LOG=$R/nrpe_full.log
CN=/usr/lib/nagios/plugins/check_nrpe
RAW="python3 $D/rawclient.py"
P_SSL=46000; P_PLAIN=46001; P_QUIET=46002; P_BAD=46003
rm -rf "$R"; mkdir -p "$R/plugins" "$R/nrpe.d" "$R/pki"
cd "$R"
: > "$LOG"; chown nagios:nagios "$LOG"
PIDS=()

pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
rnd() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }

# --- PKI: CA, server, client signed by CA, rogue self-signed client
(
cd pki
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 30 -subj "/O=Round26 Test CA/CN=nrpe-ca" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/O=Round26/CN=127.0.0.1" 2>/dev/null
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 30 2>/dev/null
for c in client1 client2; do
  openssl req -newkey rsa:2048 -nodes -keyout $c.key -out $c.csr -subj "/O=Round26 Monitoring/OU=poller/CN=$c.example.test" 2>/dev/null
  openssl x509 -req -in $c.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out $c.crt -days 30 2>/dev/null
done
openssl req -x509 -newkey rsa:2048 -nodes -keyout rogue.key -out rogue.crt -days 30 -subj "/O=Evil Corp/CN=rogue.example.test" 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout other.key -out other.crt -days 30 -subj "/O=Other/CN=other" 2>/dev/null
)
chmod 644 pki/*; chmod 755 pki

# --- plugins
mk() { printf '#!/bin/sh\n%s\n' "$2" > plugins/$1; chmod 755 plugins/$1; }
mk ok.sh      'echo "OK - all $(( $$ % 50 + 1 )) services fine|time=0.0$(( $$ % 9 ))s"; exit 0'
mk warn.sh    'echo "WARNING - load average $(( $$ % 7 )).$(( $$ % 10 ))"; exit 1'
mk crit.sh    'echo "CRITICAL - disk /var at 9$(( $$ % 10 ))%"; exit 2'
mk unknown.sh 'echo "UNKNOWN - cannot read sensor"; exit 3'
mk badrc.sh   'echo "weird plugin output"; exit $(( 4 + $$ % 120 ))'
mk slow.sh    'sleep 20; echo "OK - finally"; exit 0'
mk silent.sh  'exit 0'
mk env.sh     'echo "OK - NRPE version $NRPE_PROGRAMVERSION multiline=$NRPE_MULTILINESUPPORT"; exit 0'
mk users.sh   'echo "USERS OK - $(( $$ % 5 )) users currently logged in"; exit 0'
chmod 755 plugins

cmds() {
cat <<EOC
command[check_ok]=$R/plugins/ok.sh
command[check_warn]=$R/plugins/warn.sh
command[check_crit]=$R/plugins/crit.sh
command[check_unknown]=$R/plugins/unknown.sh
command[check_badrc]=$R/plugins/badrc.sh
command[check_slow]=$R/plugins/slow.sh
command[check_silent]=$R/plugins/silent.sh
command[check_env]=$R/plugins/env.sh
command[check_missing]=$R/plugins/does_not_exist.sh
command[check_args]=$R/plugins/ok.sh \$ARG1\$ \$ARG2\$
EOC
}
echo "command[check_users]=$R/plugins/users.sh" > nrpe.d/users.cfg
echo "command[check_disk_var]=$R/plugins/crit.sh" > nrpe.d/disk.cfg
chmod 755 nrpe.d; chmod 644 nrpe.d/*

ssl_cfg() {   # $1 = allowed hosts
cat <<EOC
log_file=$LOG
debug=1
pid_file=$R/nrpe-ssl.pid
server_port=$P_SSL
server_address=127.0.0.1
nrpe_user=nagios
nrpe_group=nagios
allowed_hosts=$1
dont_blame_nrpe=1
command_timeout=$(rnd 2 4)
connection_timeout=$(rnd 3 5)
ssl_version=TLSv1.2+
ssl_use_adh=0
ssl_cacert_file=$R/pki/ca.crt
ssl_cert_file=$R/pki/server.crt
ssl_privatekey_file=$R/pki/server.key
ssl_client_certs=1
ssl_logging=0x3f
include_dir=$R/nrpe.d
EOC
cmds
}
plain_cfg() {
cat <<EOC
log_file=$LOG
debug=1
pid_file=$R/nrpe-plain.pid
server_port=$P_PLAIN
server_address=127.0.0.1
nrpe_user=nagios
nrpe_group=nagios
allowed_hosts=$(pick "127.0.0.1,127.0.0.2" "127.0.0.0/30" "127.0.0.1, 127.0.0.3, localhost")
command_timeout=3
connection_timeout=$(rnd 3 4)
max_commands=$(pick 0 4 8)
EOC
cmds
}
quiet_cfg() {
cat <<EOC
log_file=$LOG
debug=1
pid_file=$R/nrpe-quiet.pid
server_port=$P_QUIET
server_address=127.0.0.1
nrpe_user=nagios
nrpe_group=nagios
allowed_hosts=127.0.0.1
command_timeout=3
connection_timeout=3
ssl_use_adh=$(pick 1 2)
ssl_logging=0x00
EOC
cmds
}

ssl_cfg "127.0.0.1,127.0.0.2/32,localhost" > ssl.cfg
plain_cfg > plain.cfg
quiet_cfg > quiet.cfg
chmod 644 *.cfg

start() {  # cfg extra-args...
  local cfg=$1; shift
  /usr/sbin/nrpe -c "$R/$cfg" "$@" -d >/dev/null 2>&1
  sleep 0.5
}

# --- start the daemons
start ssl.cfg
start plain.cfg -n
/usr/sbin/nrpe -c "$R/quiet.cfg" -f >/dev/null 2>&1 &
QPID=$!; PIDS+=($QPID)
sleep 1

cl_ssl()   { $CN -H 127.0.0.1 -p $P_SSL -t 8 "$@" >/dev/null 2>&1; }
cl_cert()  { $CN -H 127.0.0.1 -p $P_SSL -t 8 -C $R/pki/$1.crt -K $R/pki/$1.key -A $R/pki/ca.crt "${@:2}" >/dev/null 2>&1; }
cl_plain() { $CN -H 127.0.0.1 -p $P_PLAIN -n -t 8 "$@" >/dev/null 2>&1; }
cl_quiet() { $CN -H 127.0.0.1 -p $P_QUIET -t 8 "$@" >/dev/null 2>&1; }

GOOD=(check_ok check_warn check_crit check_unknown check_env check_users check_disk_var check_ok check_ok)
BAD=(check_badrc check_silent check_missing no_such_command check_nonexistent_$RANDOM)

one_round() {
  local n=$1 i c
  for ((i = 0; i < n; i++)); do
    case $((RANDOM % 26)) in
      0|1|2) cl_ssl -c "$(pick "${GOOD[@]}")" & ;;
      3|4)   cl_cert "$(pick client1 client2)" -c "$(pick "${GOOD[@]}")" & ;;
      5)     cl_cert rogue -c check_ok & ;;
      6|7|8) cl_plain -c "$(pick "${GOOD[@]}")" & ;;
      9)     cl_plain -2 -c "$(pick "${GOOD[@]}" "${BAD[@]}")" & ;;
      10)    cl_ssl -c "$(pick "${BAD[@]}")" & ;;
      11)    cl_plain -c "$(pick "${BAD[@]}")" & ;;
      12)    cl_quiet -c "$(pick "${GOOD[@]}" "${BAD[@]}")" & ;;
      13)    cl_ssl -c check_args -a "$(pick foo 80 /var)" "$(pick 90 bar)" & ;;
      14)    cl_plain -c "$(pick 'check_ok;id' 'check_ok|cat' 'a`b`' 'x>y' 'c{1}')" & ;;
      15)    cl_ssl -b 127.0.0.$(rnd 5 9) -c check_ok & ;;
      16)    cl_plain -b 127.0.0.$(rnd 4 9) -c check_ok & ;;
      17)    $RAW "$(pick garbage badver badcrc badtype empty bigsize short)" 127.0.0.1 $P_PLAIN plain "$(pick "${GOOD[@]}")" & ;;
      18)    $RAW "$(pick garbage badver badcrc badtype empty bigsize query2 query4)" 127.0.0.1 $P_SSL ssl "$(pick "${GOOD[@]}")" & ;;
      19)    $RAW plain_to_ssl 127.0.0.1 "$(pick $P_SSL $P_QUIET)" ssl & ;;
      20)    cl_ssl -n -c check_ok & ;;            # non-SSL client to SSL daemon
      21)    $CN -H 127.0.0.1 -p $P_PLAIN -t 8 -c check_ok >/dev/null 2>&1 & ;;  # SSL client to plain daemon
      22)    cl_ssl -S "$(pick TLSv1 TLSv1.1)" -c check_ok & ;;
      23)    cl_ssl -d 2 -c check_ok & ;;           # anonymous DH only: no shared cipher
      24)    cl_plain & cl_ssl & cl_quiet & ;;       # version query (_NRPE_CHECK)
      25)    cl_plain -c "$(pick check_slow check_ok)" & ;;
    esac
    sleep 0.$(rnd 0 3)
  done
  wait_clients
}
wait_clients() { for j in $(jobs -p); do [ "$j" = "$QPID" ] || wait "$j"; done; }

one_round $(rnd 45 60)
cl_ssl -c check_slow & cl_quiet -c check_slow &
$RAW hang 127.0.0.1 $P_PLAIN plain 8 &
$RAW hang 127.0.0.1 $P_SSL ssl 9 &
$RAW hang 127.0.0.1 $P_QUIET plain_to_ssl 7 &
wait_clients

# --- reload the SSL daemon with a changed ACL
ssl_cfg "$(pick "127.0.0.1,127.0.0.4/30" "127.0.0.1 127.0.0.8/29" "127.0.0.0/29,localhost")" > ssl.cfg
echo "bogus_option=yes" >> ssl.cfg
kill -HUP "$(cat nrpe-ssl.pid)"; sleep 1
one_round $(rnd 35 50)

# --- a second daemon on a busy port, an already running daemon, broken configs
sed "s/^pid_file=.*/pid_file=$(echo $R | sed 's,/,\\/,g')\/nrpe-busy.pid/" plain.cfg > busy.cfg; chmod 644 busy.cfg
start busy.cfg -n
start plain.cfg -n
for k in $(shuf -e 1 2 3 4 5 6 -n 4); do
  {
    echo "log_file=$LOG"
    echo "debug=1"
    echo "pid_file=$R/nrpe-bad$k.pid"
    echo "server_port=$P_BAD"
    echo "server_address=127.0.0.1"
    echo "nrpe_user=nagios"
    echo "nrpe_group=nagios"
    case $k in
      1) echo "server_port=0"; echo "command_timeout=-4"; echo "=nothing" ;;
      2) echo "ssl_version=SSLv9"; echo "ssl_client_certs=7"; echo "command[]=/bin/true" ;;
      3) echo "connection_timeout=-1"; echo "ssl_use_adh=5"; echo "max_commands=-3"; echo "listen_queue_size=0" ;;
      4) echo "include=$R/missing.cfg"; echo "include_dir=$R/no-such-dir"; echo "log_facility=local99" ;;
      5) echo "allowed_hosts=127.0.0.1,300.1.2.3,10.0.0.0/40,127.0.0.1/33"; echo "ssl_shutdown_timeout=-9"; echo "empty_value=" ;;
      6) echo "ssl_cert_file=$R/pki/server.crt"; echo "ssl_privatekey_file=$R/pki/other.key" ;;
    esac
    cmds
  } > bad$k.cfg
  chmod 644 bad$k.cfg
  start bad$k.cfg
  [ -f nrpe-bad$k.pid ] && kill "$(cat nrpe-bad$k.pid)" 2>/dev/null
  sleep 0.3
done

one_round $(rnd 15 25)

# --- restart the plain daemon, reload the quiet one, stop the SSL one for a while
kill -TERM "$(cat nrpe-plain.pid)"; sleep 1
plain_cfg > plain.cfg; chmod 644 plain.cfg
start plain.cfg -n
kill -HUP $QPID; sleep 1
kill -TERM "$(cat nrpe-ssl.pid)"; sleep 1
cl_ssl -c check_ok &   # nobody listens now
one_round $(rnd 10 20)
ssl_cfg "127.0.0.1,127.0.0.2" > ssl.cfg
start ssl.cfg
one_round $(rnd 35 50)

# --- shut everything down
kill -TERM "$(cat nrpe-ssl.pid)" "$(cat nrpe-plain.pid)" 2>/dev/null
kill -TERM $QPID 2>/dev/null
wait $QPID 2>/dev/null
sleep 1
head -n 2500 "$LOG" > "$D/nrpe.log"
wc -l "$LOG" "$D/nrpe.log"
