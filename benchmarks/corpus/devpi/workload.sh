#!/bin/bash
# Randomised workload for devpi-server (no internet: no root/pypi; a local mirror backend on 127.0.0.1).
# Needs ./venv with devpi-server 6.20.3 and devpi-client from PyPI: python3 -m venv venv && venv/bin/pip install devpi-server==6.20.3 devpi-client
cd "$(dirname "$0")"
D=$PWD
PORT=60100; MPORT=60110
URL=http://127.0.0.1:$PORT
PY=$D/venv/bin/python
export DEVPI_CLIENTDIR=$D/run/client
rm -rf run devpi.log; mkdir -p run/pk run/mirror/simple run/dl run/cl
: > devpi.log

SRV=
start_srv() {
  $D/venv/bin/devpi-server --serverdir $D/run/srv --host 127.0.0.1 --port $PORT --debug --threads 8 "$@" >> devpi.log 2>&1 &
  SRV=$!; echo $SRV >> run/pids
  for i in $(seq 60); do curl -s -o /dev/null $URL/+api && break; sleep 0.5; done
}
stop_srv() { kill -${1:-TERM} $SRV 2>/dev/null; wait $SRV 2>/dev/null; SRV=; }
C() { local u=$1; shift; DEVPI_CLIENTDIR=$D/run/cl/$u $D/venv/bin/devpi "$@" >> run/client.out 2>&1; }
R() { echo $((RANDOM % $1)); }
PKGS=(alpha-tool beta_lib gamma-utils delta)

# local "upstream" simple index that a mirror index points at
MB=
start_backend() { (cd run/mirror && exec $PY -m http.server $MPORT --bind 127.0.0.1 >> ../backend.out 2>&1) & MB=$!; echo $MB >> run/pids; sleep 0.7; }
for p in upstream-one upstream-two; do
  $PY mkpkg.py $p 0.$((1 + $(R 5))) run/mirror/files > /dev/null
  mkdir -p run/mirror/simple/$p
  ( echo "<html><body>"; for f in run/mirror/files/$p-* run/mirror/files/${p//-/_}-*; do [ -e "$f" ] && b=$(basename $f) && echo "<a href=\"../../files/$b\">$b</a><br>"; done; echo "</body></html>" ) > run/mirror/simple/$p/index.html
done
( echo "<html><body>"; for p in upstream-one upstream-two; do echo "<a href=\"$p/\">$p</a>"; done; echo "</body></html>" ) > run/mirror/simple/index.html

$D/venv/bin/devpi-init --serverdir $D/run/srv --no-root-pypi --root-passwd rootpw >> run/init.out 2>&1
start_srv
start_backend

for u in root alice bob carol; do C $u use $URL; done
C root login root --password rootpw
C root login root --password nope
for u in alice bob carol; do C root user -c $u password=${u}pw email=$u@example.invalid; done
C root user -c alice password=again
C alice login alice --password wrong
C alice login alice --password alicepw
C bob login bob --password bobpw
C carol login carol --password carolpw
C alice index -c dev bases= volatile=True
C alice index -c prod bases=alice/dev volatile=False
C bob index -c dev bases=alice/dev
C bob index -c bad nosuchkey=1
C carol index -c mirror type=mirror mirror_url=http://127.0.0.1:$MPORT/simple/ mirror_web_url_fmt=http://127.0.0.1:$MPORT/simple/{name}/
C carol index -c mix bases=carol/mirror,alice/dev

pipdl() {  # index package
  PIP_CONFIG_FILE=/dev/null $D/venv/bin/pip download --isolated --no-deps --disable-pip-version-check -q --retries 0 --timeout 5 \
     -i $URL/$1/+simple/ -d run/dl/$RANDOM "$2" >> run/pip.out 2>&1
}

for round in $(seq 1 4); do
  # uploads by several users at once
  UP=
  for u in alice bob; do
    ( for k in 1 2; do
        p=${PKGS[$(R 4)]}; v=$round.$(R 3).$k
        $PY mkpkg.py $p $v run/pk/$u > /dev/null
        C $u use $u/dev
        C $u upload --from-dir run/pk/$u
        rm -f run/pk/$u/*
      done ) &
    UP="$UP $!"
  done
  wait $UP
  C carol use alice/dev
  $PY mkpkg.py intruder 0.$round run/pk/carol > /dev/null
  C carol upload --from-dir run/pk/carol   # not allowed
  rm -f run/pk/carol/*
  # reads
  C carol list ${PKGS[$(R 4)]}
  C alice list
  C alice getjson /alice/dev/${PKGS[$(R 4)]}
  DL=
  for k in 1 2; do pipdl alice/dev ${PKGS[$(R 4)]} & DL="$DL $!"; pipdl bob/dev ${PKGS[$(R 4)]} & DL="$DL $!"; done
  wait $DL
  pipdl alice/dev does-not-exist
  # mirror through the local backend, sometimes while it is down
  if [ $(R 3) = 0 ] && [ -n "$MB" ]; then kill $MB; wait $MB 2>/dev/null; MB=; fi
  pipdl carol/mirror upstream-one
  pipdl carol/mix upstream-two
  curl -s -o /dev/null "$URL/carol/mirror/+simple/upstream-$( [ $(R 2) = 0 ] && echo one || echo three)/"
  [ -z "$MB" ] && start_backend
  # push to the non-volatile index, twice (second conflicts)
  p=${PKGS[$(R 4)]}
  C alice use alice/dev
  C alice push "$p==$round.0.1" alice/prod
  C alice push "$p==$round.0.1" alice/prod
  C alice push "nothing==9.9" alice/prod
  # removals and index changes
  C bob use bob/dev
  C bob remove -y "${PKGS[$(R 4)]}==$round.$(R 3).1"
  C bob index bob/dev "description=round $round"
  C bob index alice/dev "description=hijack"
  C alice index alice/prod volatile=True
  C alice index alice/prod volatile=False
  # garbage and wrong requests
  curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{bad json' $URL/+login
  curl -s -o /dev/null -X PUT -d 'not json' $URL/zed
  curl -s -o /dev/null $URL/nosuchuser/dev/+simple/
  curl -s -o /dev/null $URL/alice/dev/+f/aaa/bbb/nofile.tar.gz
  curl -s -o /dev/null -X DELETE $URL/alice/dev
  curl -s -o /dev/null -u alice:wrongpw -X PATCH -d '["description=x"]' $URL/alice/dev
  curl -s -o /dev/null -X POST -F ':action=file_upload' -F 'name=x' -F 'version=1' $URL/alice/dev/
  curl -s -o /dev/null -X POST -F ':action=bogus' $URL/alice/dev/
  curl -s -o /dev/null -H 'Accept: application/json' "$URL/+search?q=$RANDOM"
  printf 'GARBAGE /\x01\x02 HTTP/9\r\n\r\n' | timeout 2 bash -c "cat > /dev/tcp/127.0.0.1/$PORT" 2>/dev/null
  curl -s -o /dev/null $URL/+status
  curl -s -o /dev/null $URL/+changelog/9999
  case $(R 3) in
    0) C root user -m carol password=carolnew; C carol login carol --password carolpw; C carol login carol --password carolnew ;;
    1) C root user -c tmp$round password=x; C root user -y --delete tmp$round ;;
    2) C bob index -c tmpidx$round; C bob index -y --delete bob/tmpidx$round; C bob index -y --delete bob/nope ;;
  esac
  # restart (sometimes hard kill); old login tokens become invalid
  if [ $round -lt 4 ]; then
    if [ $(R 2) = 0 ]; then stop_srv TERM; else stop_srv KILL; fi
    start_srv
    C alice list
    C alice login alice --password alicepw
  fi
done
C alice index -y --delete alice/prod
stop_srv TERM
[ -n "$MB" ] && kill $MB
wait $MB 2>/dev/null
