#!/bin/bash
# Randomised workload for tmux 3.3a (Debian). Run as: unshare -n -m bash /work/round43/tmux/workload.sh
# The server runs with -vvv on its own socket (-S) and configuration (-f), started from $W/wd, where it
# writes tmux-server-<pid>.log; tmux.log is one contiguous stretch of that file cut with sed.
set -m
D=/work/round43/tmux
W=/tmp/round43-r43a/tmux
rm -rf $W; mkdir -p $W/home $W/tmp $W/run $W/wd $W/home/.config
cd $W/wd || exit 1
export HOME=$W/home TMPDIR=$W/tmp XDG_RUNTIME_DIR=$W/run XDG_CONFIG_HOME=$W/home/.config XDG_CACHE_HOME=$W/home/.cache XDG_DATA_HOME=$W/home/.local/share
export TERM=xterm-256color SHELL=/bin/sh LANG=C.UTF-8
ip link set lo up
r() { echo $(( RANDOM % $1 )); }
# clients and server get a minimal environment (no inherited variables in the log)
T="env -i HOME=$HOME TMPDIR=$TMPDIR XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR XDG_CONFIG_HOME=$XDG_CONFIG_HOME PATH=/usr/bin:/bin TERM=$TERM SHELL=$SHELL LANG=$LANG tmux -S $W/sock -f $D/tmux.conf"
q() { $T "$@" >/dev/null 2>&1; }

# server start (in $W/wd, so its log lands there)
$T -vvv new-session -d -s main -x 100 -y 30 || exit 1
SERVER=$($T display-message -p '#{pid}')
sleep 0.5
CLIENTS=()
names=(alpha beta gamma delta)
for i in $(seq $(( $(r 10) + 35 ))); do
  s=${names[$(r 4)]}
  q has-session -t main || q new-session -d -s main -x 100 -y 30
  case $(r 27) in
    0|1) q new-session -d -s $s -x $(( $(r 60) + 60 )) -y $(( $(r 20) + 20 )) ;;
    2|3) q new-window -t main -n w$(r 9) ;;
    4|5) q split-window -t main $([ $(r 2) = 0 ] && echo -h) ;;
    6) q resize-pane -t main -$(echo U D L R | cut -d' ' -f$(( $(r 4) + 1 ))) $(( $(r 5) + 1 )) ;;
    7) q rename-window -t main "ren$(r 99)" ;;
    8) q rename-session -t $s "${s}x" ;;
    9) q kill-pane -t main ;;
    10) q kill-window -t main:$(r 4) ;;
    11) q kill-session -t $s ;;
    12|13) q send-keys -t main "echo line $RANDOM; ls /nonexistent$(r 3)" Enter ;;
    14) q run-shell "echo run $(r 100)" ;;
    15) q run-shell -b "sleep 0.2; exit $(r 3)" ;;
    16) q set-hook -g pane-exited "display-message 'exited #{pane_id}'" ;;
    17) q no-such-command -x ;;
    18) q set-option -g no-such-option 1; q set-option -g status-interval abc ;;
    19) q select-window -t nosuchsession:9 ;;
    20|26) (for c in list-windows list-panes "display-message -p hi" "refresh-client -C 120x40" "bad-cmd"; do echo "$c"; sleep 0.1; done; sleep 0.3) | $T -C attach -t main >/dev/null 2>&1 ;;
    21) (sleep $(( $(r 3) + 2 )) | timeout 20 script -qfc "$T attach -t main" /dev/null >/dev/null 2>&1) & CLIENTS+=($!); sleep 0.5 ;;
    22) q detach-client -a -s main; q detach-client -s main ;;
    23) q select-layout -t main $(echo tiled even-horizontal main-vertical | cut -d' ' -f$(( $(r 3) + 1 ))) ;;
    24) q swap-pane -t main -D; q select-pane -t main -U ;;
    25) q source-file $D/tmux.conf; q source-file /nonexistent.conf ;;
  esac
  sleep 0.$(r 4)
done
sleep 1
q kill-server
for c in "${CLIENTS[@]}"; do kill $c 2>/dev/null; wait $c 2>/dev/null; done
for k in $(seq 20); do kill -0 $SERVER 2>/dev/null || break; sleep 0.2; done
LOG=$W/wd/tmux-server-$SERVER.log
wc -l $LOG
# one contiguous stretch: skip the start-up (default key bindings, configuration), keep 2500 lines
# the stretch starts 1500 lines before the first control-mode command read (after start-up if none)
C=$(grep -n 'control_read_callback' $LOG | head -1 | cut -d: -f1)
START=$(( ${C:-0} - 1500 ))
B=$(( $(grep -n 'key_bindings_add: .* F12 = ' $LOG | tail -1 | cut -d: -f1) + 1 ))
[ $START -lt $B ] && START=$B
sed -n "${START},$(( START + 2499 ))p" $LOG > $D/tmux.log
wc -l $D/tmux.log
