#!/bin/bash
# Round-9 corpus workload: SpamAssassin 4.0 spamd (Debian 12 packages spamassassin, spamd, spamc),
# logging to a file with `spamd -s FILE -D spamd,prefork` (one line per record), on 127.0.0.1 only,
# local tests only (-L, skip_rbl_checks), a private site config with local rules.
# Randomised spamc and raw SPAMD-protocol clients for DURATION seconds, SIGHUP reloads, a broken
# and a repaired local rule, killed children, stop. Writes $OUT/spamd.log unchanged.
# Run as root: bash workload.sh OUT_DIR [DURATION]
set -u
OUT=${1:?out dir}; DURATION=${2:-240}
PORT=17830
W=/tmp/sa9w; rm -rf "$W"; mkdir -p "$W/etc" "$W/msgs"
mkdir -p "$OUT"; rm -f "$OUT/spamd.log"
cp /etc/spamassassin/*.pre "$W/etc/"
for u in sa9alice sa9bob sa9carol; do id "$u" >/dev/null 2>&1 || useradd -m -s /usr/sbin/nologin "$u"; rm -rf "/home/$u/.spamassassin"; done
write_local() {
cat > "$W/etc/local.cf" <<CF
required_score 5.0
skip_rbl_checks 1
use_bayes 1
bayes_auto_learn 1
bayes_auto_learn_threshold_spam 6.0
report_safe 1
body     LOCAL_CHEAP_WIDGETS  /cheap\s+widgets/i
describe LOCAL_CHEAP_WIDGETS  Talks about cheap widgets
score    LOCAL_CHEAP_WIDGETS  3.5
header   LOCAL_WINNER_SUBJ    Subject =~ /\bwinner\b/i
describe LOCAL_WINNER_SUBJ    Subject says winner
score    LOCAL_WINNER_SUBJ    2.7
body     LOCAL_WIRE_MONEY     /wire (?:the )?money/i
score    LOCAL_WIRE_MONEY     2.2
header   LOCAL_FROM_TRUSTED   From =~ /\@example\.org/i
score    LOCAL_FROM_TRUSTED   -1.5
uri      LOCAL_BAD_URI        /badsite\d*\.invalid/
score    LOCAL_BAD_URI        1.9
meta     LOCAL_META_COMBO     (LOCAL_CHEAP_WIDGETS && LOCAL_WINNER_SUBJ)
score    LOCAL_META_COMBO     1.0
CF
}
write_local

cat > "$W/raw.py" <<'PY'
import random, socket, sys, time, zlib
PORT = int(sys.argv[1]); kind = sys.argv[2]; msgfile = sys.argv[3] if len(sys.argv) > 3 else None
msg = open(msgfile, 'rb').read() if msgfile else b"Subject: x\r\n\r\nbody\r\n"
users = ['sa9alice', 'sa9bob', 'sa9carol', 'ghost%d' % random.randint(1, 999), 'nobody', 'root']
def conn(src='127.0.0.1'):
    s = socket.socket(); s.settimeout(15)
    s.bind((src, 0)); s.connect(('127.0.0.1', PORT)); return s
def talk(data, src='127.0.0.1', wait=True):
    try:
        s = conn(src); s.sendall(data)
        if wait:
            out = b''
            while True:
                d = s.recv(65536)
                if not d: break
                out += d
        s.close()
    except Exception as e:
        pass
u = random.choice(users)
cmd = random.choice(['CHECK', 'SYMBOLS', 'REPORT', 'REPORT_IFSPAM', 'PROCESS', 'HEADERS'])
if kind == 'cmd':
    talk(b"%s SPAMD/1.5\r\nContent-length: %d\r\nUser: %s\r\n\r\n" % (cmd.encode(), len(msg), u.encode()) + msg)
elif kind == 'nouser':
    talk(b"%s SPAMC/1.2\r\nContent-length: %d\r\n\r\n" % (cmd.encode(), len(msg)) + msg)
elif kind == 'ping':
    talk(b"PING SPAMC/1.5\r\n\r\n")
elif kind == 'skip':
    talk(b"SKIP SPAMC/1.5\r\n\r\n")
elif kind == 'badcmd':
    talk(random.choice([b"FROBNICATE SPAMC/1.5\r\n\r\n", b"GET / HTTP/1.0\r\n\r\n", b"\x16\x03\x01\x02\x00garbage\r\n\r\n",
                        b"CHECK\r\n\r\n", b"CHECK SPAMC/9.9\r\nContent-length: 5\r\n\r\nhello"]))
elif kind == 'badlen':
    talk(b"CHECK SPAMC/1.5\r\nContent-length: abc\r\nUser: %s\r\n\r\n" % u.encode() + msg)
elif kind == 'nolen':
    talk(b"CHECK SPAMC/1.5\r\nUser: %s\r\n\r\n" % u.encode() + msg)
elif kind == 'shortbody':
    talk(b"SYMBOLS SPAMC/1.5\r\nContent-length: %d\r\nUser: %s\r\n\r\n" % (len(msg) + random.randint(100, 5000), u.encode()) + msg)
elif kind == 'badheader':
    talk(b"CHECK SPAMC/1.5\r\nContent-length: %d\r\nThis is not a header\r\n\r\n" % len(msg) + msg)
elif kind == 'idle':
    try:
        s = conn(); s.sendall(b"CHECK SPAMC/1.5\r\n"); time.sleep(random.uniform(6, 9)); s.close()
    except Exception:
        pass
elif kind == 'drop':
    try:
        s = conn(); s.sendall(b"PROCESS SPAMC/1.5\r\nContent-length: %d\r\n\r\n" % (len(msg) * 3) + msg[:len(msg)//2]); time.sleep(0.3); s.close()
    except Exception:
        pass
elif kind == 'denied':
    talk(b"PING SPAMC/1.5\r\n\r\n", src='127.0.0.%d' % random.randint(2, 250))
elif kind == 'tell':
    cls = random.choice([b'spam', b'ham', b'bogus'])
    how = random.choice([b"Message-class: %s\r\nSet: local\r\n" % cls, b"Message-class: %s\r\nRemove: local\r\n" % cls,
                         b"Set: local\r\n", b"Message-class: %s\r\nSet: remote\r\n" % cls])
    talk(b"TELL SPAMC/1.5\r\nContent-length: %d\r\nUser: %s\r\n%s\r\n" % (len(msg), u.encode(), how) + msg)
elif kind == 'zlib':
    z = zlib.compress(msg)
    talk(b"CHECK SPAMC/1.5\r\nContent-length: %d\r\nCompress: zlib\r\nUser: %s\r\n\r\n" % (len(z), u.encode()) + z)
elif kind == 'badzlib':
    talk(b"CHECK SPAMC/1.5\r\nContent-length: 40\r\nCompress: zlib\r\nUser: %s\r\n\r\n" % u.encode() + bytes(random.getrandbits(8) for _ in range(40)))
PY

# messages
words=(meeting report invoice lunch schedule project budget review draft notes garden train coffee)
spamw=("cheap widgets" "wire the money" "you are a winner" "claim your prize" "100% free" "act now")
mkmsg() { # mkmsg FILE ham|spam|gtube|big
  local f=$1 k=$2 n=$RANDOM i
  {
    echo "Received: from mx$((RANDOM%9)).example.net (mx.example.net [127.0.0.$((2 + RANDOM%200))]) by mail.local with ESMTP id $n; $(date -R)"
    echo "Date: $(date -R)"
    echo "Message-ID: <$n.$RANDOM@$( [ $k = ham ] && echo example.org || echo promo$((RANDOM%50)).example.com)>"
    if [ $k = ham ]; then
      echo "From: User $n <user$((RANDOM%30))@example.org>"; echo "To: sa9alice@localhost"
      echo "Subject: ${words[$((RANDOM%13))]} ${words[$((RANDOM%13))]} $n"
    else
      echo "From: \"Promo $n\" <deals$((RANDOM%99))@promo$((RANDOM%50)).example.com>"; echo "To: undisclosed-recipients:;"
      echo "Subject: $( [ $((RANDOM%2)) = 0 ] && echo "WINNER" ) ${spamw[$((RANDOM%6))]} $n"
    fi
    echo "MIME-Version: 1.0"; echo "Content-Type: text/plain; charset=us-ascii"; echo
    case $k in
      ham) for i in $(seq $((2 + RANDOM%10))); do echo "Hi, about the ${words[$((RANDOM%13))]} on day $i, see you at $((RANDOM%12)) o'clock."; done ;;
      spam) for i in $(seq $((2 + RANDOM%8))); do echo "${spamw[$((RANDOM%6))]}!!! visit http://badsite$((RANDOM%9)).invalid/$RANDOM now"; done ;;
      gtube) echo 'XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X' ;;
      big) head -c $(( (300 + RANDOM%700) * 1024 )) /dev/urandom | base64 ;;
    esac
  } > "$f"
}
for i in $(seq 1 12); do mkmsg "$W/msgs/ham$i" ham; mkmsg "$W/msgs/spam$i" spam; done
for i in 1 2 3; do mkmsg "$W/msgs/gtube$i" gtube; mkmsg "$W/msgs/big$i" big; done

start_spamd() {
  spamd -s "$OUT/spamd.log" -D spamd,prefork -L -4 -i 127.0.0.1:$PORT -A 127.0.0.1 -r "$W/spamd.pid" \
    --siteconfigpath="$W/etc" -l -c -m $((3 + RANDOM%3)) --min-children=1 --max-spare=2 \
    --max-conn-per-child=$((10 + RANDOM%15)) --timeout-tcp=5 --timeout-child=30 -d 2>/dev/null
  for i in $(seq 60); do [ -s "$W/spamd.pid" ] && grep -q "server started" "$OUT/spamd.log" 2>/dev/null && break; sleep 0.5; done
  sleep 2
}
start_spamd
users=(sa9alice sa9bob sa9carol ghost$RANDOM nobody root "")
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
msg() { case $((RANDOM%7)) in 0|1|2) echo "$W/msgs/ham$((1+RANDOM%12))";; 3|4|5) echo "$W/msgs/spam$((1+RANDOM%12))";; 6) echo "$W/msgs/gtube$((1+RANDOM%3))";; esac; }
sc() { local u; u=$(pick "${users[@]}"); spamc -d 127.0.0.1 -p $PORT ${u:+-u $u} "$@" >/dev/null 2>&1; }
END=$((SECONDS + DURATION)); hups=0; NEXT_HUP=$((SECONDS + 15 + RANDOM % 15))
while [ $SECONDS -lt $END ]; do
  k=$((RANDOM % 26)); [ $SECONDS -ge $NEXT_HUP ] && { k=24; NEXT_HUP=$((SECONDS + 15 + RANDOM % 20)); }
  case $k in
    0|1) sc -c < "$(msg)" ;;
    2) sc -y < "$(msg)" ;;
    3) sc -R < "$(msg)" ;;
    4) sc < "$(msg)" ;;
    5) sc -E < "$(msg)" ;;
    6) sc -L spam < "$W/msgs/spam$((1+RANDOM%12))" ;;
    7) sc -L ham < "$W/msgs/ham$((1+RANDOM%12))" ;;
    8) sc -L forget < "$(msg)" ;;
    9) sc -s $((20000 + RANDOM%200000)) -c < "$W/msgs/big$((1+RANDOM%3))" ;;
    10) sc -K ;;
    11) python3 "$W/raw.py" $PORT cmd "$(msg)" ;;
    12) python3 "$W/raw.py" $PORT nouser "$(msg)" ;;
    13) python3 "$W/raw.py" $PORT badcmd ;;
    14) python3 "$W/raw.py" $PORT "$(pick badlen nolen shortbody badheader badzlib)" "$(msg)" ;;
    15) python3 "$W/raw.py" $PORT idle & ;;
    16) python3 "$W/raw.py" $PORT drop "$(msg)" ;;
    17) python3 "$W/raw.py" $PORT denied ;;
    18) python3 "$W/raw.py" $PORT tell "$(msg)" ;;
    19) python3 "$W/raw.py" $PORT zlib "$(msg)" ;;
    20) python3 "$W/raw.py" $PORT "$(pick ping skip)" ;;
    21) # burst over max-children
        for i in $(seq $((6 + RANDOM%8))); do sc -c < "$(msg)" & done; wait ;;
    22) sc -C report < "$W/msgs/spam$((1+RANDOM%12))" ;;
    23) # kill an idle child
        c=$(pgrep -P "$(cat "$W/spamd.pid")" | shuf -n1); [ -n "$c" ] && kill -TERM "$c" ;;
    24) # SIGHUP reload, sometimes with a broken local rule
        if [ $((RANDOM%2)) = 0 ]; then
          printf 'body LOCAL_BROKEN_%s /unclosed(paren/\nscore LOCAL_UNDEFINED_%s 2.0\nbogus_option_%s yes\n' $RANDOM $RANDOM $RANDOM >> "$W/etc/local.cf"
        else write_local; fi
        kill -HUP "$(cat "$W/spamd.pid")"; hups=$((hups + 1)); sleep 6 ;;
    25) for m in "$W"/msgs/big*; do sc -s 2000000 -y < "$m"; done ;;
  esac
  sleep 0.$((1 + RANDOM % 5))
done
# restart once: stop with SIGTERM, start again, a little traffic, then SIGINT
kill -TERM "$(cat "$W/spamd.pid")"; sleep 4
start_spamd
for i in $(seq 8); do sc -c < "$(msg)"; python3 "$W/raw.py" $PORT cmd "$(msg)"; done
sleep 1; kill -INT "$(cat "$W/spamd.pid")"; sleep 4
echo "done: $(wc -l < "$OUT/spamd.log") lines, $hups HUPs"
