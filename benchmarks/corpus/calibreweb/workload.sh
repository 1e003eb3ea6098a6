#!/bin/bash
# Calibre-Web workload: `cps` with its log level set to DEBUG (settings db) and its log sent to
# stdout (-o /dev/stdout), in a private net+mount namespace, over a small library built here;
# driven with logins, browsing, searches, downloads, uploads, OPDS and bad requests; restarts.
if [ -z "$R39F_NS" ]; then
  export R39F_NS=1
  exec unshare -n -m -- "$0" "$@"
fi
set -m
ip link set lo up
mount --make-rprivate /
mount -t tmpfs tmpfs /dev/shm
BASE=/tmp/round39-r39f
export HOME=$BASE/home TMPDIR=$BASE/tmp XDG_CONFIG_HOME=$BASE/xdg/config XDG_DATA_HOME=$BASE/xdg/data \
       XDG_CACHE_HOME=$BASE/xdg/cache XDG_STATE_HOME=$BASE/xdg/state XDG_RUNTIME_DIR=$BASE/xdg/runtime
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_DATA_HOME $XDG_CACHE_HOME $XDG_STATE_HOME $XDG_RUNTIME_DIR
DIR=$(cd "$(dirname "$0")" && pwd)
T=$BASE/cw
rm -rf $T; mkdir -p $T; cd $T
export CALIBRE_PORT=52540 CALIBRE_DBPATH=$T CACHE_DIRECTORY=$T/cache
PY=$BASE/venv-cw/bin/python
RAW=$BASE/calibreweb-raw.log
: > $RAW
H=http://127.0.0.1:52540
r() { echo $(( RANDOM % $1 )); }
$PY $DIR/mklib.py $T/library

start() {
  $BASE/venv-cw/bin/cps -p $T/app.db -o /dev/stdout -i 127.0.0.1 >> $RAW 2>&1 &
  CP=$!
  for i in $(seq 80); do curl -s -o /dev/null $H/login && break; sleep 0.5; done
}
stop() { kill -INT $CP; wait $CP; }
csrf() { curl -s -b $1 -c $1 $H/${2:-login} | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -n 1; }
login() {  # login JAR USER PASSWORD
  rm -f $1; t=$(csrf $1)
  curl -s -b $1 -c $1 -o /dev/null --data-urlencode "username=$2" --data-urlencode "password=$3" -d "csrf_token=$t" -d remember_me=on $H/login
}
get() { curl -s -b adm -c adm -o /dev/null "$H$1"; }
post() { t=$(csrf adm "book/1"); curl -s -b adm -c adm -o /dev/null -H "X-CSRFToken: $t" "$@"; }

step() {
  b=$(( 1 + $(r 8) ))
  case $(r 33) in
    0|1) get / ;;
    2) get "/search?query=$(shuf -n1 -e harbour light rivers engines zzz winter)" ;;
    3) get "/advsearch"; get "/search/stored/?query=harbour" ;;
    4) get "/book/$b" ;;
    5) get "/book/$(( 500 + $(r 50) ))" ;;
    6) get "/download/$b/txt/$b.txt" ;;
    7) get "/download/$b/epub/$b.epub" ;;
    8) get "/read/$b/txt" ;;
    9) get "/author/$(( 1 + $(r 5) ))"; get "/series/1" ;;
    10) get "/tag/stored/"; get "/category/$(( 1 + $(r 4) ))" ;;
    11) get "/discover/stored/"; get "/hot/stored/"; get "/rated/stored/" ;;
    12) case $(r 8) in 0) get "/language/eng" ;; 1) get "/formats/txt" ;; *) get "/language/stored/" ;; esac ;;
    13) login bad$(r 99) u$(r 999) wrong ;;
    14) printf 'Uploaded text %s\n\n%s\n' $RANDOM "$(head -c 600 /dev/urandom | base64)" > up.txt
        t=$(csrf adm "book/1")
        curl -s -b adm -c adm -o /dev/null -H "X-CSRFToken: $t" -F "csrf_token=$t" -F "btn-upload=@up.txt;filename=Upload $RANDOM - Tester.txt" $H/upload ;;
    15) echo junk > bad.exe; t=$(csrf adm "book/1")
        curl -s -b adm -c adm -o /dev/null -H "X-CSRFToken: $t" -F "csrf_token=$t" -F "btn-upload=@bad.exe;filename=bad.exe" $H/upload ;;
    16) curl -s -o /dev/null -X POST -d x=1 $H/upload ;;
    17) curl -s -o /dev/null -u admin:admin123 $H/opds; curl -s -o /dev/null -u admin:admin123 "$H/opds/search/harbour" ;;
    18) curl -s -o /dev/null -u admin:nope$(r 9) $H/opds ;;
    19) get "/nowhere/$(r 99)" ;;
    20) get "/admin/view"; get "/admin/config" ;;
    21) get "/shelf/$(( 1 + $(r 3) ))"; get "/me" ;;
    22) get "/cover/$b"; get "/get_authors_json?q=an" ;;
    23) get "/ajax/book/$(r 9)"; get "/ajax/listbooks?offset=0&limit=10&sort=title&order=asc" ;;
    24) rm -f "$T/library/Dev Rao/Small Engines (5)/Small Engines - Dev Rao.txt"; get "/download/5/txt/5.txt" ;;
    25) get "/opds"; get "/kobo/abc/v1/library/sync" ;;
    26) post -d "title=Shelf $(r 30)" -d "is_public=on" $H/shelf/create ;;
    27) post -X POST $H/shelf/add/$(( 1 + $(r 4) ))/$b ;;
    28) post -X POST $H/ajax/toggleread/$b; post -X POST $H/ajax/togglearchived/$b ;;
    29) post -d "name=user$(r 40)" -d "email=u$(r 40)@example.invalid" -d "password=Pw$(r 99)xyz!" -d default_language=all -d locale=en $H/admin/user/new ;;
    30) post -H "Content-Type: application/json" -d "{\"parameter\": $(shuf -n1 -e 2 7)}" $H/shutdown ;;
    31) post -X POST $H/delete/$(( 6 + $(r 8) )) ;;
    32) post -X POST "$H/send/$b/txt/0" ;;
  esac
  [ $(r 4) = 0 ] && sleep 0.$(r 9)
}
steps() { for i in $(seq $1); do step; done; }

# first start: creates the settings database; then point it at the library with DEBUG logging
start
stop
$PY $DIR/setcfg.py $T/app.db $T/library
start
login adm admin admin123
steps $(( 520 + $(r 100) ))
# restart from the admin page: the process re-executes itself
post -H "Content-Type: application/json" -d '{"parameter": 0}' $H/shutdown
sleep 2; for i in $(seq 80); do curl -s -o /dev/null $H/login && break; sleep 0.5; done
login adm admin admin123
steps $(( 40 + $(r 30) ))
stop
start
login adm admin admin123
steps $(( 330 + $(r 80) ))
# the library vanishes under the running server
mv $T/library/metadata.db $T/library/metadata.db.away
steps $(( 5 + $(r 5) ))
mv $T/library/metadata.db.away $T/library/metadata.db
steps $(( 10 + $(r 10) ))
stop

# keep one contiguous stretch of at most 2,500 whole lines
sed -n '1,2500p' $RAW > $DIR/calibreweb.log
wc -l $RAW $DIR/calibreweb.log
