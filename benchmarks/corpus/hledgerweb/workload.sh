#!/bin/bash
# Randomised HTTP workload for hledger-web; runs itself in private network+mount namespaces.
cd /work/round41/hledgerweb || exit 1
if [ "$1" != inner ]; then exec unshare -n -m --propagation private "$0" inner; fi
set -m
ip link set lo up
R=/tmp/round41-r41d/hledgerweb/run
D=/work/round41/hledgerweb/data
rm -rf "$R"; mkdir -p "$R"/home "$R"/tmp "$R"/xdg/config "$R"/xdg/data "$R"/xdg/cache "$R"/xdg/run
export HOME=$R/home TMPDIR=$R/tmp XDG_CONFIG_HOME=$R/xdg/config XDG_DATA_HOME=$R/xdg/data XDG_CACHE_HOME=$R/xdg/cache XDG_RUNTIME_DIR=$R/xdg/run TZ=UTC LANG=C.UTF-8
RANDOM=${SEED:-4142}
PORT=59520
J=$R/main.journal
cp $D/base.journal $J
OUT=$R/hw.raw.log
: > $OUT
U=http://127.0.0.1:$PORT
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
start_hw() {
  hledger-web --serve --host=127.0.0.1 --port=$PORT --debug=3 -f "${2:-$J}" $1 >> $OUT 2>&1 &
  HWPID=$!
  for i in $(seq 1 30); do curl -s -o /dev/null $U/version && return 0; kill -0 $HWPID 2>/dev/null || return 1; sleep 0.2; done
}
stop_hw() { kill -$(pick INT TERM) $HWPID 2>/dev/null; wait $HWPID 2>/dev/null; }
c() { curl -s -o /dev/null --max-time 5 "$@"; }
accts=(assets:bank:checking assets:cash expenses:food expenses:housing:rent equity:opening 'expenses:food:eating out' nosuch:acct)
queries=('' 'q=food' 'q=acct:assets' 'q=desc:rent' 'q=date:2026-01' 'q=amt:>10' 'q=inacct:assets:cash' 'q=tag:food' 'q=desc:(' 'q=date:notadate' 'q=status:*' 'q=cur:EUR' 'q=depth:1' 'q=real:' 'q=amt:x')
request() {
  local n=$((RANDOM % 100)) q=$(pick "${queries[@]}") a=$(pick "${accts[@]}")
  if   [ $n -lt 18 ]; then c "$U/journal?$q"
  elif [ $n -lt 34 ]; then c -G "$U/register" --data-urlencode "q=inacct:$a"
  elif [ $n -lt 38 ]; then c "$U/"
  elif [ $n -lt 42 ]; then c "$U/add"
  elif [ $n -lt 52 ]; then c -X POST "$U/add" --data-urlencode "date=$(pick 2026-02-0$((RANDOM%9+1)) today yesterday 2026-99-99 '')" \
        --data-urlencode "description=$(pick coffee lunch 'book store' '')" --data-urlencode "account=$a" \
        --data-urlencode "amount=$(pick '3.50 USD' '12 USD' 'abc' '')" --data-urlencode "account=$(pick "${accts[@]}")" --data-urlencode "amount="
  elif [ $n -lt 56 ]; then c -X PUT -H 'Content-Type: application/json' "$U/add" --data "$(pick '{"tdate":"2026-02-03"}' 'not json' '{}')"
  elif [ $n -lt 60 ]; then c "$U/manage"
  elif [ $n -lt 62 ]; then c "$U/edit/main.journal"
  elif [ $n -lt 63 ]; then c "$U/download/main.journal"
  elif [ $n -lt 64 ]; then c "$U/edit/other.journal"
  elif [ $n -lt 66 ]; then c "$U/$(pick version accountnames transactions prices commodities accounts)"
  elif [ $n -lt 69 ]; then c -G "$U/accounttransactions/$(pick assets:cash expenses:food nosuch)"
  elif [ $n -lt 71 ]; then c "$U/$(pick favicon.ico robots.txt static/hledger.css static/nosuch.js)"
  elif [ $n -lt 74 ]; then c "$U/$(pick nonexistent wp-login.php 'journal/extra')"
  elif [ $n -lt 76 ]; then c -X $(pick DELETE PATCH) "$U/journal"
  elif [ $n -lt 78 ]; then c -X POST "$U/edit/main.journal" --data-urlencode "text@$J"
  elif [ $n -lt 79 ]; then c -X POST "$U/upload/main.journal" -F "file=@$J"
  else c "$U/journal?$q"
  fi
}
start_hw
for round in $(seq 1 $((RANDOM % 4 + 14))); do
  for s in $(seq 1 $((RANDOM % 6 + 2))); do request; [ $((RANDOM % 4)) -eq 0 ] && sleep 0.2; done
  case $((RANDOM % 6)) in
    0) printf '\n2026-03-%02d added on disk\n    expenses:misc   %d USD\n    assets:cash\n' $((RANDOM%28+1)) $((RANDOM%50+1)) >> $J; sleep 1.1; request; request ;;
    1) cp $J $R/saved.journal; cat $D/unbalanced.journal >> $J; sleep 1.1; request; request; cp $R/saved.journal $J; sleep 1.1; request ;;
    2) stop_hw; start_hw "--capabilities=$(pick view view,add view,add,manage)"; ;;
    3) stop_hw; start_hw "" $D/baddate.journal; sleep 0.5; start_hw ;;
    4) stop_hw; start_hw "" $R/missing-$RANDOM.journal; for k in 1 2 3; do request; done; stop_hw; start_hw ;;
    5) stop_hw; start_hw "$(pick --begin=2026-01-03 --end=2026-01-10 --capabilities=bogus -b=notadate)" || start_hw ;;
  esac
done
stop_hw
# keep one contiguous stretch of whole lines (at most 2500)
sed -n '1,2500p' $OUT > /work/round41/hledgerweb/hledgerweb.log
wc -l $OUT /work/round41/hledgerweb/hledgerweb.log
