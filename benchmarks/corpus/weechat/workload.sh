#!/bin/bash
# Randomised workload for weechat-headless (Debian weechat-headless + weechat-plugins 3.8)
# against a private ngircd, all inside network namespace r38b_wc, driven through the FIFO pipe.
# Usage: bash workload.sh   -> writes /tmp/round38-r38b/wc/wdir/weechat.log
set -m
D=$(cd "$(dirname "$0")" && pwd)
. "$D/wcenv.sh"
NS=r38b_wc
W=/tmp/round38-r38b/wc
mkdir -p $W/home $W/tmp $W/xdg_config $W/xdg_data $W/xdg_cache $W/xdg_runtime
chmod 700 $W/xdg_runtime
ip netns list | grep -qw $NS || { ip netns add $NS; ip -n $NS link set lo up; }
rm -rf "$WCDIR"; mkdir -p "$WCDIR"
MAXLINES=${MAXLINES:-2300}
MAXSECS=${MAXSECS:-540}

ip netns exec $NS ngircd -n -f "$D/ngircd.conf" > $W/ngircd.out 2>&1 &
NGPID=$!
# a fake peer that accepts TCP and never answers (port 46502)
ip netns exec $NS python3 "$D/silentpeer.py" 46502 > /dev/null 2>&1 &
SPPID=$!
sleep 1

WCPID=
start_wc() {
  ip netns exec $NS weechat-headless -d "$WCDIR" \
    -r "/set fifo.file.path $FIFO;/fifo enable;/save fifo;/debug set core 1;/debug set irc 1;/set weechat.signal.sigusr1 \"/print usr1\"" \
    > $W/wc.stdout 2>&1 < /dev/null &
  WCPID=$!
  for i in $(seq 1 50); do [ -p "$FIFO" ] && break; sleep 0.2; done
}
cmd() { [ -p "$FIFO" ] && timeout 5 sh -c "printf '%s\n' \"\$1\" > $FIFO" _ "$1"; sleep 0.${RANDOM:0:1}; }
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

SERVERS=()
CHANS=("#open" "#keyed sekrit" "#r$RANDOM" "#lab" "#test$RANDOM")
NICKS=(alice bob carol dave erin frank)
IRCDUMPS=0
start_wc
# one long-lived server with a channel
cmd "*/server add main 127.0.0.1/46501 -notls -nicks=wmain$(r 99) -autojoin=#open,#lab"
cmd "*/connect main"
n=0
while :; do
  lines=$(wc -l < "$WCDIR/weechat.log" 2>/dev/null || echo 0)
  [ "$lines" -ge "$MAXLINES" ] && break
  n=$((n+1)); [ $n -gt 3000 ] && break
  a=$(r 100)
  if [ $a -lt 10 ] && [ ${#SERVERS[@]} -lt 3 ]; then   # add a server: good, refused port, or silent peer
    s=srv$n
    case $(r 4) in
      0|1) cmd "*/server add $s 127.0.0.1/46501 -notls -nicks=$(pick "${NICKS[@]}")$(r 99) -autojoin=#open" ;;
      2) cmd "*/server add $s 127.0.0.1/46503 -notls" ;;
      3) cmd "*/server add $s 127.0.0.1/46502 -notls" ; cmd "*/set irc.server.$s.connection_timeout 3" ;;
    esac
    SERVERS+=($s); cmd "*/connect $s"
  elif [ $a -lt 18 ] && [ ${#SERVERS[@]} -gt 0 ]; then
    s=$(pick "${SERVERS[@]}"); cmd "irc.server.$s */join $(pick "${CHANS[@]}")"
    cmd "irc.server.$s */msg #open hello $RANDOM"
  elif [ $a -lt 24 ] && [ ${#SERVERS[@]} -gt 0 ]; then
    s=$(pick "${SERVERS[@]}"); cmd "*/$(pick disconnect reconnect connect) $s"
  elif [ $a -lt 27 ] && [ ${#SERVERS[@]} -gt 1 ]; then
    s=$(pick "${SERVERS[@]}"); cmd "*/disconnect $s"; cmd "*/server del $s"
    SERVERS=(${SERVERS[@]/$s})
  elif [ $a -lt 36 ]; then
    cmd "irc.main.#open */msg #open note $RANDOM"; cmd "irc.server.main */join $(pick "${CHANS[@]}")"
  elif [ $a -lt 40 ]; then
    cmd "*/save $(pick '' '' irc weechat relay trigger exec)"
  elif [ $a -lt 46 ]; then
    cmd "*/reload $(pick '' irc weechat relay trigger fifo logger nosuchconf)"
  elif [ $a -lt 50 ]; then
    kill -HUP $WCPID 2>/dev/null
  elif [ $a -lt 64 ]; then
    cmd "*/exec $(pick -bg -n -sh '') $(pick 'echo hi' 'sleep 1' 'ls /nonexistent' 'true' 'cat /etc/hostname' 'nosuchcmd_r38b')"
  elif [ $a -lt 67 ]; then
    cmd "*/relay add $(pick weechat irc.r38 ipv4.weechat) $((46504 + $(r 3)))"
    cmd "*/set relay.network.password pw$(r 9)"
  elif [ $a -lt 71 ]; then
    cmd "*/trigger add t$n signal \"$(pick 'irc_server_connected' 'day_changed' '*,irc_in2_privmsg')\" \"\" \"\" \"/print fired $n\""
  elif [ $a -lt 73 ]; then
    cmd "*/trigger del $(pick beep cmd_pass msg_auth t$((n-1)) nosuch)"
  elif [ $a -lt 78 ] && [ "$lines" -lt 2100 ]; then
    cmd "*/debug dump $(pick relay exec trigger xfer script fset)"
  elif [ $a -lt 80 ] && [ "$lines" -lt 1500 ] && [ $IRCDUMPS -lt 2 ]; then
    IRCDUMPS=$((IRCDUMPS+1)); cmd "*/debug dump irc"
  elif [ $a -lt 82 ] && [ "$lines" -lt 1800 ]; then
    cmd "irc.main.$(pick '#open' '#lab') */debug buffer"
  elif [ $a -lt 87 ]; then
    cmd "*/debug dump $(pick nosuchplugin alias logger fifo)"
  elif [ $a -lt 91 ]; then
    cmd "*/set weechat.look.$(pick buffer_time_format prefix_error prefix_network) $(pick '%H:%M' '=!=' '--')"
  elif [ $a -lt 95 ]; then
    cmd "*/set weechat.signal.$(pick sigusr1 sigusr2) \"/print usr $n\""
  else
    kill -$(pick USR1 USR2) $WCPID 2>/dev/null
  fi
  [ $SECONDS -gt $MAXSECS ] && break
  sleep 0.$(r 8)
done
# shutdown through SIGTERM (weechat.signal.sigterm)
kill -TERM $WCPID 2>/dev/null; sleep 3
kill $WCPID 2>/dev/null; wait $WCPID 2>/dev/null
kill $SPPID $NGPID 2>/dev/null; wait $SPPID $NGPID 2>/dev/null
ip netns del $NS
