#!/bin/bash
# Randomised workload for a per-user PulseAudio daemon (null sinks only), driven by pactl/paplay/parec/pacat
# and raw TCP clients of the cli/simple/http/native protocol modules.
D=$(cd "$(dirname "$0")" && pwd)
W=$D/work
LOG=${LOG:-$D/pulseaudio.log}
rm -rf "$W"; mkdir -p "$W"/home "$W"/rt "$W"/state
: > "$LOG"
export HOME=$W/home XDG_RUNTIME_DIR=$W/rt PULSE_RUNTIME_PATH=$W/rt/pulse PULSE_STATE_PATH=$W/state XDG_CONFIG_HOME=$W/home/.config
unset PULSE_SERVER DISPLAY DBUS_SESSION_BUS_ADDRESS
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$(( RANDOM % ${#a[@]} ))]}"; }
PA=""

cat > $W/default.pa <<PAEOF
load-module module-device-restore
load-module module-stream-restore
load-module module-card-restore
load-module module-augment-properties
load-module module-switch-on-port-available
load-module module-null-sink sink_name=nullA sink_properties=device.description=NullA rate=$(pick 44100 48000)
load-module module-null-sink sink_name=nullB channels=$(pick 1 2 4) sink_properties=device.description=NullB
load-module module-null-source source_name=quiet
load-module module-native-protocol-unix
load-module module-native-protocol-tcp port=42201 listen=127.0.0.1
load-module module-cli-protocol-tcp port=42202 listen=127.0.0.1
load-module module-simple-protocol-tcp port=42203 listen=127.0.0.1 sink=nullB playback=true record=true source=nullB.monitor
load-module module-http-protocol-tcp port=42204 listen=127.0.0.1
load-module module-default-device-restore
load-module module-always-sink
load-module module-intended-roles
load-module module-suspend-on-idle timeout=$(pick 1 2)
load-module module-position-event-sounds
load-module module-role-cork
load-module module-filter-heuristics
load-module module-filter-apply
load-module module-rescue-streams
set-default-sink nullA
PAEOF

start_pa() {
  pulseaudio -n -F $W/default.pa --daemonize=no --exit-idle-time=-1 --log-level=debug --log-time=true $PA_LOG_EXTRA --log-target=stderr \
    --disallow-exit=yes </dev/null >/dev/null 2>>"$LOG" &
  PA=$!
  for i in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
}
stop_pa() { kill -$1 $PA 2>/dev/null; wait $PA 2>/dev/null; PA=""; }

for f in 0 1 2 3; do
  $D/mkwav.py $W/tone$f.wav $(pick 8000 22050 44100 48000) $(pick 1 2) 0.$(( 2 + $(r 6) )) $(( 220 + $(r 800) ))
done
head -c 256 /dev/urandom > $W/bad.cookie

SINKS=(nullA nullB)
a_info() { pactl info; pactl list short $(pick sinks sources modules clients sink-inputs samples cards); }
a_list_long() { pactl list $(pick sinks sources modules clients) >/dev/null; }
a_play() { paplay -d $(pick "${SINKS[@]}") --volume=$(( 20000 + $(r 45000) )) $W/tone$(r 4).wav; }
a_play_role() { paplay --property=media.role=$(pick event phone music video) --property=event.id=test $W/tone$(r 4).wav; }
a_play_parallel() { local p1 p2 p; paplay $W/tone1.wav & p1=$!; paplay -d nullB $W/tone2.wav & p2=$!; pacat --rate=$(pick 8000 16000 44100) --channels=$(pick 1 2) /dev/zero & p=$!; sleep 0.6; kill $p; wait $p1 $p2 $p; }
a_record() { timeout 0.$(( 4 + $(r 5) )) parec -d $(pick nullA.monitor nullB.monitor quiet) > $W/rec.raw; }
a_record_missing() { timeout 1 parec -d nosuchsource > /dev/null; }
a_volume() { pactl set-sink-volume $(pick "${SINKS[@]}") $(pick 30% 75% 100% +5% -10% 0x8000); pactl set-source-volume nullA.monitor $(pick 50% 100%); }
a_mute() { pactl set-sink-mute $(pick "${SINKS[@]}") $(pick toggle 1 0); }
a_default() { pactl set-default-sink $(pick nullA nullB nosuch); pactl set-default-source $(pick nullA.monitor quiet nosuch); }
a_bad_volume() { pactl set-sink-volume nosuchsink 50%; pactl set-sink-input-volume 9999 50%; }
a_suspend() { pactl suspend-sink $(pick "${SINKS[@]}") 1; sleep 0.2; pactl suspend-sink $(pick "${SINKS[@]}") 0; pactl suspend-source quiet $(pick 0 1); }
a_load_sine() { local m; m=$(pactl load-module module-sine sink=$(pick "${SINKS[@]}") frequency=$(( 300 + $(r 900) ))) && { sleep 0.5; pactl unload-module $m; }; }
a_load_loopback() { local m; m=$(pactl load-module module-loopback source=nullA.monitor sink=nullB latency_msec=$(pick 20 60 200)) && { sleep 0.$(( 1 + $(r 3) )); pactl unload-module $m; }; }
a_load_combine() { local m; m=$(pactl load-module module-combine-sink sink_name=comb slaves=nullA,nullB) && { paplay -d comb $W/tone3.wav; pactl unload-module $m; }; }
a_load_remap() { local m; m=$(pactl load-module module-remap-sink sink_name=remapped master=nullA channels=2 channel_map=front-right,front-left) && { paplay -d remapped $W/tone1.wav; pactl unload-module $m; }; }
a_load_virtual() { local m; m=$(pactl load-module module-virtual-sink sink_name=vsink master=nullB) && { sleep 0.3; pactl unload-module $m; }; }
a_load_pipe() { local m; m=$(pactl load-module module-pipe-sink file=$W/pipe.out sink_name=pipesink format=s16le rate=8000 channels=1) && { paplay -d pipesink $W/tone2.wav; pactl unload-module $m; }; }
a_load_sine_source() { local m; m=$(pactl load-module module-sine-source source_name=sinesrc frequency=440) && { timeout 0.4 parec -d sinesrc >/dev/null; pactl unload-module $m; }; }
a_load_tunnel() { local m; m=$(pactl load-module module-tunnel-sink-new server=tcp:127.0.0.1:42201 sink=nullB sink_name=tun) && { sleep 0.5; paplay -d tun $W/tone0.wav; sleep 0.3; pactl unload-module $m; }; }
a_load_bad() {
  local args
  for args in module-doesnotexist "module-null-sink rate=abc" "module-null-sink bogus_arg=1" "module-loopback source=nosuch" \
      "module-native-protocol-tcp port=42201 listen=127.0.0.1" "module-combine-sink slaves=nosuch" "module-pipe-sink file=/nonexistent/dir/pipe" \
      "module-sine frequency=-5" "module-null-sink channels=99" "module-tunnel-sink-new server=tcp:127.0.0.1:42209"; do
    [ $(r 2) = 0 ] && pactl load-module $args
  done
  pactl unload-module $(( 900 + $(r 99) ))
}
a_hot_unplug() { local m p; m=$(pactl load-module module-null-sink sink_name=hot$(r 9)) || return; paplay -d $(pactl list short sinks | awk '/hot/{print $2; exit}') $W/tone0.wav & p=$!; sleep 0.2; pactl unload-module $m; wait $p; }
a_move() { pacat /dev/zero & local p=$!; sleep 0.3; local i; i=$(pactl list short sink-inputs | awk 'NR==1{print $1}'); pactl move-sink-input "${i:-7777}" $(pick nullB nullA nosuch); pactl set-sink-input-volume "${i:-7777}" 40%; pactl set-sink-input-mute "${i:-7777}" toggle; sleep 0.2; kill $p; wait $p; }
a_kill_client() { paplay $W/tone1.wav & local p=$!; sleep 0.15; local c; c=$(pactl list short clients | awk '/paplay/{print $1; exit}'); pactl kill-client "${c:-8888}"; wait $p; }
a_kill_input() { pacat /dev/zero & local p=$!; sleep 0.3; local i; i=$(pactl list short sink-inputs | awk 'NR==1{print $1}'); pactl kill-sink-input "${i:-7777}"; sleep 0.3; kill $p 2>/dev/null; wait $p; }
a_client_dies() { paplay $W/tone$(r 4).wav & local p=$!; sleep 0.1; kill -9 $p; wait $p; }
a_samples() { pactl upload-sample $W/tone$(r 4).wav bell$(r 3); pactl play-sample bell$(r 3) $(pick nullA nullB); pactl remove-sample bell$(r 3); pactl play-sample nosuchsample; }
a_bad_cookie() { PULSE_COOKIE=$W/bad.cookie pactl -s tcp:127.0.0.1:42201 info; }
a_tcp_ok() { pactl -s tcp:127.0.0.1:42201 list short sinks; }
a_tcp_garbage() { head -c $(( 10 + $(r 200) )) /dev/urandom | $D/tcpsend.sh 42201 0.5 >/dev/null; }
a_cli() { printf '%s\n' $(pick list-sinks stat list-modules dump info) "$(pick bogus-command 'load-module module-nosuch' 'set-sink-volume nosuch 100' 'unload-module 999' 'suspend-sink nullB 1' 'set-sink-mute nullA 1' 'describe-module module-null-sink' 'play-file /nonexistent.wav nullA' 'kill-client 9999' 'set-log-level 9')" exit | $D/tcpsend.sh 42202 0.5 >/dev/null; }
a_cli_garbage() { head -c 100 /dev/urandom | $D/tcpsend.sh 42202 0.3 >/dev/null; }
a_simple() { head -c $(( 4000 + $(r 40000) )) /dev/zero | $D/tcpsend.sh 42203 0.3 >/dev/null; }
a_http() { local i; for i in 1 2 3; do printf "$(pick 'GET / HTTP/1.0' 'GET /status HTTP/1.0' 'GET /nosuchpage HTTP/1.0' 'POST / HTTP/1.0' 'GARBAGE' 'GET /listen HTTP/1.0' 'GET /listen/source/nullA.monitor HTTP/1.0' 'GET /listen/source/nosuch HTTP/1.0' 'GET /status HTTP/1.1')\r\n\r\n" | $D/tcpsend.sh 42204 0.4 >/dev/null; done; }
a_subscribe() { local p; timeout 1 pactl subscribe >/dev/null & p=$!; sleep 0.2; pactl set-sink-volume nullA 60%; wait $p; }
a_sigusr2() { kill -USR2 $PA; sleep 0.2; }
a_second_daemon() { timeout 5 pulseaudio -n -F $W/default.pa --daemonize=no --exit-idle-time=-1 --log-level=debug --log-time=true $PA_LOG_EXTRA --log-target=stderr </dev/null >/dev/null 2>>"$LOG"; }
a_check() { pulseaudio --check; }
a_port_card() { pactl set-card-profile 0 nosuch; pactl set-sink-port nullA nosuch; pactl set-port-latency-offset nosuchcard nosuch 1000; }
a_send_message() { pactl send-message $(pick /core /nosuch) $(pick list-handlers bogus); }
a_stat() { pactl stat; pactl get-default-sink; pactl get-sink-volume nullB; }

ACTIONS=(a_info a_list_long a_play a_play_role a_play_parallel a_record a_record_missing a_volume a_mute a_default
  a_bad_volume a_suspend a_load_sine a_load_loopback a_load_combine a_load_remap a_load_virtual a_load_pipe
  a_load_sine_source a_load_tunnel a_load_bad a_load_bad a_hot_unplug a_move a_kill_client a_kill_input a_client_dies
  a_samples a_bad_cookie a_tcp_ok a_tcp_garbage a_cli a_cli a_cli_garbage a_simple a_http a_http a_subscribe
  a_sigusr2 a_second_daemon a_check a_port_card a_send_message a_stat)

start_pa
n=0; restart_at=$(( ${#ACTIONS[@]} / 3 + $(r 8) ))
for a in $(printf '%s\n' "${ACTIONS[@]}" | shuf) $(printf '%s\n' "${ACTIONS[@]}" | shuf); do
  $a >/dev/null 2>&1
  kill -0 $PA 2>/dev/null || start_pa   # daemon died: start it again
  n=$(( n + 1 ))
  if [ $n = $restart_at ]; then
    # restart the daemon (stream/device restore databases are re-read)
    stop_pa $(pick TERM INT)
    start_pa
  fi
done
pactl exit 2>/dev/null   # refused: exit is disallowed
stop_pa $(pick TERM INT)
rm -rf "$W"
