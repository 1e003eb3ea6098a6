#!/bin/bash
# Workload for the Isso comment server: several server runs with varied configuration,
# random comment posts, edits, deletes, votes, moderation and bad requests over the HTTP API.
# Server console (stdout+stderr) is appended to isso.log in this folder.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round34-r34h/isso
VENV=/tmp/round34-r34h/venv
LOG="$HERE/isso.log"
PORT=45510
WEB=45511
SMTP=45512
mkdir -p "$RUN"
rm -f "$RUN"/comments.db "$LOG" "$RUN"/pids
: > "$LOG"

# a fake website that isso checks on start (and fetches page titles from)
mkdir -p "$RUN/site/blog"
for i in $(seq 1 12); do printf '<html><head><title>Post %d</title></head><body><div id="isso-thread"></div></body></html>' "$i" > "$RUN/site/blog/p$i.html"; done
(cd "$RUN/site" && exec python3 -m http.server $WEB --bind 127.0.0.1 >/dev/null 2>&1) & echo $! >> "$RUN/pids"
# a fake SMTP peer (prints mails to /dev/null)
("$VENV/bin/python" -W ignore -m smtpd -n -c DebuggingServer 127.0.0.1:$SMTP >/dev/null 2>&1) & echo $! >> "$RUN/pids"
sleep 1

R() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$(( RANDOM % ${#a[@]} ))]}"; }

writeconf() { # $1 variant
  local v=$1 c="$RUN/isso.cfg"
  {
    echo "[general]"
    echo "dbpath = $RUN/comments.db"
    case $v in
      nohost) echo "host =" ;;
      deadhost) echo "host = http://127.0.0.1:45519/" ;;
      *) echo "host = http://127.0.0.1:$WEB/" ;;
    esac
    case $v in
      badnotify) echo "notify = stdout, jabber" ;;
      smtp) echo "notify = stdout, smtp"; echo "reply-notifications = true" ;;
      smtpdead) echo "notify = stdout"; echo "reply-notifications = true" ;;
      *) echo "notify = stdout" ;;
    esac
    [ "$v" = oldopts ] && echo "session-key = abcdef0123456789"
    echo "latest-enabled = true"
    echo "[moderation]"
    if [ "$v" = moderated ] || [ "$v" = smtp ]; then echo "enabled = true"; else echo "enabled = false"; fi
    echo "[server]"
    case $v in
      badlisten) echo "listen = tcp://127.0.0.1:$PORT" ;;
      *) echo "listen = http://127.0.0.1:$PORT" ;;
    esac
    if [ "$v" = oldopts ]; then echo "host = 127.0.0.1"; echo "port = $PORT"; echo "public-endpoint = http://127.0.0.1:$PORT/"; fi
    [ "$v" = slash ] && echo "public-endpoint = http://127.0.0.1:$PORT/"
    echo "[guard]"
    if [ "$v" = guard ]; then echo "enabled = true"; echo "ratelimit = 3"; else echo "enabled = false"; fi
    echo "require-author = $(pick false false true)"
    echo "[smtp]"
    echo "host = 127.0.0.1"
    if [ "$v" = smtpdead ]; then echo "port = 45518"; else echo "port = $SMTP"; fi
    echo "security = none"
    echo "timeout = 3"
    echo "to = admin@example.org"
    echo "from = isso@example.org"
    [ "$v" = oldopts ] && echo "ssl = off"
    echo "[markup]"
    case $v in
      misaka) echo "renderer = misaka"; echo "options = autolink, strikethrough"; echo "flags = hard-wrap" ;;
      misaka2) echo "renderer = misaka"; echo "[markup.misaka]"; echo "options = autolink"; echo "flags = escape" ; echo "[markup]"; echo "options = tables"; echo "flags = hard-wrap" ;;
      badmarkup) echo "renderer = textile" ;;
      *) echo "renderer = mistune" ;;
    esac
    [ "$v" = badsection ] && { echo "[widgets]"; echo "colour = blue"; }
  } > "$c"
}

start() { # $1 variant; returns 0 if up
  writeconf "$1"
  "$VENV/bin/python" -c 'import logging, sys; import isso; logging.getLogger().setLevel(logging.DEBUG); sys.exit(isso.main())' -c "$RUN/isso.cfg" run >> "$LOG" 2>&1 &
  SPID=$!
  for i in $(seq 1 30); do
    kill -0 $SPID 2>/dev/null || return 1
    curl -s -o /dev/null "http://127.0.0.1:$PORT/config" && return 0
    sleep 0.3
  done
  return 1
}
stop() { kill "$SPID" 2>/dev/null; wait "$SPID" 2>/dev/null; }

API="http://127.0.0.1:$PORT"
IDS=()
words=(lorem ipsum great post thanks "nice write-up" "I disagree" "see also" "ünïcode ✓" "**bold**" "_it_" "\`code\`" "what about" "[a link](http://example.org)")
txt() { local n=$(( 1 + RANDOM % 8 )) s=""; for i in $(seq $n); do s="$s $(pick "${words[@]}")"; done; echo "${s# }"; }

post() {
  local p=$(( 1 + RANDOM % 12 )) body parent="null" jar
  [ ${#IDS[@]} -gt 0 ] && [ $(R 3) = 0 ] && parent=$(pick "${IDS[@]}")
  local author=$(pick alice bob carol "" dave "Émile" mallory) email=$(pick "" "a@example.org" "b@example.net" "x@example.com")
  local title='"title": "Post '$p'",'
  [ $(R 4) = 0 ] && title=""
  body=$(jq -nc --arg t "$(txt)" --arg a "$author" --arg e "$email" --argjson p "$parent" '{text:$t, author:$a, email:$e, parent:$p, notification:1, website:null}')
  [ -n "$title" ] && body=$(echo "$body" | jq -c --arg ti "Post $p" '. + {title:$ti}')
  local uri="/blog/p$p.html"
  [ $(R 15) = 0 ] && uri="/blog/missing$(R 5).html"
  jar="$RUN/jar.tmp"
  local out
  out=$(curl -s -c "$jar" -H 'Content-Type: application/json' -H "X-Forwarded-For: 10.0.0.$(R 50)" -d "$body" "$API/new?uri=$uri")
  local id=$(echo "$out" | jq -r '.id // empty' 2>/dev/null)
  if [ -n "$id" ]; then IDS+=("$id"); cp "$jar" "$RUN/jar.$id"; fi
}
edit() {
  [ ${#IDS[@]} -eq 0 ] && return
  local id=$(pick "${IDS[@]}")
  curl -s -o /dev/null -b "$RUN/jar.$id" -X PUT -H 'Content-Type: application/json' -d "$(jq -nc --arg t "$(txt) (edited)" --arg a "$(pick alice bob zed)" '{text:$t, author:$a}')" "$API/id/$id"
}
del() {
  [ ${#IDS[@]} -eq 0 ] && return
  local i id
  i=$(( RANDOM % ${#IDS[@]} ))
  id=${IDS[$i]}
  if [ $(R 5) = 0 ]; then curl -s -o /dev/null -X DELETE "$API/id/$id"; return; fi   # no cookie: forbidden
  curl -s -o /dev/null -b "$RUN/jar.$id" -X DELETE "$API/id/$id"
  unset 'IDS[$i]'; IDS=("${IDS[@]}")
}
vote() {
  [ ${#IDS[@]} -eq 0 ] && return
  local id=$(pick "${IDS[@]}")
  curl -s -o /dev/null -X POST -H "X-Forwarded-For: 10.1.$(R 3).$(R 4)" "$API/id/$id/$(pick like like dislike)"
}
bad() {
  case $(R 9) in
    0) curl -s -o /dev/null -H 'Content-Type: application/json' -d '{"text": 12345}' "$API/new?uri=/blog/p1.html" ;;
    1) curl -s -o /dev/null -H 'Content-Type: application/json' -d '{"text": "ok"' "$API/new?uri=/blog/p1.html" ;;
    2) curl -s -o /dev/null "$API/?uri=/blog/p1.html&limit=abc" ;;
    3) curl -s -o /dev/null "$API/?uri=/nothing/here" ;;
    4) curl -s -o /dev/null -X PUT -H 'Content-Type: application/json' -d '{"text": "hijack"}' "$API/id/$(R 40)" ;;
    5) curl -s -o /dev/null -H 'Content-Type: application/json' -d '{"text": "orphan reply", "parent": 99999, "title": "x"}' "$API/new?uri=/blog/p2.html" ;;
    6) curl -s -o /dev/null -X POST "$API/id/$(R 40)/activate/bogus-key" ;;
    7) curl -s -o /dev/null "$API/id/$(R 40)/unsubscribe/a@example.org/bogus" ;;
    8) curl -s -o /dev/null -H 'Content-Type: application/json' -d '["text"]' "$API/new?uri=/blog/p3.html" ;;
  esac
}
reads() {
  case $(R 5) in
    0) curl -s -o /dev/null "$API/?uri=/blog/p$(( 1 + RANDOM % 12 )).html" ;;
    1) curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '["/blog/p1.html","/blog/p2.html"]' "$API/count" ;;
    2) curl -s -o /dev/null "$API/latest?limit=$(R 10)" ;;
    3) curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"text":"*preview*"}' "$API/preview" ;;
    4) curl -s -o /dev/null "$API/id/$(R 30)" ;;
  esac
}
activate() {
  local url
  url=$(grep -o 'Activate comment: .*' "$LOG" | shuf -n 1 | sed 's/^Activate comment: //')
  [ -n "$url" ] && curl -s -o /dev/null -X POST "$url"
  url=$(grep -o 'Delete comment: .*' "$LOG" | shuf -n 1 | sed 's/^Delete comment: //')
  [ -n "$url" ] && [ $(R 3) = 0 ] && curl -s -o /dev/null -X POST "$url"
}

variants=(plain plain plain moderated smtp smtpdead misaka misaka2 oldopts slash badnotify badnotify guard deadhost deadhost badsection plain moderated)
fails=(nohost badlisten badmarkup)
for round in $(seq 1 ${ROUNDS:-14}); do
  if [ $(R 3) = 0 ]; then
    v=$(pick "${fails[@]}")
    start "$v"; stop
  fi
  if [ $(R 6) = 0 ]; then
    "$VENV/bin/python" -c 'import logging, sys; import isso; logging.getLogger().setLevel(logging.DEBUG); sys.exit(isso.main())' -c "$RUN/nonexistent.cfg" run >> "$LOG" 2>&1
  fi
  v=$(pick "${variants[@]}")
  start "$v" || { stop; continue; }
  n=$(( 6 + RANDOM % 40 ))
  for k in $(seq $n); do
    r=$(R 100)
    if   [ $r -lt 40 ]; then post
    elif [ $r -lt 55 ]; then edit
    elif [ $r -lt 65 ]; then del
    elif [ $r -lt 78 ]; then vote
    elif [ $r -lt 86 ]; then bad
    elif [ $r -lt 90 ]; then activate
    else reads
    fi
  done
  stop
done
for p in $(cat "$RUN/pids"); do kill "$p" 2>/dev/null; done
rm -f "$RUN"/jar.* "$RUN/pids"
