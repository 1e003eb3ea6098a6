#!/bin/bash
# Randomised workload for ices2 streaming to a private icecast2 on 127.0.0.1:39000.
# usage: [FORCE=scenario] workload.sh [seed] [rounds]   (run as: workload.sh 4401 45; FORCE=70 workload.sh 4402 14)
# log: "workload.sh 4401 45" then "FORCE=70 workload.sh 4402 14", both appending to ices2.log (kept whole)
HERE=$(cd "$(dirname "$0")" && pwd)
B=/tmp/round33-r33c; W=$B/ices; M=$B/music; LOG=$W/ices2.log
RANDOM=${1:-3301}; ROUNDS=${2:-40}
mkdir -p $W $M $B/icecast/log; chown -R icecast2:icecast $B/icecast
[ -f $M/t000.ogg ] || python3 $HERE/makemusic.py $M 40 ${1:-3301}
PW=r33csecret; PORT=39000

ice_start() { [ -f $B/icecast/icecast.pid ] && kill -0 $(cat $B/icecast/icecast.pid) 2>/dev/null && return
  icecast2 -b -c $HERE/icecast.xml >/dev/null 2>&1; sleep 1; }
ice_stop() { [ -f $B/icecast/icecast.pid ] && kill $(cat $B/icecast/icecast.pid) 2>/dev/null; sleep 1; rm -f $B/icecast/icecast.pid; }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
goodfiles() { ls $M/t*.ogg | shuf -n $1 --random-source=<(yes $RANDOM); }

playlist() { # n good files, sprinkled with missing and damaged files
  local n=$1 f
  for f in $(goodfiles $n); do
    echo $f
    r=$((RANDOM % 100))
    if [ $r -lt 4 ]; then echo $M/gone$RANDOM.ogg
    elif [ $r -lt 10 ]; then echo $M/$(pick cut0.ogg cut1.ogg cut2.ogg noise.ogg empty.ogg dup.ogg dup.ogg)
    fi
  done
}

encode_xml() {
  case $((RANDOM % 14)) in
    0|1|2|9|10|11|12) ;;  # pass through
    3) echo "<encode><nominal-bitrate>$(pick 32000 48000 64000)</nominal-bitrate><samplerate>44100</samplerate><channels>2</channels></encode>";;
    4) echo "<encode><quality>$(pick 0 1 2 3)</quality><samplerate>$(pick 22050 44100)</samplerate><channels>$(pick 1 2)</channels></encode><downmix>$(pick 0 1)</downmix>";;
    5) echo "<encode><managed>1</managed><minimum-bitrate>32000</minimum-bitrate><nominal-bitrate>64000</nominal-bitrate><maximum-bitrate>96000</maximum-bitrate><samplerate>44100</samplerate><channels>2</channels></encode>";;
    6) echo "<encode><quality>2</quality><minimum-bitrate>32000</minimum-bitrate><maximum-bitrate>96000</maximum-bitrate><samplerate>22050</samplerate><channels>1</channels></encode><downmix>1</downmix><resample><in-rate>44100</in-rate><out-rate>22050</out-rate></resample>";;
    7) echo "<encode><nominal-bitrate>48000</nominal-bitrate><samplerate>22050</samplerate><channels>1</channels></encode><downmix>1</downmix><resample><in-rate>44100</in-rate><out-rate>22050</out-rate></resample>";;
    8) echo "<encode><nominal-bitrate>$(pick 5 9000000)</nominal-bitrate><samplerate>$(pick 1000 44100)</samplerate><channels>2</channels></encode>";;
  esac
}

instance_xml() { # mount [password] [extra]
  echo "<instance><hostname>127.0.0.1</hostname><port>${PORTX:-$PORT}</port><password>${2:-$PW}</password><mount>$1</mount>
  <reconnectdelay>${RDELAY:-1}</reconnectdelay><reconnectattempts>${RATT:-2}</reconnectattempts><retry-initial>${RINIT:-0}</retry-initial><maxqueuelength>80</maxqueuelength>$3</instance>"
}

conf() { # file input-xml instances-xml
  cat > $1 <<X
<?xml version="1.0"?>
<ices><background>0</background><logpath>$W</logpath><logfile>ices2.log</logfile><loglevel>4</loglevel><consolelog>0</consolelog>
<pidfile>$W/ices.pid</pidfile>
<stream><metadata><name>r33c radio</name><genre>test</genre><description>workload</description></metadata>
$2
$3
</stream></ices>
X
}

basic_input() { # file random once extra-params
  echo "<input><module>playlist</module><param name=\"type\">basic</param><param name=\"file\">$1</param><param name=\"random\">$2</param><param name=\"once\">$3</param>$4</input>"
}

some_instances() {
  local k n=$((1 + RANDOM % 3)) out=""
  for k in $(seq $n); do
    if [ $((RANDOM % 10)) -eq 0 ]; then out+=$(instance_xml /m$k.ogg wrong$RANDOM)
    else out+=$(instance_xml /m$k.ogg "" "$(encode_xml)")
    fi
  done
  [ $((RANDOM % 6)) -eq 0 ] && out+=$(instance_xml /save.ogg "" "<savefile>$(pick $W/save$RANDOM.ogg /nonexistent/dir/save.ogg)</savefile>")
  [ $((RANDOM % 8)) -eq 0 ] && out+=$(instance_xml /m1.ogg)   # mount already in use
  echo "$out"
}

run_ices() { # conf [seconds-before-signals...] ; runs in background, returns pid in IPID
  ices2 $1 >/dev/null 2>&1 & IPID=$!
}

signals_during() { # pid seconds
  local end=$((SECONDS + $2))
  while [ $SECONDS -lt $end ] && kill -0 $1 2>/dev/null; do
    sleep $((1 + RANDOM % 3))
    case $((RANDOM % 7)) in
      0) kill -USR1 $1 2>/dev/null;;
      1) kill -HUP $1 2>/dev/null;;
    esac
  done
}

finish() { # pid
  kill -INT $1 2>/dev/null
  for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 $1 2>/dev/null || break; sleep 0.5; done
  kill -KILL $1 2>/dev/null; wait $1 2>/dev/null
}

ice_start
for round in $(seq $ROUNDS); do
  C=$W/r$round.xml; PL=$W/pl$round.txt
  RDELAY=1; RATT=$((1 + RANDOM % 3)); RINIT=0
  s=$((RANDOM % 100)); [ -n "$FORCE" ] && s=$FORCE   # FORCE=70: only configuration mistakes
  if [ $s -lt 24 ]; then  # plain playlist, once through
    playlist $((3 + RANDOM % 8)) > $PL
    conf $C "$(basic_input $PL $((RANDOM % 2)) 1)" "$(some_instances)"
    run_ices $C; signals_during $IPID 25; finish $IPID
  elif [ $s -lt 33 ]; then  # looping playlist, rewritten while playing
    playlist $((3 + RANDOM % 5)) > $PL
    conf $C "$(basic_input $PL $((RANDOM % 2)) 0 "<param name=\"restart-after-reread\">$((RANDOM % 2))</param><param name=\"allow-repeats\">$((RANDOM % 2))</param>")" "$(some_instances)"
    run_ices $C; sleep $((2 + RANDOM % 5)); sleep 1; playlist $((2 + RANDOM % 4)) > $PL.new; mv $PL.new $PL
    signals_during $IPID $((4 + RANDOM % 8)); finish $IPID
  elif [ $s -lt 42 ]; then  # server goes away while streaming
    playlist $((4 + RANDOM % 6)) > $PL
    conf $C "$(basic_input $PL 0 0)" "$(some_instances)"
    run_ices $C; sleep $((2 + RANDOM % 4)); ice_stop; sleep $((RANDOM % 5)); ice_start
    signals_during $IPID $((3 + RANDOM % 6)); finish $IPID
  elif [ $s -lt 48 ]; then  # server down at start
    ice_stop; RINIT=$((RANDOM % 2)); RATT=$((1 + RANDOM % 4))
    playlist $((3 + RANDOM % 4)) > $PL
    conf $C "$(basic_input $PL 0 1)" "$(instance_xml /late.ogg)"
    run_ices $C; sleep $((1 + RANDOM % 4)); ice_start; signals_during $IPID 8; finish $IPID
  elif [ $s -lt 57 ]; then  # script playlist
    cat > $W/next.sh <<X
#!/bin/bash
r=\$((RANDOM % 20))
if [ \$r -eq 0 ]; then echo; elif [ \$r -eq 1 ]; then echo $M/nothere\$RANDOM.ogg; elif [ \$r -eq 2 ]; then exit 1;
elif [ \$r -eq 3 ]; then printf '$M/%01100d.ogg\n' 7; else ls $M/t*.ogg | shuf -n 1; fi
X
    chmod +x $W/next.sh
    prog=$W/next.sh; [ $((RANDOM % 8)) -eq 0 ] && prog=$W/no-such-script.sh
    ended=""; [ $((RANDOM % 2)) -eq 0 ] && ended="<param name=\"on-ended\">/bin/true</param>"
    conf $C "<input><module>playlist</module><param name=\"type\">script</param><param name=\"program\">$prog</param>$ended</input>" "$(some_instances)"
    run_ices $C; signals_during $IPID $((6 + RANDOM % 12)); finish $IPID
  elif [ $s -lt 66 ]; then  # raw PCM on stdin
    META=$W/meta.txt; printf 'TITLE=Live %d\nARTIST=r33c\n' $RANDOM > $META
    [ $((RANDOM % 5)) -eq 0 ] && META=$W/no-meta.txt
    conf $C "<input><module>stdinpcm</module><param name=\"rate\">44100</param><param name=\"channels\">2</param><param name=\"metadata\">1</param><param name=\"metadatafilename\">$META</param>$( [ $((RANDOM % 4)) -eq 0 ] && echo '<param name="bogus">1</param>')</input>" \
      "$(instance_xml /live.ogg "" "<encode><quality>$(pick 1 3)</quality><samplerate>44100</samplerate><channels>$(pick 2 2 1)</channels></encode><downmix>$(pick 0 1)</downmix>")"
    ( for f in $(goodfiles $((1 + RANDOM % 3))); do oggdec -Q -R -o - $f 2>/dev/null; done | head -c $((44100 * 4 * (3 + RANDOM % 5))) ) > $W/pcm.raw
    ( sleep 0.3; cat $W/pcm.raw ) | ices2 $C >/dev/null 2>&1 & IPID=$!
    for k in $(seq $((RANDOM % 4))); do sleep $((1 + RANDOM % 2)); printf 'TITLE=Live %d\nARTIST=r33c\nALBUM=x\n' $RANDOM > $W/meta.txt; kill -USR1 $IPID 2>/dev/null; done
    sleep 4; finish $IPID
  elif [ $s -lt 80 ]; then  # bad configurations
    case $((RANDOM % 9)) in
      0) IN="<input><module>nosuchmodule</module></input>";;
      1) IN="$(basic_input $PL 0 1 '<param name="colour">red</param>')"; playlist 2 > $PL;;
      2) IN="<input><module>playlist</module><param name=\"type\">shuffle-ish</param></input>";;
      3) IN="<input><module>playlist</module><param name=\"file\">$PL</param></input>";;
      4) IN="$(basic_input $W/missing-$RANDOM.txt 0 1)";;
      5) : > $PL; IN="$(basic_input $PL 0 1)";;
      6) for k in 1 2 3 4 5 6 7 8 9 10 11 12; do echo $M/lost$k.ogg; done > $PL; IN="$(basic_input $PL 0 0)";;
      7) IN="<input><module>playlist</module><param name=\"type\">script</param><param name=\"bogus\">1</param></input>";;
      8) IN="<input><module>playlist</module><param name=\"type\">basic</param><param name=\"file\">$PL</param><param name=\"format\">xspf</param></input>"; playlist 2 > $PL;;
    esac
    conf $C "$IN" "$(instance_xml /bad.ogg)"
    run_ices $C; sleep 3; finish $IPID
  elif [ $s -lt 86 ]; then  # single track, looping
    goodfiles 1 > $PL
    conf $C "$(basic_input $PL $((RANDOM % 2)) 0 "<param name=\"allow-repeats\">$((RANDOM % 2))</param>")" "$(instance_xml /one.ogg)"
    run_ices $C; signals_during $IPID $((3 + RANDOM % 5)); finish $IPID
  elif [ $s -lt 92 ]; then  # mono source, stereo encoder
    ls $M/t*.ogg > $PL
    conf $C "$(basic_input $PL 1 1)" "$(instance_xml /up.ogg "" "<encode><nominal-bitrate>64000</nominal-bitrate><samplerate>44100</samplerate><channels>2</channels></encode>")"
    run_ices $C; signals_during $IPID 8; finish $IPID
  else  # server killed for good, instance gives up
    playlist $((6 + RANDOM % 4)) > $PL; RATT=$((1 + RANDOM % 2))
    conf $C "$(basic_input $PL 0 1)" "$(instance_xml /gone.ogg)$(instance_xml /gone2.ogg "" "$(encode_xml)")"
    run_ices $C; sleep $((2 + RANDOM % 3)); ice_stop; signals_during $IPID $((5 + RANDOM % 5)); finish $IPID; ice_start
  fi
done
ice_stop
