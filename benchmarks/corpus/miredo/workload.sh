#!/bin/bash
# Drives Miredo (Debian miredo + miredo-server 1.2.6-7.1+b2): a Teredo server (miredo-server -f) and
# Teredo clients/relays (miredo -f) in private network namespaces r40cms / r40cmc joined by a veth
# pair, with good and bad configurations, reloads (SIGHUP), restarts and conflicts.
# Every miredo process's stderr is appended to one raw log until it holds 1800 lines (or 25 minutes
# have passed); at most its first 2500 lines are kept.
set -u -m
D=/work/round40/miredo
C=$D/conf
T=/tmp/round40-r40c/mr
RAW=$T/raw.log
mkdir -p $T/home $T/tmp
: > $RAW; : > $T/resolv.conf
cd $D || exit 1
for n in s c; do ip netns del r40cm$n 2>/dev/null; ip netns add r40cm$n; ip -n r40cm$n link set lo up; done
ip -n r40cms link add ms0 type veth peer name mc0 netns r40cmc
for a in 1 2 3 4; do ip -n r40cms addr add 198.51.100.$a/24 dev ms0; done
ip -n r40cmc addr add 198.51.100.10/24 dev mc0
ip -n r40cms link set ms0 up; ip -n r40cmc link set mc0 up
# mr <ns> <hook> <cmd...>: run in the namespace with a private mount namespace: own client hook
# over /etc/miredo/client-hook and an empty resolv.conf (no name server reachable)
mr() { local n=$1 hook=$2; shift 2
  exec ip netns exec r40cm$n unshare -m sh -c "mount --bind $hook /etc/miredo/client-hook && mount --bind $T/resolv.conf /etc/resolv.conf && cd $T && HOME=$T/home TMPDIR=$T/tmp XDG_RUNTIME_DIR=$T/tmp XDG_CONFIG_HOME=$T/home XDG_CACHE_HOME=$T/tmp XDG_DATA_HOME=$T/home exec \"\$@\"" mr "$@"; }
r() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
S=; S2=
server_start() { mr s $C/client-hook miredo-server -f -c $C/${1:-server}.conf -p $T/server$2.pid >> $RAW 2>&1 & eval S$2=\$!; sleep 0.5; }
stopp() { [ -n "$1" ] && kill -$2 $1 2>/dev/null && wait $1 2>/dev/null; }
client_bg() { # conf pidname [hook] -> sets CP
  mr c ${3:-$C/client-hook} miredo -f -c $C/$1.conf -p $T/$2.pid >> $RAW 2>&1 & CP=$!; }
once() { ( mr ${1} $C/client-hook timeout 6 "${@:2}" >> $RAW 2>&1 ); }
sig() { pick INT TERM TERM TERM QUIT; }
server_start server ""
sleep 1
START=$SECONDS
while [ $(wc -l < $RAW) -lt 1800 ] && [ $((SECONDS - START)) -lt 1500 ]; do
  w=$(r 0 99)
  if [ $w -lt 30 ]; then          # a good client comes and goes
    client_bg client c1; sleep $(r 1 4); stopp $CP $(sig)
  elif [ $w -lt 40 ]; then        # client reloads its configuration
    client_bg $(pick client client client2) c1; sleep $(r 1 3)
    for i in $(seq $(r 1 3)); do kill -HUP $CP; sleep $(r 1 3); done; stopp $CP $(sig)
  elif [ $w -lt 45 ]; then        # client towards an address where no server answers
    client_bg client-noserver c1; sleep $(r 4 14); stopp $CP $(sig)
  elif [ $w -lt 48 ]; then        # server goes away under a qualified client
    client_bg client c1; sleep 2; stopp "$S" $(sig); S=
    sleep $(r 15 45); stopp $CP $(sig); server_start server ""
  elif [ $w -lt 58 ]; then        # configuration errors
    once c miredo -f -c $C/$(pick client-badname client-noserver-set client-badport client-badbind client-badtype client-badfacility client-junk client-longline client-longif relay-badprefix relay-badmtu).conf -p $T/c9.pid
  elif [ $w -lt 63 ]; then        # command line errors
    case $(r 0 5) in
      0) once c miredo -f -c $T/missing-$(r 1 99).conf -p $T/c9.pid ;;
      1) once c miredo -f -c $C/client.conf -c $C/client2.conf ;;
      2) once c miredo -f -c $C/client.conf -p $T/c9.pid extra.server.name surplus ;;
      3) once c miredo -f -x -c $C/client.conf ;;
      4) once c miredo -f -u nosuchuser$(r 1 9) -c $C/client.conf -p $T/c9.pid ;;
      5) once c miredo -f -t $T/nochroot -c $C/client.conf -p $T/c9.pid ;;
    esac
  elif [ $w -lt 67 ]; then        # two clients: same pid file, or same interface
    client_bg client c1; A=$CP; sleep 1
    if [ $(r 0 1) = 0 ]; then client_bg client2 c1; else client_bg client2 c2; fi; B=$CP
    sleep $(r 1 3); stopp $B TERM; stopp $A $(sig)
  elif [ $w -lt 70 ]; then        # hook cannot be executed
    client_bg client c1 $C/client-hook.noexec; sleep $(r 2 4); stopp $CP $(sig)
  elif [ $w -lt 80 ]; then        # relays
    client_bg $(pick relay relay relay-restricted relay-oldprefix) c3; sleep $(r 1 4)
    [ $(r 0 2) = 0 ] && { kill -HUP $CP; sleep 2; }
    stopp $CP $(sig)
  elif [ $w -lt 86 ]; then        # server reloads or restarts
    if [ -n "$S" ]; then
      if [ $(r 0 1) = 0 ]; then kill -HUP $S; sleep 1; else stopp $S $(sig); S=; sleep 1; server_start $(pick server server server-prefix) ""; fi
    else server_start server ""; fi
  elif [ $w -lt 92 ]; then        # broken second server
    server_start $(pick server server-private server-nonlocal server-noaddr server-badname) 2; sleep 2; stopp "$S2" TERM; S2=
  elif [ $w -lt 95 ]; then        # second server pair and a client using it
    server_start server2 2; client_bg client2 c2; sleep $(r 2 5); stopp $CP $(sig); stopp "$S2" $(sig); S2=
  else                            # client started with a server name on the command line
    ( mr c $C/client-hook timeout -s TERM $(r 2 4) miredo -f -c $C/client.conf -p $T/c4.pid $(pick 198.51.100.1 teredo.invalid 198.51.100.77) >> $RAW 2>&1 )
  fi
  [ -z "$S" ] && server_start server ""
  sleep 0.$(r 1 9)
done
stopp "$S" TERM
for n in s c; do ip netns del r40cm$n; done
sed -n '1,2500p' $RAW > $D/miredo.log
