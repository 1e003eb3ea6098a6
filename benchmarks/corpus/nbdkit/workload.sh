#!/bin/bash
# Randomised workload for nbdkit 1.32.5 (Debian 12). TCP ports 43100-43199 on 127.0.0.1 only.
D=/work/round26/nbdkit
W=$D/run
LOG=$D/nbdkit.raw.log
rm -rf "$W"; mkdir -p "$W"; : > "$LOG"
cd "$W"
CL="/usr/bin/python3 $D/nbdclient.py"
P=$((43100 + RANDOM % 40))
URI=nbd://127.0.0.1:$P
head -c $((1024 * (256 + RANDOM % 512))) /dev/urandom > disk.img
printf 'alice:%s\n' "$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')" > keys.psk
printf 'alice:%s\n' "$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')" > wrong.psk
SRV=
start() {  # nbdkit in the foreground with verbose debug on stderr, appended to the log
    nbdkit -f -v -i 127.0.0.1 -p $P "$@" 2>>"$LOG" &
    SRV=$!; sleep 0.7
}
waitc() { local j; j=$(jobs -p | grep -v "^${SRV:-none}$" | grep -v "^${B:-none}$"); [ -n "$j" ] && wait $j 2>/dev/null; }
stop() { kill -"${1:-TERM}" "$SRV" 2>/dev/null; wait "$SRV" 2>/dev/null; SRV=; }
clients() {  # $1 = number of libnbd clients, some in parallel
    for ((i = 0; i < $1; i++)); do
        $CL ops $URI 2>/dev/null &
        if [ $((RANDOM % 2)) = 0 ]; then wait $!; fi
    done
    waitc
}
raws() {
    local K=(hangup garbage badmagic unknownopt badlen longname list abort starttls info_short midclose)
    for ((i = 0; i < $1; i++)); do $CL raw $P "${K[RANDOM % ${#K[@]}]}" 2>/dev/null; done
}

# 1. start-up failures
nbdkit -f -v -i 127.0.0.1 -p $P nosuchplugin 2>>"$LOG"
nbdkit -f -v -i 127.0.0.1 -p $P memory size=lots 2>>"$LOG"
nbdkit -f -v -i 127.0.0.1 -p $P file 2>>"$LOG"
nbdkit -f -v -i 127.0.0.1 -p $P --filter=nosuchfilter memory 1M 2>>"$LOG"
nbdkit -f -v -i 127.0.0.1 -p $P file file=$W/missing.img 2>>"$LOG"

scen_memory() {
    start -t $((RANDOM % 3 + 1)) memory $((RANDOM % 4 + 1))M
    clients $((RANDOM % 3 + 2)); raws $((RANDOM % 3 + 2))
    nbdinfo $URI >/dev/null 2>&1
    # second instance on the same port must fail
    nbdkit -f -v -i 127.0.0.1 -p $P null 2>>"$LOG"
    stop INT
}
scen_file() {
    local F=(cow readahead cache blocksize noextents nozero fua)
    local a=() ; for f in "${F[@]}"; do [ $((RANDOM % 3)) = 0 ] && a+=(--filter=$f); done
    start -t 2 "${a[@]}" file file=$W/disk.img
    clients $((RANDOM % 3 + 1))
    nbdcopy $URI "$W/copy.img" 2>/dev/null
    qemu-img info $URI >/dev/null 2>&1
    stop
}
scen_readonly() {
    start -r -t 1 --filter=stats file file=$W/disk.img statsfile=$W/stats.txt
    clients 2; stop
}
scen_error() {
    start -t 2 --filter=error memory 1M error=EIO error-rate=$((RANDOM % 40 + 30))% error-pwrite-rate=100%
    clients $((RANDOM % 2 + 2)); stop
}
scen_full() {
    start -t 1 full $((RANDOM % 4 + 1))M
    clients 2; stop
}
scen_sh() {
    start -t 1 sh $D/disk.sh
    clients $((RANDOM % 2 + 2)); stop
}
scen_ip() {
    # this build cannot parse plain IPv4 rules (start-up error), then deny every IPv4 client
    nbdkit -f -v -i 127.0.0.1 -p $P --filter=ip null 1M allow=127.0.0.$((RANDOM % 9 + 1)) deny=all 2>>"$LOG"
    start -t 1 --filter=ip null 1M deny=anyipv4
    $CL raw $P abort 127.0.0.2; $CL raw $P list 127.0.0.3
    clients 1; stop
}
scen_limit() {
    start -t 1 --filter=limit memory 1M limit=1
    $CL raw $P midclose & $CL raw $P hangup 127.0.0.4 & sleep 0.3
    clients 2; waitc; stop
}
scen_tls() {
    start -t 1 --tls=require --tls-psk=$W/keys.psk memory 1M
    PSK=$W/keys.psk PSKUSER=alice $CL ops "nbds://alice@127.0.0.1:$P" 2>/dev/null
    PSK=$W/wrong.psk PSKUSER=alice $CL ops "nbds://alice@127.0.0.1:$P" 2>/dev/null
    PSK=$W/keys.psk PSKUSER=mallory $CL ops "nbds://mallory@127.0.0.1:$P" 2>/dev/null
    $CL ops $URI 2>/dev/null; $CL raw $P list; $CL raw $P starttls
    stop
}
scen_retry() {
    local BP=$((P + 50)); B=
    nbdkit -f -v -i 127.0.0.1 -p $BP -t 1 memory 1M 2>>"$LOG" & B=$!
    sleep 0.5
    start -t 1 --filter=retry nbd uri=nbd://127.0.0.1:$BP retries=3 retry-delay=1
    clients 1
    kill $B; wait $B 2>/dev/null
    $CL ops $URI 2>/dev/null &
    sleep 1.5
    nbdkit -f -v -i 127.0.0.1 -p $BP -t 1 memory 1M 2>>"$LOG" & B=$!
    waitc
    stop; kill $B; wait $B 2>/dev/null; B=
}
scen_exports() {
    start -t 1 --filter=exportname info mode=exportname exportname=disk-a exportname=disk-b \
        exportname-list=explicit exportdesc=fixed:"test disk"
    nbdinfo --list $URI >/dev/null 2>&1
    EXPORT=disk-a $CL ops $URI 2>/dev/null
    EXPORT=nosuch $CL ops $URI 2>/dev/null
    stop
}
scen_delay() {
    start -t 2 --filter=delay --filter=rate memory 1M rdelay=20ms wdelay=30ms rate=10M
    clients 2; stop
}
scen_exitlast() {
    start -t 1 --filter=exitlast pattern 1M
    clients 1
    for k in $(seq 1 20); do kill -0 "$SRV" 2>/dev/null || break; sleep 0.3; done
    stop
}
scen_data() {
    start -t 1 --filter=partition data "@0x1be 0 0 0 0 0x83 0 0 0 le32:1 le32:100 @^512 1 2 3" partition=$((RANDOM % 2 + 1))
    clients 1; stop
}
S=(scen_memory scen_file scen_readonly scen_error scen_full scen_sh scen_ip scen_limit scen_tls
   scen_retry scen_exports scen_delay scen_exitlast scen_data)
for s in $(printf '%s\n' "${S[@]}" | shuf); do $s; done
scen_memory
rm -f "$W/copy.img"
