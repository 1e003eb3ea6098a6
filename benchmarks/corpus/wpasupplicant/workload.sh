#!/bin/bash
# wpa_supplicant workload: wired IEEE 802.1X on a veth pair in netns r42a-wpa against our own
# hostapd (internal EAP server); wpa_cli actions, config swaps, wrong credentials, link flaps,
# authenticator outages and restarts, in random order.
cd /work/round42/wpasupplicant || exit 1
set -m
NS=r42a-wpa
W=/tmp/round42-r42a/wpa
DIR=/work/round42/wpasupplicant
RAW=$DIR/wpa_supplicant.raw.log   # wpa_supplicant -f writes here; cut below, then removed
CONF=$W/wpa.conf
ENV="env -i HOME=$W/home TMPDIR=$W/tmp XDG_RUNTIME_DIR=$W/tmp XDG_CONFIG_HOME=$W/home XDG_CACHE_HOME=$W/home PATH=/usr/sbin:/usr/bin:/sbin:/bin"
rm -rf $W; mkdir -p $W/home $W/tmp $W/certs
# Throw-away test certificates (outside the folder, deleted at the end).
( cd $W/certs
  for ca in ca other-ca; do
    openssl req -x509 -newkey rsa:2048 -nodes -keyout $ca.key -out $ca.pem -days 30 -subj /CN=r42a-$ca 2>/dev/null
  done
  openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=server.r42a.test 2>/dev/null
  openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 30 2>/dev/null )

ip netns del $NS 2>/dev/null
ip netns add $NS
ip -n $NS link set lo up
ip -n $NS link add w0 type veth peer name w1
ip -n $NS link set w0 up
ip -n $NS link set w1 up

r() { echo $((RANDOM % $1)); }
cli() { ip netns exec $NS wpa_cli -p $W/ctrl -i w0 "$@" >/dev/null 2>&1; }
HP=; WP=
hstart() { ip netns exec $NS unshare -m $ENV hostapd $DIR/hostapd.conf > $W/hostapd.out 2>&1 & HP=$!; sleep 1; }
hstop() { [ -n "$HP" ] && kill -TERM $HP 2>/dev/null; wait $HP 2>/dev/null; HP=; }
wstart() { ip netns exec $NS unshare -m $ENV wpa_supplicant -D wired -i w0 -c $CONF -d -f $RAW & WP=$!; sleep 2; }
wstop() { [ -n "$WP" ] && kill -TERM $WP 2>/dev/null; wait $WP 2>/dev/null; WP=; }
GOOD=(wpa-md5.conf wpa-md5.conf wpa-md5.conf wpa-peap.conf wpa-ttls.conf)
BAD=(wpa-md5-badpass.conf wpa-unknown.conf wpa-peap-badpass.conf wpa-badca.conf wpa-missingca.conf)
use() { cp $DIR/$1 $CONF; }

action() { # $1: what to do; "cfg:FILE" swaps in that configuration
  case $1 in
  reauth) cli reauthenticate; sleep $((1 + $(r 3))) ;;
  logoff) cli logoff; sleep $(r 3); cli logon; sleep 2 ;;
  cfg:*)  use ${1#cfg:}; cli reconfigure; sleep $((2 + $(r 4)))
          # Any configuration but wpa-md5.conf goes back to it after one round (wpa-unknown.conf only half the time): TLS rounds are long
          case $1 in *md5.conf) ;; *) if [[ $1 != *unknown* || $(r 2) = 0 ]]; then use wpa-md5.conf; cli reconfigure; sleep 2; fi ;; esac ;;
  flap0)  ip -n $NS link set w0 down; sleep $(r 3); ip -n $NS link set w0 up; sleep 2 ;;
  flap1)  ip -n $NS link set w1 down; sleep 1; ip -n $NS link set w1 up; sleep 2 ;;
  outage) hstop; cli reauthenticate; sleep $((1 + $(r 4))); hstart; cli reauthenticate; sleep 2 ;;
  disc)   cli disconnect; sleep 1; cli reconnect; sleep 2 ;;
  hup)    kill -HUP $WP; sleep 2 ;;
  misc)   cli status; cli set eapol_version $((1 + $(r 2))); cli mib; cli reassociate; sleep 2 ;;
  restart) wstop; use wpa-md5.conf; wstart ;;
  broken) wstop; cp $DIR/wpa-broken.conf $CONF; wstart; wstop; use wpa-md5.conf; wstart ;;
  esac
}
pick() { # one weighted random action
  local k=$(r 100)
  if   [ $k -lt 22 ]; then echo reauth
  elif [ $k -lt 34 ]; then echo logoff
  elif [ $k -lt 50 ]; then echo cfg:${GOOD[$(r ${#GOOD[@]})]}
  elif [ $k -lt 62 ]; then echo cfg:${BAD[$(r ${#BAD[@]})]}
  elif [ $k -lt 70 ]; then echo flap0
  elif [ $k -lt 76 ]; then echo flap1
  elif [ $k -lt 82 ]; then echo outage
  elif [ $k -lt 87 ]; then echo disc
  elif [ $k -lt 91 ]; then echo hup
  elif [ $k -lt 96 ]; then echo misc
  else echo restart
  fi
}

: > $RAW
use wpa-md5.conf
hstart
wstart
# Every kind of action and configuration at least once, plus random extras, in shuffled order.
DECK="reauth logoff flap0 flap1 outage disc hup misc restart broken"
for c in wpa-md5.conf wpa-peap.conf wpa-ttls.conf "${BAD[@]}"; do DECK="$DECK cfg:$c"; done
for i in $(seq $((6 + $(r 7)))); do DECK="$DECK $(pick)"; done
for a in $(printf '%s\n' $DECK | shuf); do action $a; done
wstop
hstop
# Keep one contiguous stretch of at most 2500 whole lines.
sed -n '1,2500p' $RAW > $DIR/wpasupplicant.log
ip netns del $NS
rm -rf $W/certs
rm -f $RAW
