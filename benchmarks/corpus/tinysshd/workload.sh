#!/bin/bash
# Randomised workload for tinysshd (Debian package tinysshd) run per connection under
# ucspi-tcp's tcpserver on 127.0.0.1:34800. tinysshd's stderr (its log) goes to tinysshd.log.
# The server runs in a private mount namespace where /root is a bind of a scratch home,
# so authorized_keys lives under /tmp/round32-r32c/tiny and nothing system-wide changes.
# Keys (host and client) are generated under /tmp/round32-r32c/tiny and never kept here.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/round32-r32c/tiny
LOG=${LOG:-$HERE/tinysshd.log}
PORT=34800
ROUNDS=${ROUNDS:-14}
mkdir -p "$W"
cd "$W" || exit 1
SRVPID=

setup() {
    rm -rf keydir keydir-nosk keydir-empty client roothome
    tinysshd-makekey keydir
    mkdir keydir-nosk keydir-empty && cp keydir/ed25519.pk keydir-nosk/
    mkdir -p client roothome/.ssh
    ssh-keygen -q -t ed25519 -N '' -f client/id_ok
    ssh-keygen -q -t ed25519 -N '' -f client/id_other
    ssh-keygen -q -t ecdsa -N '' -f client/id_ecdsa
    ssh-keygen -q -t rsa -b 2048 -N '' -f client/id_rsa
    good_home
}

good_home() {
    chown -R root:root roothome
    chmod 700 roothome roothome/.ssh
    rm -rf roothome/.ssh/authorized_keys
    { cat client/id_other.pub | sed 's/^/# old key /'; echo; cat client/id_ok.pub; } > roothome/.ssh/authorized_keys
    chmod 600 roothome/.ssh/authorized_keys
}

start_server() {   # args: tinysshd options and keydir
    unshare -m --propagation private sh -c \
        'mount --bind /tmp/round32-r32c/tiny/roothome /root && exec tcpserver -q -c 8 127.0.0.1 '$PORT' /usr/sbin/tinysshd "$@"' \
        tinysshd "$@" 2>>"$LOG" &
    SRVPID=$!
    echo "$SRVPID" > "$W/server.pid"
    sleep 0.5
}

stop_server() {
    [ -n "$SRVPID" ] && kill "$SRVPID" 2>/dev/null && wait "$SRVPID" 2>/dev/null
    SRVPID=
}

SSHO=(-p $PORT -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes
      -o LogLevel=QUIET -o IdentitiesOnly=yes -o ConnectTimeout=5)
sshc() { timeout 20 ssh "${SSHO[@]}" "$@" </dev/null >/dev/null 2>&1; }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

CMDS=("true" "uname -a" "echo hello" "ls /" "id" "date" "exit 3" "cat /nonexistent" "sleep 1" "head -c 100 /dev/zero | wc -c"
      "printf 'x%.0s' 1 2 3" "false" "kill -9 \$\$" "kill -TERM \$\$" "seq 1 5000")

c_exec()      { sshc -i client/id_ok root@127.0.0.1 "$(pick "${CMDS[@]}")"; }
c_envexec()   { sshc -i client/id_ok -o SetEnv="$(pick LANG=C LC_ALL=C.UTF-8 FOO=bar TZ=UTC PATH=/tmp EDITOR=vi)" root@127.0.0.1 "$(pick "${CMDS[@]}")"; }
c_shell()     { echo "$(pick 'echo hi' 'ls /tmp >/dev/null' 'exit 0' 'exit 7')" | timeout 20 ssh "${SSHO[@]}" -T -i client/id_ok root@127.0.0.1 >/dev/null 2>&1; }
c_pty()       { timeout 20 ssh "${SSHO[@]}" -tt -i client/id_ok root@127.0.0.1 "$(pick 'true' 'tty' 'stty size')" </dev/null >/dev/null 2>&1; }
c_ptyshell()  { printf 'exit\n' | timeout 20 ssh "${SSHO[@]}" -tt -i client/id_ok root@127.0.0.1 >/dev/null 2>&1; }
c_subsys()    { sshc -i client/id_ok -s root@127.0.0.1 "$(pick echo cat sftp netconf date)"; }
c_agentx11()  { sshc -i client/id_ok $(pick -A -X "-A -X") root@127.0.0.1 true; }
c_keepalive() { sshc -i client/id_ok -o ServerAliveInterval=1 root@127.0.0.1 "sleep $((2 + RANDOM % 3))"; }
c_forward()   { sshc -i client/id_ok -W 127.0.0.1:$((34801 + RANDOM % 5)) root@127.0.0.1; }
c_wrongkey()  { sshc -i client/id_other root@127.0.0.1 true; }
c_twokeys()   { sshc -i client/id_other -i client/id_ecdsa -i client/id_ok root@127.0.0.1 true; }
c_rsa()       { sshc -i client/id_rsa root@127.0.0.1 true; }
c_nouser()    { sshc -i client/id_ok "$(pick admin guest oracle test deploy)@127.0.0.1" true; }
c_nobody()    { sshc -i client/id_ok "$(pick nobody daemon bin)@127.0.0.1" true; }
c_cipher()    { sshc -i client/id_ok -o Ciphers=$(pick aes128-ctr aes256-gcm@openssh.com aes192-ctr) root@127.0.0.1 true; }
c_kex()       { sshc -i client/id_ok -o KexAlgorithms=$(pick ecdh-sha2-nistp256 diffie-hellman-group14-sha256 diffie-hellman-group16-sha512) root@127.0.0.1 true; }
c_hostkey()   { sshc -i client/id_ok -o HostKeyAlgorithms=$(pick rsa-sha2-256 ecdsa-sha2-nistp256 rsa-sha2-512) root@127.0.0.1 true; }
c_kexcurve()  { sshc -i client/id_ok -o KexAlgorithms=curve25519-sha256 root@127.0.0.1 "$(pick "${CMDS[@]}")"; }
c_rekey()     { sshc -i client/id_ok -o RekeyLimit=$(pick 4K 16K 64K) root@127.0.0.1 "head -c $((100000 + RANDOM * 4)) /dev/zero"; }
raw() { # send bytes (printf format) and hang up
    timeout 5 bash -c 'exec 3<>/dev/tcp/127.0.0.1/'$PORT' || exit 1; printf "$1" >&3; sleep 0.3; exec 3>&-' _ "$1" 2>/dev/null; }
c_hangup()    { raw ''; }
c_banner()    { raw 'SSH-2.0-scanner_1.0\r\n'; }
c_garbage()   { raw "$(pick 'GET / HTTP/1.0\r\n\r\n' 'HELO example.org\r\n' 'SSH-1.5-OldClient\r\n' '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03')"; }
c_biglen()    { raw 'SSH-2.0-fuzz\r\n\xff\xff\x00\x10\x04abcdefgh'; }
c_badtype()   { raw 'SSH-2.0-fuzz\r\n\x00\x00\x00\x0c\x0a\x05\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'; }
c_idle()      { (timeout 70 bash -c 'exec 3<>/dev/tcp/127.0.0.1/'$PORT'; sleep 65' 2>/dev/null &) ; }

perturb_home() {  # break the auth paths in one of several ways, then one login attempt, then repair
    case $((RANDOM % 7)) in
        0) chmod g+w roothome/.ssh ;;
        1) chmod o+w roothome ;;
        2) rm -f roothome/.ssh/authorized_keys ;;
        3) rm -f roothome/.ssh/authorized_keys; mkdir roothome/.ssh/authorized_keys ;;
        4) chown nobody roothome/.ssh/authorized_keys ;;
        5) chmod 000 roothome/.ssh/authorized_keys; chown nobody roothome/.ssh/authorized_keys ;;
        6) rm -rf roothome/.ssh ;;
    esac
    sshc -i client/id_ok root@127.0.0.1 true
    mkdir -p roothome/.ssh
    good_home
}

# weighted list of client actions
ACTIONS=(c_exec c_exec c_exec c_exec c_exec c_exec c_exec c_envexec c_envexec c_shell c_shell c_pty c_ptyshell
         c_subsys c_agentx11 c_keepalive c_forward c_wrongkey c_wrongkey c_wrongkey c_twokeys c_rsa c_nouser
         c_nouser c_nobody c_cipher c_kex c_hostkey c_kexcurve c_rekey c_hangup c_hangup c_banner c_garbage
         c_biglen c_badtype perturb_home perturb_home)

setup
for round in $(seq 1 "$ROUNDS"); do
    # each round restarts the service with one of several configurations
    case $((RANDOM % 10)) in
        0|1|2|3) start_server -vv "$W/keydir" ;;
        4) start_server -vv -x echo=/bin/echo -x cat=/bin/cat "$W/keydir" ;;
        5) start_server -vv -e "/bin/echo restricted" "$W/keydir" ;;
        6) start_server -v "$W/keydir" ;;
        7) start_server -vv -p "$W/keydir" ;;
        8) start_server -vv "$W/$(pick keydir-nosk keydir-empty keydir-missing)" ;;
        9) start_server -vv -$(pick z k h) "$W/keydir" ;;
    esac
    n=$((3 + RANDOM % 12))
    for i in $(seq 1 $n); do
        a=$(pick "${ACTIONS[@]}")
        $a
    done
    [ $((RANDOM % 6)) -eq 0 ] && c_idle
    stop_server
done
sleep 70   # let idle connections time out
