#!/bin/bash
# Randomised workload for PipeWire 0.3.65 (Debian pipewire/pipewire-bin): repeated starts of the
# daemon with PIPEWIRE_DEBUG="3,mod.*:4" in network namespace r39a_pw with a private mount
# namespace (private /dev/shm), its own XDG_RUNTIME_DIR and a generated configuration holding
# null sinks/sources; driven by pw-cli, pw-play, pw-record, pw-cat, pw-dump, pw-link,
# pw-metadata, pw-mon, pw-loopback and badpw.py. stderr is captured; writes pipewire.log here.
set -u
D=$(cd "$(dirname "$0")" && pwd)
R=/tmp/round39-r39a/pw
NS=r39a_pw
SEED=${SEED:-$RANDOM}
RANDOM=$SEED
RUNS=${RUNS:-9}
mkdir -p $R/home $R/tmp $R/xdg_rt $R/cfg $R/xdg_cfg $R/xdg_data $R/xdg_cache
chmod 700 $R/xdg_rt
ip netns list | grep -qw $NS || { ip netns add $NS; ip netns exec $NS ip link set lo up; }
RAW=$R/raw.log; : > $RAW
NX="ip netns exec $NS"
ENV="env -i PATH=/usr/bin:/bin HOME=$R/home TMPDIR=$R/tmp XDG_RUNTIME_DIR=$R/xdg_rt XDG_CONFIG_HOME=$R/xdg_cfg XDG_DATA_HOME=$R/xdg_data XDG_CACHE_HOME=$R/xdg_cache"
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
python3 -c "
import wave,struct,math
for n,f,sec in (('tone.wav',440,0.4),('tone44.wav',1000,0.3)):
    w=wave.open('$R/tmp/'+n,'w');w.setnchannels(2);w.setsampwidth(2);w.setframerate(48000 if n=='tone.wav' else 44100)
    w.writeframes(b''.join(struct.pack('<hh',int(8000*math.sin(i*f/7639.4)),0) for i in range(int(48000*sec))));w.close()"
echo 'not audio' > $R/tmp/bad.wav

write_conf() {
  local f=$R/cfg/pipewire.conf
  cat > $f <<CONF
context.properties = {
    core.daemon = true
    core.name   = pipewire-0
    default.clock.rate = $(pick 48000 48000 44100)
    default.clock.quantum = $(pick 1024 512 2048)
    link.max-buffers = 16
}
context.spa-libs = {
    audio.convert.* = audioconvert/libspa-audioconvert
    support.*       = support/libspa-support
}
context.modules = [
    { name = libpipewire-module-rt args = { nice.level = -11 } flags = [ ifexists nofail ] }
    { name = libpipewire-module-protocol-native }
    { name = libpipewire-module-profiler }
    { name = libpipewire-module-metadata }
    { name = libpipewire-module-spa-node-factory }
    { name = libpipewire-module-client-node }
    { name = libpipewire-module-client-device }
    { name = libpipewire-module-access args = { } }
    { name = libpipewire-module-adapter }
    { name = libpipewire-module-link-factory }
CONF
  [ $((RANDOM % 3)) = 0 ] && echo "    { name = libpipewire-module-loopback args = { node.description = r39a-loop capture.props = { node.name = r39a-loop-in } playback.props = { node.name = r39a-loop-out } } }" >> $f
  [ $((RANDOM % 3)) = 0 ] && echo "    { name = libpipewire-module-protocol-simple args = { capture = true playback = true server.address = [ \"tcp:127.0.0.1:50210\" ] } }" >> $f
  [ $((RANDOM % 4)) = 0 ] && echo "    { name = libpipewire-module-combine-stream args = { combine.mode = sink node.name = r39a-combine stream.rules = [ { matches = [ { media.class = Audio/Sink } ] actions = { create-stream = { } } } ] } }" >> $f
  [ $((RANDOM % 4)) = 0 ] && echo "    { name = libpipewire-module-fallback-sink args = { sink.name = r39a-fallback } }" >> $f
  [ $((RANDOM % 4)) = 0 ] && echo "    { name = libpipewire-module-nosuch flags = [ ifexists nofail ] }" >> $f
  [ $((RANDOM % 6)) = 0 ] && echo "    { name = libpipewire-module-filter-chain args = { filter.graph = { nodes = [ { type = builtin name = x label = $(pick nosuch copy) } ] } } flags = [ nofail ] }" >> $f
  [ $((RANDOM % 14)) = 0 ] && echo "    { name = libpipewire-module-nosuch }" >> $f
  cat >> $f <<CONF
]
context.objects = [
    { factory = spa-node-factory args = { factory.name = support.node.driver node.name = Dummy-Driver node.group = pipewire.dummy priority.driver = 20000 } }
    { factory = spa-node-factory args = { factory.name = support.node.driver node.name = Freewheel-Driver priority.driver = 19000 node.group = pipewire.freewheel node.freewheel = true } }
    { factory = adapter args = { factory.name = support.null-audio-sink node.name = r39a-sink media.class = Audio/Sink audio.position = [ FL FR ] object.linger = true } }
    { factory = adapter args = { factory.name = support.null-audio-sink node.name = r39a-source media.class = Audio/Source/Virtual audio.position = [ FL FR ] object.linger = true } }
CONF
  [ $((RANDOM % 4)) = 0 ] && echo "    { factory = nosuch-factory args = { } flags = [ nofail ] }" >> $f
  [ $((RANDOM % 6)) = 0 ] && echo "    { factory = adapter args = { factory.name = support.nosuch node.name = r39a-bad } flags = [ nofail ] }" >> $f
  echo "]" >> $f
  [ $((RANDOM % 10)) = 0 ] && echo "context.exec = [ { path = /nonexistent/prog args = \"-x\" } ]" >> $f
  [ $((RANDOM % 14)) = 0 ] && echo "broken = { unterminated" >> $f
}

cli() { $NX $ENV timeout 4 "$@" > /dev/null 2>&1; }

run_clients() {
  local n i
  n=$((RANDOM % 10 + 6))
  for ((i = 0; i < n; i++)); do
    case $((RANDOM % 16)) in
      0) cli pw-cli info $(pick 0 1 2 3 30 999 all) ;;
      1) cli pw-cli ls $(pick Node Port Link Module Client Factory) ;;
      2) cli pw-cli create-node adapter "{ factory.name=support.null-audio-sink node.name=r39a-tmp$RANDOM media.class=$(pick Audio/Sink Audio/Source/Virtual) audio.position=[FL FR] object.linger=$(pick true false) }" ;;
      3) cli pw-cli destroy $(pick 40 41 42 55 9999 r39a-sink) ;;
      4) cli pw-play --target $(pick r39a-sink 0 nosuch) $(pick $R/tmp/tone.wav $R/tmp/tone44.wav $R/tmp/bad.wav $R/tmp/missing.wav) ;;
      5) $NX $ENV timeout 1 pw-record --target r39a-source $R/tmp/rec.wav > /dev/null 2>&1; rm -f $R/tmp/rec.wav ;;
      6) cli pw-dump ;;
      7) cli pw-link r39a-sink:monitor_$(pick FL FR) r39a-source:input_$(pick FL FR XX) ;;
      8) cli pw-link -d r39a-sink:monitor_$(pick FL FR) r39a-source:input_$(pick FL FR) ;;
      9) cli pw-metadata $(pick 0 1 99) $(pick log.level clock.force-rate clock.force-quantum default.audio.sink r39a.key) $(pick 3 48000 0 128 '{"name":"r39a-sink"}') ;;
      10) cli pw-cli create-link $(pick r39a-sink 99) $(pick monitor_FL 1) $(pick r39a-source 98) $(pick input_FL 2) ;;
      11) $NX $ENV timeout 1 pw-mon > /dev/null 2>&1 ;;
      12) $NX $ENV timeout 2 pw-loopback > /dev/null 2>&1 ;;
      13) $NX $ENV XDG_RUNTIME_DIR=$R/xdg_rt /usr/bin/python3 $D/badpw.py $(pick garbage badobj badopcode badpod fds short) $RANDOM > /dev/null 2>&1 ;;
      14) cli pw-cli $(pick 'set-param 0 Props {}' 'create-node nosuch-factory {}' 'enum-params r39a-sink Props' 'send-command 0' 'permissions 0 0 rwx') ;;
      *) cli pw-cat --playback --target r39a-sink --rate $(pick 8000 22050 48000) --channels $(pick 1 2 6) $R/tmp/tone.wav ;;
    esac
  done
}

for ((run = 0; run < RUNS; run++)); do
  write_conf
  $NX unshare -m sh -c "mount -t tmpfs tmpfs /dev/shm && exec $ENV PIPEWIRE_CONFIG_DIR=$R/cfg PIPEWIRE_DEBUG='3,mod.*:4' pipewire $( [ $((RANDOM % 14)) = 0 ] && echo '-c nosuch.conf' )" >> $RAW 2>&1 &
  PPID_=$!
  sleep 1
  if kill -0 $PPID_ 2>/dev/null; then
    run_clients
    kill -$(pick INT TERM) $PPID_ 2>/dev/null
  fi
  wait $PPID_ 2>/dev/null
done
sed -n '1,2500p' $RAW > $D/pipewire.log
echo "seed=$SEED lines=$(wc -l < $RAW)" >&2
