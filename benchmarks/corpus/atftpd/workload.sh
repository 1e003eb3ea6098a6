#!/bin/bash
# Randomised workload for atftpd (Debian 12 atftpd 0.8.0). Ports 43060-43079 on 127.0.0.1 only.
D=/work/round26/atftpd
W=$D/run
LOG=$D/atftpd.raw.log
PORT=43069
MPORT=43070
export TFTP_PORT=$PORT MTFTP_PORT=$MPORT
rm -rf "$W"; mkdir -p "$W/root/upload" "$W/root/pxelinux.cfg"
: > "$LOG"; chmod 666 "$LOG"
chmod 777 "$W" "$W/root" "$W/root/upload"
cd "$W/root"
printf 'hello tftp world\nline two\r\nline three\n' > small.txt
echo "default linux" > boot.cfg
echo "default menu" > pxelinux.cfg/default
head -c $((RANDOM % 400 + 50)) /dev/urandom > hello.bin
head -c 900 /dev/urandom > pxelinux.0
head -c 700 /dev/urandom > linux
head -c 600 /dev/urandom > master.conf
printf 'Welcome\nto the server\n' > motd.txt
head -c $((2000 + RANDOM % 3000)) /dev/urandom > medium.bin
chmod 644 *.* pxelinux.0 linux pxelinux.cfg/default
# the pattern and mtftp files end without a newline: atftpd logs the raw line read
printf '%s' '^(\w*\.conf|p?pxelinux\.cfg/[0-9A-F]{1,6}|kernel-\d)$  master.conf' > "$W/pcre.txt"
printf '# file_name     IP          Port\nmissing.img 239.255.1.2 43076\n../etc/passwd 239.255.1.3 43077\nlinux 239.255.1.1 43075' > "$W/mtftp.conf"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; }
trap cleanup EXIT

C="python3 $D/tftpclient.py"
KINDS=(get get get get put put notfound dotdot dotdot_put badopt err_get err_put dup
       wrongblock stall_get stall_put nodir badop garbage short emptyname badmode pcre mtftp)

start() {  # start atftpd in the foreground-daemon mode with extra args
    atftpd --daemon --no-fork --port $PORT --bind-address 127.0.0.1 --logfile "$LOG" \
        --user nobody --group nogroup "$@" "$W/root" &
    SRV=$!; PIDS+=($SRV); sleep 1
}
waitc() { local j; j=$(jobs -p | grep -v "^${SRV:-none}$"); [ -n "$j" ] && wait $j 2>/dev/null; }
stop() { kill -"$1" "$SRV"; wait "$SRV" 2>/dev/null; }

run_clients() {  # $1 = number of rounds
    for ((i = 0; i < $1; i++)); do
        n=$((RANDOM % 3 + 1))
        for ((j = 0; j < n; j++)); do
            $C "${KINDS[RANDOM % ${#KINDS[@]}]}" &
        done
        waitc
        sleep 0.$((RANDOM % 3))
    done
}

# 1. start-up failures: bad bind address, then port already in use
atftpd --daemon --no-fork --port $PORT --bind-address 999.1.2.3 --logfile "$LOG" \
    --verbose=7 "$W/root"
python3 -c "
import socket,time,subprocess,sys
s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.bind(('127.0.0.1',$PORT))
subprocess.run(['atftpd','--daemon','--no-fork','--port','$PORT','--bind-address','127.0.0.1',
  '--logfile','$LOG','--verbose=7','$W/root'])"

# 2. full-featured server with trace, pcre, mtftp, pid file already present
echo 99999 > "$W/atftpd.pid"
start --verbose=7 --trace --maxthread $((RANDOM % 4 + 6)) --retry-timeout 1 \
    --pidfile "$W/atftpd.pid" --pcre "$W/pcre.txt" --mtftp "$W/mtftp.conf" --mtftp-port $MPORT \
    --mcast-addr 239.255.0.1-10 --mcast-port 43071-43074
run_clients $((30 + RANDOM % 10))
# hit the thread limit with stalled readers
for k in $(seq 1 12); do $C hold medium.bin 4 & done
sleep 1; $C get; waitc
run_clients $((10 + RANDOM % 5))
stop INT

# 3. server with options disabled, local-listen, relaxed source port checking
start --verbose=7 --trace --no-tsize --no-blksize --no-timeout --no-windowsize --no-multicast \
    --listen-local --no-source-port-checking --prevent-sas --mcast-switch-client \
    --maxthread 3 --retry-timeout 1
run_clients $((15 + RANDOM % 8))
for k in 1 2 3 4 5; do $C hold small.txt 3 & done
sleep 1; $C get; waitc
stop TERM

# 4. lower verbosity, no trace, killed while a transfer is stalled
start --verbose=$((RANDOM % 2 + 6)) --retry-timeout 2
run_clients $((10 + RANDOM % 5))
$C stall_get & sleep 0.5
stop TERM
wait

# 5. inetd-style start: socket on stdin, exits after --tftpd-timeout
python3 - "$LOG" "$W/root" <<EOF
import socket, struct, subprocess, sys, time
log, root = sys.argv[1], sys.argv[2]
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('127.0.0.1', $PORT))
c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); c.bind(('127.0.0.1', 0)); c.settimeout(2)
c.sendto(struct.pack('!H', 1) + b'small.txt\0octet\0tsize\x000\0', ('127.0.0.1', $PORT))
p = subprocess.Popen(['atftpd', '--tftpd-timeout', '3', '--logfile', log, '--verbose=7',
                      '--trace', '--user', 'nobody', '--group', 'nogroup', root], stdin=s.fileno())
try:
    while True:
        d, a = c.recvfrom(600)
        op = struct.unpack('!H', d[:2])[0]
        if op == 6:
            c.sendto(struct.pack('!HH', 4, 0), a)
        elif op == 3:
            c.sendto(struct.pack('!H', 4) + d[2:4], a)
            if len(d) < 516:
                break
        else:
            break
except socket.timeout:
    pass
p.wait(timeout=30)
EOF
exit 0
