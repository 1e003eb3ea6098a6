#!/bin/bash
# Randomised workload for pygopherd (logmethod = file -> stdout; stderr captured too).
# Several server sessions with varied configs, Gopher / Gopher+ / HTTP / other clients,
# missing selectors, bad requests, dropped connections, SIGTERM/SIGHUP, failed starts.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
BASE=/tmp/round34-r34e/pyg
LOG=${LOG:-$BASE/pygopherd.raw.log}
PORT=44100
SESSIONS=${SESSIONS:-16}
rm -rf "$BASE"; mkdir -p "$BASE/root"
: > "$LOG"
R=$BASE/root
r() { echo $(( RANDOM % $1 )); }

# --- content ---
mkdir -p "$R/docs/sub" "$R/mail/Maildir/cur" "$R/mail/Maildir/new" "$R/mail/Maildir/tmp" "$R/umn" "$R/web" "$R/empty"
printf 'Hello gopher\nline two\n' > "$R/hello.txt"
printf 'About this server.\n' > "$R/about.txt"
printf 'An abstract for hello.\n' > "$R/hello.txt.abstract"
printf '<html><head><title>Web Page</title></head><body><p>hi</p></body></html>\n' > "$R/web/page.html"
printf '<html><body>no title</body></html>\n' > "$R/web/notitle.html"
printf 'notes %s\n' {1..5} > "$R/docs/notes.txt"
printf 'deep\n' > "$R/docs/sub/deep.txt"
head -c 300 /dev/urandom > "$R/docs/blob.bin"
printf 'GIF89a' > "$R/docs/pic.gif"
printf 'iWelcome to the test hole\t\terror.host\t1\n0Hello\thello.txt\n1Docs\t/docs\n0Missing thing\t/nothing.txt\nhhttp link\tURL:http://example.org/\n1Remote\t/\tgopher.example.org\t70\n' > "$R/gophermap"
printf 'Name=Custom name\nType=0\nPath=0/about.txt\nHost=+\nPort=+\n\nName=Outside\nType=1\nPath=1/\nHost=gopher.example.net\nPort=70\n' > "$R/umn/.Links"
printf 'umn file\n' > "$R/umn/file.txt"
printf '.abstract for umn dir\n' > "$R/umn/.abstract" 2>/dev/null
for i in 1 2 3; do
  printf 'From: a%s@example.org\nTo: b@example.org\nSubject: Message %s\nDate: Mon, 1 Jan 2024 00:00:0%s +0000\n\nBody %s\n' $i $i $i $i > "$R/mail/Maildir/cur/17000000$i.M1P1.host:2,S"
done
{ for i in 1 2 3 4; do printf 'From sender%s@example.org Mon Jan  1 00:00:0%s 2024\nFrom: sender%s@example.org\nSubject: mbox msg %s\n\nText %s\n\n' $i $i $i $i $i; done; } > "$R/mail/box.mbox"
( cd "$R/docs" && printf 'zipped\n' > z.txt && python3 -c "import zipfile;z=zipfile.ZipFile('arch.zip','w');z.write('z.txt');z.writestr('in/dir.txt','x\n');z.close()" && rm z.txt )
printf 'caps\n' > "$R/docs/.cap" 2>/dev/null
printf 'secret\n' > "$R/secret.txt"; chmod 600 "$R/secret.txt"
mkdir -p "$R/docs/locked"; printf 'x\n' > "$R/docs/locked/f.txt"; chmod 700 "$R/docs/locked"

# --- configs ---
mkconf() {
  local out=$BASE/run.conf
  cp "$HERE/pygopherd.conf" "$out"
  case $(r 3) in 0) sed -i 's/^servertype = .*/servertype = ThreadingTCPServer/' "$out";; esac
  if [ "$(r 3)" = 0 ]; then sed -i 's/^#setuid = gopher/setuid = gopher/; s/^#setgid = gopher/setgid = gopher/' "$out"; fi
  if [ "$(r 4)" = 0 ]; then sed -i 's/^detach = no/detach = yes/' "$out"; fi
  if [ "$(r 3)" = 0 ]; then sed -i '/^\[handlers.ZIP.ZIPHandler\]/,/^enabled/ s/^enabled = false/enabled = true/' "$out"; fi
  case $(r 10) in
    0) sed -i 's/^servertype = .*/servertype = SpoonServer/' "$out";;
    1) sed -i 's|^mimetypes = .*|mimetypes = /nonexistent/mime.types|' "$out";;
    2) sed -i 's/^port = .*/port = 1/; s/^interface = .*/interface = 192.0.2.77/' "$out";;
    3) sed -i 's/^tracebacks = yes/tracebacks = no/' "$out";;
  esac
  echo "$out"
}

gopher() { printf '%s\r\n' "$1" | timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT; cat >&3; cat <&3" >/dev/null 2>&1; }
rawsend() { timeout 3 bash -c 'exec 3<>/dev/tcp/127.0.0.1/'$PORT'; printf "$0" >&3; cat <&3 >/dev/null' "$1" 2>/dev/null; }
drop() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT; printf '/hello' >&3; exec 3>&-" 2>/dev/null; }
http() { curl -s -o /dev/null -m 3 "$@" 2>/dev/null; }

SEL=(/ "" /hello.txt /about.txt /docs /docs/ /docs/notes.txt /docs/sub/deep.txt /docs/blob.bin /docs/pic.gif
     /web/page.html /web/notitle.html /mail/Maildir /mail/box.mbox /umn /umn/file.txt /empty /nothing.txt
     /docs/../../etc/passwd /no/such/dir/ "/mail/box.mbox|/MBOX-MESSAGE/2" "/mail/box.mbox|/MBOX-MESSAGE/9" "/mail/box.mbox?/MBOX-MESSAGE/1"
     "/mail/Maildir|/MAILDIR-MESSAGE/1" "/mail/Maildir|/MAILDIR-MESSAGE/7" /secret.txt /docs/locked /docs/arch.zip /docs/arch.zip/z.txt
     /docs/arch.zip/in /docs/arch.zip/none.txt "URL:http://example.org/" /hello.txt/extra /.cap)

workload() {
  local n=$((40 + $(r 140)))
  for _ in $(seq $n); do
    s=${SEL[$(r ${#SEL[@]})]}
    case $(r 16) in
      0|1|2|3|4) gopher "$s" ;;
      5) gopher "$s	+" ;;
      6) gopher "$s	!" ;;
      7) gopher "$s	\$" ;;
      8|9|10) http "http://127.0.0.1:$PORT$s" ;;
      11) http -I "http://127.0.0.1:$PORT$s" ;;
      12) http "http://127.0.0.1:$PORT/PYGOPHERD-HTTPPROTO-ICONS/$( [ $(r 2) = 0 ] && echo text.gif || echo nope.gif )" ;;
      13) rawsend "127.0.0.1 $s 0\r\n" ;;
      14) drop ;;
      15) case $(r 4) in
            0) rawsend "\r\n" ;;
            1) rawsend "GET /wap/ HTTP/1.0\r\nUser-Agent: Nokia\r\n\r\n" ;;
            2) rawsend "$(head -c 20 /dev/urandom | tr -d '\000\n\r' | tr -c '[:print:]' 'x')\r\n" ;;
            3) rawsend "/docs	+1 0\r\n" ;;
          esac ;;
    esac
  done
}

for s in $(seq "$SESSIONS"); do
  conf=$(mkconf)
  /usr/sbin/pygopherd "$conf" >> "$LOG" 2>&1 &
  pid=$!
  sleep 2
  mpid=$pid
  [ -f "$BASE/pygopherd.pid" ] && mpid=$(cat "$BASE/pygopherd.pid")
  if kill -0 "$mpid" 2>/dev/null; then
    # occasionally a second instance on the same port (address in use)
    [ "$(r 4)" = 0 ] && { /usr/sbin/pygopherd "$BASE/run.conf" >> "$LOG" 2>&1; }
    workload
    case $(r 3) in
      0) kill -HUP "$mpid" ;;
      *) kill -TERM "$mpid" ;;
    esac
  fi
  wait $pid 2>/dev/null
  sleep 1
  rm -f "$BASE/pygopherd.pid"
done
