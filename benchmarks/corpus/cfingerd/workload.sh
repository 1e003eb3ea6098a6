#!/bin/bash
# Randomised workload for cfingerd (Debian 1.4.3-7), run per connection by inetd.py
# inside network namespace r38b_cf + a private mount namespace (ns_inner.sh),
# logging through a private rsyslogd to /tmp/round38-r38b/cf/cfingerd.syslog.
set -m
D=$(cd "$(dirname "$0")" && pwd)
C=/tmp/round38-r38b/cf
NS=r38b_cf
PHASES=${PHASES:-34}
export HOME=$C/home TMPDIR=$C/tmp XDG_CONFIG_HOME=$C/home/.config XDG_DATA_HOME=$C/home/.local/share \
       XDG_CACHE_HOME=$C/home/.cache XDG_RUNTIME_DIR=$C/tmp
mkdir -p $C/olddev $C/rsw $C/home $C/tmp $C/mylog
rm -f $C/cfingerd.syslog $C/log.sock
ip netns list | grep -qw $NS || { ip netns add $NS; ip -n $NS link set lo up; }
r() { echo $(( RANDOM % $1 )); }

ip netns exec $NS rsyslogd -n -f "$D/rsyslog.conf" -i $C/rsyslogd.pid &
RSPID=$!
sleep 1
ip netns exec $NS unshare -m --propagation private bash "$D/ns_inner.sh" python3 "$D/inetd.py" 46510 3000 &
INPID=$!
sleep 1
IDPID=
for p in $(seq 1 $PHASES); do
  # ident server up (most phases) or down (connection refused)
  if [ $(r 10) -lt 7 ]; then
    [ -z "$IDPID" ] && { ip netns exec $NS python3 "$D/identd.py" 46511 3000 & IDPID=$!; sleep 0.5; }
  else
    [ -n "$IDPID" ] && { kill $IDPID; wait $IDPID 2>/dev/null; IDPID=; }
  fi
  # cfingerd's own log file directory present or missing
  if [ $(r 10) -lt 2 ]; then rm -rf $C/mylog; else mkdir -p $C/mylog; fi
  ip netns exec $NS python3 "$D/client.py" 46510 $((5 + $(r 40)))
  # local command-line runs: emulated finger, and a run on a terminal
  for i in $(seq 1 $(r 3)); do
    ip netns exec $NS unshare -m --propagation private bash "$D/ns_inner.sh" \
      /usr/sbin/cfingerd -e $(shuf -n1 -e root daemon help nosuch version) < /dev/null > /dev/null 2>&1
  done
  if [ $(r 4) -eq 0 ]; then
    ip netns exec $NS unshare -m --propagation private bash "$D/ns_inner.sh" \
      script -qec /usr/sbin/cfingerd /dev/null < /dev/null > /dev/null 2>&1
  fi
  sleep 0.$(r 10)
done
sleep 8
[ -n "$IDPID" ] && { kill $IDPID; wait $IDPID 2>/dev/null; }
kill $INPID; wait $INPID 2>/dev/null
sleep 1
kill $RSPID; wait $RSPID 2>/dev/null
ip netns del $NS
