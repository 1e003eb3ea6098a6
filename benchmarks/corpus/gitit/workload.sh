#!/bin/bash
# Gitit workload: curl clients browse, register, log in (and fail to), edit, search, upload,
# delete, ask for password resets, hit missing pages; the server is restarted between rounds.
# Log: ./gitit.log (log-file in gitit.conf), data under /tmp/round36-r36e/gitit.
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round36-r36e/gitit; rm -rf "$T"; mkdir -p "$T"
rm -f "$D/gitit.log"
U=http://127.0.0.1:48200
r() { echo $((RANDOM % $1)); }
PAGES=("Front Page" "Help" "Gitit User’s Guide" "Notes" "Build Log" "Team/Alpha" "Team/Beta" "Recipes" "Meeting 2026")
page() { echo "${PAGES[$(r ${#PAGES[@]})]}"; }
enc() { python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1]))' "$1"; }
USERS=(alice1 bob22 carol3 dave44)
req() { curl -s -o /dev/null --max-time 15 "$@"; }
login() { # jar user password
  req -c "$1" -b "$1" --data-urlencode "username=$2" --data-urlencode "password=$3" -d 'login=Login&destination=' "$U/_login"; }
edit() { # jar page
  local p; p=$(enc "$2")
  local sha; sha=$(curl -s --max-time 15 -b "$1" "$U/_edit/$p" | grep -o 'name="sha1" id="sha1" style="display: none" value="[0-9a-f]*"' | grep -o '[0-9a-f]\{40\}')
  local body="# $2"$'\n\n'"Edited by workload $RANDOM."$'\n\n'"* item $RANDOM"$'\n'"* [[Notes]] and [Build Log]()"$'\n'
  [ $(r 8) = 0 ] && body="$body"$'\n'"\$x^2 + y^$(r 9)\$"$'\n'
  [ $(r 10) = 0 ] && body=$(head -c 40000 /dev/zero | tr '\0' 'a')   # too large
  [ $(r 6) = 0 ] && sha=0000000000000000000000000000000000000000     # edit conflict
  req -b "$1" --data-urlencode "editedText=$body" --data-urlencode "logMsg=change $RANDOM" \
      --data-urlencode "sha1=$sha" -d 'update=Save' "$U/$p"; }
action() {
  local j=$1 u=$2
  case $(r 31) in
    0|1|2|3|4) req -b "$j" "$U/$(enc "$(page)")";;
    5|6) req "$U/_search?patterns=$(echo gitit wiki page help edit workload | tr ' ' '\n' | shuf -n1)";;
    7) req "$U/_search?patterns=" ;;
    8|9|10) edit "$j" "$(page)";;
    11) req "$U/_history/$(enc "$(page)")";;
    12) req "$U/_activity";;
    13) req "$U/_index";;
    14) req "$U/_random";;
    15) req "$U/_feed/";;
    16) req "$U/No%20Such%20Page%20$(r 40)";;
    17) req "$U/_diff/Front%20Page?to=HEAD";;
    18) head -c $(( (RANDOM % 30 + 1) * 1024 )) /dev/urandom > "$T/up.bin"
        req -b "$j" -F "file=@$T/up.bin" -F "wikiname=files/blob$(r 5).bin" -F "logMsg=upload $RANDOM" -F "upload=Upload" $([ $(r 2) = 0 ] && echo -F overwrite=yes) "$U/_upload";;
    19) printf 'hello %s\n' $RANDOM > "$T/note.txt"
        req -b "$j" -F "file=@$T/note.txt" -F "wikiname=$([ $(r 3) = 0 ] && echo ../escape.txt || echo notes$(r 3).txt)" -F "logMsg=$([ $(r 3) = 0 ] || echo note)" -F "upload=Upload" "$U/_upload";;
    20) login "$j" "$u" "wrongpass$(r 9)";;
    21) login "$j" "nobody$(r 9)" "whatever1!";;
    22) req -d "username=$u&reset=Reset" "$U/_resetPassword"; req -d "username=ghost$(r 9)&reset=Reset" "$U/_resetPassword";;
    23) req -d "username=x$(r 9)&email=bad&full_name_1=&password=short&password2=other&register=Register&destination=" "$U/_register";;
    24) req -b "$j" -d "filetodelete=$(enc "Team/Beta")&confirm=Yes" "$U/_delete/Team/Beta";;
    25) req -b "$j" -d "filetodelete=Help&confirm=Yes" "$U/_delete/Help";;
    26) req -X POST -d "gotopage=$(page)&go=Go" "$U/_go";;
    27) req "$U/Front%20Page?revision=deadbeef$(r 9)";;
    28) req -b "$j" "$U/_logout";;
    29) req "$U/_category/test"; req "$U/Front%20Page?printable=yes";;
    30) rm -rf "$T/templates"; req "$U/_reloadTemplates";;
  esac
}
for round in 1 2 3; do
  gitit -f "$D/gitit.conf" > "$T/stdout.$round" 2>&1 &
  P=$!; echo $P > "$T/gitit.pid"; sleep 3
  for u in "${USERS[@]}"; do
    req -c "$T/jar.$u" -b "$T/jar.$u" -d "username=$u&email=$u@example.com&full_name_1=&password=secret1!&password2=secret1!&register=Register&destination=" "$U/_register"
    login "$T/jar.$u" "$u" 'secret1!'
  done
  n=$((25 + RANDOM % 30))
  for i in $(seq $n); do
    u=${USERS[$(r ${#USERS[@]})]}
    action "$T/jar.$u" "$u"
    sleep 0.$(r 5)
  done
  [ $(r 2) = 0 ] && req "$U/_reloadTemplates"
  kill $P; wait $P 2>/dev/null
  # missing static or template folders are created again at the next start
  [ $(r 2) = 0 ] && rm -rf "$T/static"
  [ $(r 2) = 0 ] && rm -rf "$T/templates"
done
