#!/bin/bash
# bandersnatch workload: repeated `bandersnatch --debug mirror` runs (stderr -> bandersnatch.log)
# against fakeindex.py on 127.0.0.1:49700 in netns r38h2; mutate.py changes the index between runs.
# needs: python3 -m venv /tmp/round38-r38h/venv-bs && /tmp/round38-r38h/venv-bs/bin/pip install bandersnatch   (6.8.0)
set -m
D=/work/round38/bandersnatch; R=/tmp/round38-r38h; S=$R/bs
export HOME=$R/home TMPDIR=$R/tmp XDG_CONFIG_HOME=$R/xdg/config XDG_CACHE_HOME=$R/xdg/cache XDG_DATA_HOME=$R/xdg/data XDG_STATE_HOME=$R/xdg/state
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_CACHE_HOME $XDG_DATA_HOME $XDG_STATE_HOME
PY=$R/venv-bs/bin/python; BS=$R/venv-bs/bin/bandersnatch
NS="ip netns exec r38h2"
LOG=$D/bandersnatch.log
ip netns list | grep -q '^r38h2' || { ip netns add r38h2; $NS ip link set lo up; }
rm -rf $S/mirror $S/state.json $S/mirrored-files $LOG; mkdir -p $S
$PY $D/mutate.py $S/state.json
fi_start() { $NS $PY $D/fakeindex.py 49700 $S/state.json >/dev/null 2>&1 & echo $! > $S/fipid; sleep 0.5; }
fi_stop() { kill $(cat $S/fipid); wait $(cat $S/fipid) 2>/dev/null; }
bs() { (cd $D && timeout 120 $NS $BS "$@" >> $LOG 2>&1); }
fi_start
for i in $(seq 1 ${ITER:-22}); do
  r=$((RANDOM % 100))
  if   [ $r -lt 8 ]; then fi_stop; bs --debug -c bandersnatch.conf mirror; fi_start
  elif [ $r -lt 13 ]; then rm -f $D/missing.conf; bs --debug -c missing.conf mirror; rm -f $D/missing.conf
  elif [ $r -lt 18 ]; then bs --debug -c bad.conf mirror
  elif [ $r -lt 24 ]; then (bs --debug -c bandersnatch.conf mirror &); sleep 0.3; bs --debug -c bandersnatch.conf mirror; sleep 3
  elif [ $r -lt 30 ]; then echo garbage > $S/mirror/generation; bs --debug -c bandersnatch.conf mirror
  elif [ $r -lt 34 ]; then rm -f $S/mirror/status; bs --debug -c bandersnatch.conf mirror
  elif [ $r -lt 40 ]; then $PY $D/mutate.py $S/state.json; bs --debug -c bandersnatch.conf mirror --force-check
  else $PY $D/mutate.py $S/state.json; bs --debug -c bandersnatch.conf mirror
  fi
done
fi_stop
