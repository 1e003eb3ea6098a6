#!/bin/bash
# Randomised workload for anacron 2.3 (Debian): many `anacron -d -f` (and -s/-n/-u/-T) runs over
# anacrontabs and spools of our own, each in a private mount+network namespace where
# /usr/sbin/sendmail is our stand-in mailer (or absent). stderr of every run -> anacron.log
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
R=/tmp/round38-r38c/anacron
LOG=$HERE/anacron.log
: > "$LOG"
mkdir -p $R/home $R/tmp $R/xdg/config $R/xdg/data $R/xdg/cache $R/xdg/state $R/bin $R/tabs
cp /usr/sbin/anacron $R/bin/anacron
export HOME=$R/home TMPDIR=$R/tmp XDG_CONFIG_HOME=$R/xdg/config XDG_DATA_HOME=$R/xdg/data \
       XDG_CACHE_HOME=$R/xdg/cache XDG_STATE_HOME=$R/xdg/state FAKE_MAIL_MODE=$R/mailmode
SPOOL=$R/spool
rm -rf "$SPOOL"; mkdir -p "$SPOOL"
J=$HERE/job.sh
rnd() { echo $(( RANDOM % $1 )); }

# run anacron in a private mount+net namespace; mode "nomail" hides sendmail
run() {  # run MODE ARGS...
  local mode=$1; shift
  if [ "$mode" = nomail ]; then
    unshare -m -n sh -c 'mount -t tmpfs none /usr/sbin && exec "$0" "$@"' $R/bin/anacron "$@" 2>>"$LOG" >/dev/null
  else
    unshare -m -n sh -c 'mount --bind "$1" /usr/sbin/sendmail && shift && exec /usr/sbin/anacron "$@"' \
      x "$HERE/sendmail" "$@" 2>>"$LOG" >/dev/null
  fi
}

IDS=(daily.backup cron.daily cron.weekly cron.monthly logcheck db.vacuum report.mail tmp.clean stats.roll index.build)
# write a random anacrontab: good jobs, env lines, and sometimes bad lines
mktab() {  # mktab FILE
  local f=$1 n i id kind J
  {
    echo "# anacrontab written by workload.sh"
    echo "SHELL=/bin/sh"
    echo "PATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin"
    [ $(rnd 3) = 0 ] && echo "MAILTO=ops@example.invalid"
    [ $(rnd 4) = 0 ] && echo "RANDOM_DELAY=0"
    echo
    n=$(( 1 + $(rnd 5) ))
    for ((i = 0; i < n; i++)); do
      id=${IDS[$(rnd ${#IDS[@]})]}.$i
      case $(rnd 12) in
        0|1|2) kind="ok" ;;
        3) kind="fail $(( 1 + $(rnd 4) ))" ;;
        4|5) kind="talk" ;;
        6) kind="talk 2" ;;
        7) kind="talkfail $(rnd 9)" ;;
        8) kind="long $(( 1 + $(rnd 3) ))" ;;
        9) kind="signal $([ $(rnd 2) = 0 ] && echo TERM || echo KILL)" ;;
        *) kind="ok" ;;
      esac
      J=$HERE/job.sh; [ "${kind%% *}" = signal ] && J="exec $HERE/job.sh"
      case $(rnd 10) in
        0) echo "@monthly 0 $id $J $kind" ;;
        1) echo "@yearly	0	$id	$J $kind" ;;
        2) echo "7 0 $id $J $kind" ;;
        *) echo "$(( 1 + $(rnd 3) ))	0	$id	$J $kind" ;;
      esac
    done
    if [ $(rnd 4) = 0 ]; then
      case $(rnd 6) in
        0) echo "1 0 bad/ident $J ok" ;;
        1) echo "@weekly 0 weekly.$(rnd 100) $J ok" ;;
        2) echo "99999999999999999999 0 huge.period $J ok" ;;
        3) echo "1 99999999999999999999 huge.delay $J ok" ;;
        4) echo "this is not a job line" ;;
        5) echo "@daily 99999999999999999999 named.huge $J ok" ;;
      esac
    fi
  } > "$f"
}

mailmode() {
  case $(rnd 10) in
    0) echo fail ;; 1) echo fail1 ;; 2) echo kill ;; *) echo ok ;;
  esac > $R/mailmode
}

ROUNDS=${ROUNDS:-200}
for ((round = 0; round < ROUNDS; round++)); do
  tab=$R/tabs/tab.$(rnd 6)
  [ $(rnd 3) = 0 ] || [ ! -f "$tab" ] && mktab "$tab"
  mailmode
  c=$(rnd 40)
  if [ $c -lt 22 ]; then
    run mail -d -f -t "$tab" -S "$SPOOL"
  elif [ $c -lt 26 ]; then
    run mail -d -f -n -t "$tab" -S "$SPOOL"
  elif [ $c -lt 28 ]; then
    run mail -d -s -t "$tab" -S "$SPOOL"
  elif [ $c -lt 29 ]; then
    run nomail -d -f -t "$tab" -S "$SPOOL"
  elif [ $c -lt 31 ]; then
    run mail -d -u -t "$tab" -S "$SPOOL"
  elif [ $c -lt 32 ]; then
    run mail -T -t "$tab"
  elif [ $c -lt 33 ]; then
    # only the jobs named like a pattern
    run mail -d -f -t "$tab" -S "$SPOOL" 'cron.*' 'db.*'
  elif [ $c -lt 34 ]; then
    run mail -d -f -t $R/tabs/missing.$(rnd 9) -S "$SPOOL"
  elif [ $c -lt 35 ]; then
    run mail -d -f -t "$tab" -S $R/nospool.$(rnd 9)
  elif [ $c -lt 36 ]; then
    # a timestamp "file" that is a directory
    id=$(awk '/^[@0-9]/ {print $3; exit}' "$tab")
    if [ -n "$id" ]; then rm -f "${SPOOL:?}/$id"; mkdir -p "$SPOOL/$id"; run mail -d -f -t "$tab" -S "$SPOOL"; rm -rf "${SPOOL:?}/$id"; fi
  elif [ $c -lt 38 ]; then
    # two anacrons on the same spool: the second finds jobs locked
    lt=$R/tabs/longtab
    { echo "SHELL=/bin/sh"; echo "1 0 long.sync $J long 3"; echo "1 0 long.index $J long 2"; echo "1 0 quick.$(rnd 5) $J ok"; } > $lt
    run mail -d -f -t $lt -S "$SPOOL" & p=$!
    sleep 1
    run mail -d -f -t $lt -S "$SPOOL"
    wait $p
  else
    # SIGUSR1 while waiting: orderly termination
    lt=$R/tabs/usrtab
    { echo "SHELL=/bin/sh"; echo "1 0 first.long $J long 4"; echo "1 1 later.job $J ok"; echo "1 0 after.$(rnd 5) $J talk"; } > $lt
    flags=(-d -f -t $lt -S "$SPOOL"); [ $(rnd 2) = 0 ] && flags+=(-s)
    unshare -m -n sh -c 'mount --bind "$1" /usr/sbin/sendmail && shift && exec /usr/sbin/anacron "$@"' \
      x "$HERE/sendmail" "${flags[@]}" 2>>"$LOG" >/dev/null & p=$!
    sleep $(( 1 + $(rnd 3) ))
    kill -USR1 $p
    wait $p
  fi
done
rm -rf $R/tabs $R/mailmode
