#!/bin/bash
# Randomised workload for knockd (loopback only, ports 53000-53999).
# Output: knockd.log = stdout+stderr of every knockd run (-D debug, -v verbose).
DIR=$(cd "$(dirname "$0")" && pwd)
W=$DIR/work
LOG=$DIR/knockd.log
CLIENT="python3 $DIR/knock_client.py"
rm -rf "$W"; mkdir -p "$W"; : > "$LOG"
PIDS=()

rnd() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
# distinct random knock ports in 53000-53899
declare -A USED
port() { local p; while :; do p=$(rnd 53000 53899); [ -z "${USED[$p]}" ] && { USED[$p]=1; echo $p; return; }; done; }
SRCS=(127.0.0.1 127.0.0.2 127.0.0.3 127.0.0.5 127.0.0.9 127.0.0.23 127.0.1.1 127.0.0.77)
src() { pick "${SRCS[@]}"; }

start_knockd() {  # args: knockd options...
  knockd "$@" >> "$LOG" 2>&1 &
  KPID=$!; PIDS+=($KPID); sleep 1
}
stop_knockd() { kill -${1:-TERM} $KPID 2>/dev/null; wait $KPID 2>/dev/null; }

# knock sequence "p1:proto p2:proto ..." from a random source, with random delay
# every door listens for one private target address, so other people's loopback traffic is never seen
T=127.0.53.$(rnd 1 254)
knock() { local s=$1; shift; $CLIENT seq "$s" $T $(rnd 20 120) "$@"; }

# ---------------------------------------------------------------- phase 1: command line
knockd -V >> "$LOG" 2>&1
[ $((RANDOM % 2)) = 0 ] && knockd -h >> "$LOG" 2>&1
[ $((RANDOM % 2)) = 0 ] && knockd --$(pick bogus frobnicate color) >> "$LOG" 2>&1
knockd -c "$W/does-not-exist-$RANDOM.conf" >> "$LOG" 2>&1

# ---------------------------------------------------------------- phase 2: broken configs
bad_config() {
  local f=$W/bad$1.conf
  case $1 in
    0) printf '[options]\n\tlogfile = %s/k.log\n[]\n\tsequence = 53001\n' "$W" > "$f";;
    1) printf '# no section yet\nsequence = 53001,53002\n[door]\n' > "$f";;
    2) printf '[door]\n\tsequence = %s\n\tjunkline\n' "$(port)" > "$f";;
    3) printf '[options]\n\tcolour = blue\n' > "$f";;
    4) printf '[door]\n\tsequence = %s\n\ttcpflags = syn,%s\n' "$(port)" "$(pick bogus xmas ece cwr)" > "$f";;
    5) printf '[door]\n\tseq_timeout = 5\n\tcommand = /bin/true\n' > "$f";;
    6) printf '[door]\n\tsequence = %s\n' "$(seq -s, 53000 53040)" > "$f";;
    7) printf '[door]\n\tsequence = %s,%s\n' "$(port)" "$(pick 70000 123456 99999)" > "$f";;
    8) printf '[door]\n\tsequence = %s:tcp,%s:%s\n' "$(port)" "$(port)" "$(pick icmp sctp xyz)" > "$f";;
    9) printf '# used up\n#53001,53002\n' > "$W/otp-empty"; printf '[door]\n\tone_time_sequences = %s/otp-empty\n' "$W" > "$f";;
    11) printf '[door]\n\tsequence = %s\n\tfoo = bar\n' "$(port)" > "$f";;
  esac
  knockd -D -i lo -c "$f" >> "$LOG" 2>&1
}
for n in $(shuf -e 0 1 2 3 4 5 6 7 8 9 11 -n $(rnd 4 6)); do bad_config $n; done

# no such interface
printf '[door]\n\tsequence = %s,%s\n' "$(port)" "$(port)" > "$W/nif.conf"
knockd -D -v -i nosuch$(rnd 0 9) -c "$W/nif.conf" >> "$LOG" 2>&1

# ---------------------------------------------------------------- phase 3: main daemon
P_SSH=($(port) $(port) $(port))
P_MIX=($(port) $(port) $(port) $(port))
P_F1=($(port) $(port))
P_F2=($(port) $(port) $(port))
P_F3=($(port) $(port))
P_F4=($(port) $(port))
P_F5=($(port) $(port))
P_PLAIN=($(port) $(port))
P_LONG=($(port) $(port))
P_V6=($(port) $(port):udp $(port))
P_OTP=($(port) $(port) $(port) $(port) $(port) $(port) $(port) $(port) $(port))
LONGCMD="/bin/true$(for i in $(seq 1 620); do printf ' %%IP%%'; done)"

write_otp() {
  {
    echo "# one time sequences"
    echo "${P_OTP[0]},${P_OTP[1]}:udp,${P_OTP[2]}"
    echo ""
    echo "${P_OTP[3]}:udp,${P_OTP[4]},${P_OTP[5]}"
    echo "${P_OTP[6]},${P_OTP[7]}:udp"
    echo "${P_OTP[3]},70000,${P_OTP[4]}"
    echo "${P_OTP[3]}:tcp,${P_OTP[4]}:bogus"
  } > "$W/otp"
}

write_main() {  # $1 = seq timeout of openSSH
  cat > "$W/main.conf" <<EOC
[options]
	logfile = $W/knockd-own.log
	pidfile = $W/knockd.pid

[openSSH]
	target = $T
	sequence    = ${P_SSH[0]},${P_SSH[1]},${P_SSH[2]}
	seq_timeout = $1
	start_command = /bin/true open %IP%
	stop_command  = /bin/true close %IP%
	cmd_timeout = $(rnd 1 3)
	tcpflags    = syn

[mixed]
	target = $T
	sequence    = ${P_MIX[0]}:tcp,${P_MIX[1]}:udp,${P_MIX[2]}:tcp,${P_MIX[3]}:udp
	timeout     = $(rnd 3 6)
	command     = /bin/sh -c "exit $(rnd 1 9)" %IP%

[finurg]
	target = $T
	sequence = ${P_F1[0]},${P_F1[1]}
	tcpflags = fin,urg
	seq_timeout = 4

[synnoack]
	target = $T
	sequence = ${P_F2[0]},${P_F2[1]},${P_F2[2]}
	tcpflags = syn,!ack
	seq_timeout = 4
	command = /bin/false %IP%

[rstonly]
	target = $T
	sequence = ${P_F3[0]},${P_F3[1]}
	tcpflags = !fin,!syn,rst
	seq_timeout = 4

[pshack]
	target = $T
	sequence = ${P_F4[0]},${P_F4[1]}
	tcpflags = !rst,psh,ack
	seq_timeout = 4
	start_command = /bin/true %IP%

[nopshurg]
	target = $T
	sequence = ${P_F5[0]},${P_F5[1]}
	tcpflags = !psh,!urg
	seq_timeout = 4

[plain]
	sequence = ${P_PLAIN[0]},${P_PLAIN[1]}:udp
	target = $T
	seq_timeout = 3

[longcmd]
	target = $T
	sequence = ${P_LONG[0]},${P_LONG[1]}
	seq_timeout = 5
	start_command = $LONGCMD

[longstop]
	target = $T
	sequence = ${P_LONG[1]}:udp,${P_LONG[0]}:udp
	seq_timeout = 5
	start_command = /bin/true %IP%
	stop_command = $LONGCMD

[v6door]
	target = ::1
	sequence = $(IFS=,; echo "${P_V6[*]}")
	seq_timeout = 5
	start_command = /bin/true v4 %IP%
	start_command_6 = /bin/true v6 %IP%
	stop_command_6 = /bin/false v6 %IP%
	cmd_timeout = 1

[onetime]
	target = $T
	one_time_sequences = $W/otp
	seq_timeout = 5
	command = /bin/true otp %IP%
EOC
}

rand_flags() { pick 0x01 0x02 0x04 0x08 0x10 0x20 0x11 0x12 0x14 0x18 0x21 0x29 0x03 0x06 0x19 0x38 0x00; }

traffic_round() {
  local s r
  for r in $(seq 1 $1); do
    s=$(src)
    case $((RANDOM % 12)) in
      0|1) knock "$s" ${P_SSH[@]} ;;                                   # correct SSH knock
      2) knock "$s" ${P_MIX[0]}:tcp ${P_MIX[1]}:udp ${P_MIX[2]}:tcp ${P_MIX[3]}:udp ;;
      3) knock "$s" ${P_SSH[0]} ${P_SSH[2]} ${P_SSH[1]} ;;             # wrong order
      4) $CLIENT raw "$s" $T $(rnd 53900 53999) $(pick ${P_PLAIN[0]} ${P_F1[0]} ${P_F2[0]} ${P_F3[0]} ${P_F4[0]} ${P_F5[0]}) $(rand_flags) $(rand_flags) ;;
      5) $CLIENT raw "$s" $T $(rnd 53900 53999) ${P_F1[0]} 0x21 0x10 0x21; $CLIENT raw "$s" $T $(rnd 53900 53999) ${P_F1[1]} 0x21 ;;
      6) $CLIENT raw "$s" $T $(rnd 53900 53999) ${P_F3[0]} 0x04; $CLIENT raw "$s" $T $(rnd 53900 53999) ${P_F3[1]} 0x14 ;;
      7) $CLIENT raw "$s" $T $(rnd 53900 53999) ${P_F4[0]} 0x18 0x02; $CLIENT raw "$s" $T $(rnd 53900 53999) ${P_F4[1]} 0x18 ;;
      8) knock "$s" ${P_PLAIN[0]} ${P_PLAIN[1]}:udp ;;
      9) $CLIENT seq ::1 ::1 $(rnd 20 90) ${P_V6[@]} ;;
      10) knock "$s" ${P_V6[0]} ${P_V6[2]} ;;
      11) $CLIENT junk "$s" $T $(pick ${P_MIX[1]} ${P_PLAIN[1]} ${P_OTP[1]}) $(rnd 1 4) ;;
    esac
    sleep 0.$(rnd 0 4)
  done
}

write_otp; write_main $(rnd 2 4)
start_knockd -D -v -i lo -c "$W/main.conf"
traffic_round $(rnd 14 20) & T1=$!
traffic_round $(rnd 14 20) & T2=$!
wait $T1 $T2
# sequence timeouts: start a knock and stall
for i in 1 2 3; do s=$(src); knock "$s" ${P_SSH[0]}; knock "$s" ${P_MIX[0]}; done
sleep 7
knock $(src) ${P_SSH[@]}
# one-time sequences: use them up one by one
knock 127.0.0.2 ${P_OTP[0]} ${P_OTP[1]}:udp ${P_OTP[2]}
sleep 1
knock 127.0.0.3 ${P_OTP[3]}:udp ${P_OTP[4]} ${P_OTP[5]}
# long commands (truncated)
knock $(src) ${P_LONG[0]} ${P_LONG[1]}
knock $(src) ${P_LONG[1]}:udp ${P_LONG[0]}:udp
sleep 3
# reload with a changed config
P_SSH=($(port) $(port) $(port))
write_main $(rnd 2 4)
kill -HUP $KPID; sleep 1
traffic_round $(rnd 8 14)
kill -HUP $KPID; sleep 1
traffic_round $(rnd 4 8) & T1=$!
traffic_round $(rnd 4 8) & T2=$!
wait $T1 $T2
sleep 2
stop_knockd $(pick TERM INT)

# ---------------------------------------------------------------- phase 4: lookup, interface from config, -4
cat > "$W/second.conf" <<EOC
[options]
	interface = lo

[openSSH]
	target = $T
	sequence    = ${P_SSH[0]},${P_SSH[1]},${P_SSH[2]}
	seq_timeout = 3
	command     = /bin/true %IP%
	tcpflags    = syn

[plain]
	sequence = ${P_PLAIN[0]},${P_PLAIN[1]}:udp
	target = $T
	seq_timeout = 3
	start_command = /bin/sh -c "exit 2"
	stop_command = /bin/true
	cmd_timeout = 1
EOC
start_knockd -D -v -l $(pick "" -4) -c "$W/second.conf"
for r in $(seq 1 $(rnd 6 10)); do
  s=$(pick 127.0.0.1 127.0.0.1 127.0.0.4 127.0.0.8)
  case $((RANDOM % 4)) in
    0|1) knock "$s" ${P_SSH[@]};;
    2) knock "$s" ${P_PLAIN[0]} ${P_PLAIN[1]}:udp;;
    3) knock "$s" ${P_SSH[1]} ${P_SSH[0]};;
  esac
done
knock 127.0.0.1 ${P_SSH[0]}; sleep 4; knock 127.0.0.1 ${P_PLAIN[0]}
sleep 2
# reload into a broken config: the daemon exits
printf '[openSSH]\n\tsequence = %s\n\ttcpflags = syn,%s\n' "${P_SSH[0]}" "$(pick nope wat)" > "$W/second.conf"
kill -HUP $KPID; sleep 1
wait $KPID 2>/dev/null

# ---------------------------------------------------------------- phase 5: verbose only, one-time sequences run out
write_otp
cat > "$W/third.conf" <<EOC
[onetime]
	target = $T
	one_time_sequences = $W/otp
	seq_timeout = 5
	command = /bin/true %IP%

[openSSH]
	target = $T
	sequence = ${P_SSH[0]},${P_SSH[1]},${P_SSH[2]}
	command = /bin/true %IP%
EOC
V=$(pick -v -v ""); start_knockd -D $V -i lo -c "$W/third.conf"
kill -HUP $KPID; sleep 1
knock 127.0.0.5 ${P_SSH[@]}
knock 127.0.0.2 ${P_OTP[0]} ${P_OTP[1]}:udp ${P_OTP[2]}
knock 127.0.0.3 ${P_OTP[3]}:udp ${P_OTP[4]} ${P_OTP[5]}
knock 127.0.0.4 ${P_OTP[6]} ${P_OTP[7]}:udp
knock 127.0.0.6 ${P_OTP[8]} ${P_OTP[0]}
sleep 1
knock 127.0.0.5 ${P_SSH[@]}
sleep 1
stop_knockd TERM

# cleanup of anything still running
for p in "${PIDS[@]}"; do kill $p 2>/dev/null; done
wait 2>/dev/null
rm -rf "$W"
