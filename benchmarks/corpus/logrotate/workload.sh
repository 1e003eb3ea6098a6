#!/bin/bash
# Randomised workload for logrotate 3.21.0 (Debian): verbose runs (-v, some -d, some -f) with our
# own state file (-s) and configurations generated at random over log files of ours, each run in a
# private network namespace. logrotate's stderr (and that of what it runs) -> logrotate.log
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
R=/tmp/round38-r38c/logrotate
LOG=$HERE/logrotate.log
: > "$LOG"
rm -rf $R; mkdir -p $R/home $R/tmp $R/xdg/config $R/xdg/data $R/xdg/cache $R/xdg/state $R/logs $R/conf $R/conf.d
export HOME=$R/home TMPDIR=$R/tmp XDG_CONFIG_HOME=$R/xdg/config XDG_DATA_HOME=$R/xdg/data \
       XDG_CACHE_HOME=$R/xdg/cache XDG_STATE_HOME=$R/xdg/state
STATE=$R/state
rnd() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$(rnd ${#a[@]})]}"; }
NAMES=(app web db auth mail queue cache api worker billing)
XNAMES=(svc1 svc2 svc3 svc4 svc5 svc6)

grow() {  # append random lines to some log files (some left empty, some missing)
  local n f
  for n in "${NAMES[@]}" "${XNAMES[@]}"; do
    f=$R/logs/$n.log
    case $(rnd 10) in
      0) rm -f "$f" ;;
      1) : > "$f" ;;
      2|3|4|5|6) head -c $(( 50 + $(rnd 4000) )) /dev/urandom | base64 >> "$f" ;;
      *) ;;
    esac
  done
}

script() {  # a script body: succeeds or fails, prints nothing
  case $(rnd 6) in
    0) echo "    exit $(( 1 + $(rnd 3) ))" ;;
    1) echo "    /bin/false" ;;
    *) echo "    touch $R/tmp/ran.\$\$ && rm -f $R/tmp/ran.\$\$" ;;
  esac
}

block() {  # one log block with random directives
  local files="" k i
  k=$(( 1 + $(rnd 3) ))
  for ((i = 0; i < k && ${#POOL[@]} > 0; i++)); do files+="$R/logs/${POOL[0]}.log "; POOL=("${POOL[@]:1}"); done
  [ -z "$files" ] || [ $(rnd 12) = 0 ] && files="$R/logs/$(pick w a q c s)*.log "
  [ $(rnd 15) = 0 ] && files+="$R/logs/$(pick "${NAMES[@]}").log "
  echo "$files{"
  pick "    daily" "    weekly" "    monthly" "    hourly" "    yearly" "    size $(rnd 3)k" "    size $(( 100 + $(rnd 900) ))" "    weekly $(rnd 7)" "    maxsize 1k" "    minsize 2k"
  [ $(rnd 3) = 0 ] && pick "    rotate 0" "    rotate 1" || echo "    rotate $(( 2 + $(rnd 5) ))"
  [ $(rnd 2) = 0 ] && echo "    missingok"
  [ $(rnd 3) = 0 ] && pick "    notifempty" "    ifempty"
  case $(rnd 8) in
    0|1|2) echo "    compress" ;;
    3) echo "    compress"; echo "    delaycompress" ;;
    4) echo "    compress"; echo "    compresscmd $(pick /usr/bin/xz /bin/bzip2 /usr/bin/zstd)"; echo "    compressext .$(pick xz bz2 zst)" ;;
    5) echo "    compress"; echo "    compresscmd $(pick /bin/false /nonexistent/pack)" ;;
    6) echo "    compress"; echo "    compressoptions $(pick -9 --bogus-flag -1)" ;;
    *) echo "    nocompress" ;;
  esac
  case $(rnd 6) in
    0) echo "    copytruncate" ;;
    1) echo "    copy" ;;
    2) echo "    create $(pick 0640 0600 0644) root $(pick root adm nosuchgroup)" ;;
    3) echo "    nocreate" ;;
    *) ;;
  esac
  [ $(rnd 4) = 0 ] && { echo "    dateext"; [ $(rnd 2) = 0 ] && echo "    dateformat $(pick -%Y%m%d-%s .%Y-%m-%d -%Y%m%d%H)"; }
  [ $(rnd 6) = 0 ] && { d=$(pick old archive missingdir); echo "    olddir $R/$d"; [ $(rnd 2) = 0 ] && echo "    createolddir 0750 root root"; }
  [ $(rnd 6) = 0 ] && echo "    maxage $(( 1 + $(rnd 30) ))"
  [ $(rnd 8) = 0 ] && echo "    start $(rnd 3)"
  [ $(rnd 8) = 0 ] && echo "    extension .log"
  [ $(rnd 8) = 0 ] && echo "    shred"
  [ $(rnd 8) = 0 ] && echo "    su root $(pick root adm)"
  [ $(rnd 3) = 0 ] && echo "    sharedscripts"
  [ $(rnd 3) = 0 ] && { echo "    postrotate"; script; echo "    endscript"; }
  [ $(rnd 5) = 0 ] && { echo "    prerotate"; script; echo "    endscript"; }
  [ $(rnd 6) = 0 ] && { echo "    firstaction"; script; echo "    endscript"; }
  [ $(rnd 6) = 0 ] && { echo "    lastaction"; script; echo "    endscript"; }
  [ $(rnd 8) = 0 ] && { echo "    preremove"; script; echo "    endscript"; }
  if [ $(rnd 7) = 0 ]; then   # a mistake
    pick "    rotate many" "    frobnicate yes" "    size 12q" "    maxage soon" "    start -1" "    weekly 9" \
         "    create 0640 nosuchuser root" "    olddir" "    su root" "    shred cycles" "    shredcycles x"
  fi
  echo "}"
}

mkconf() {  # mkconf FILE [top]: only the top file includes conf.d
  {
    [ $(rnd 3) = 0 ] && echo "tabooext + .bak"
    [ -n "${2:-}" ] && [ $(rnd 4) = 0 ] && echo "include $R/conf.d"
    [ $(rnd 8) = 0 ] && echo "include $R/conf/nothere.conf"
    if [ -n "${2:-}" ]; then POOL=($(printf '%s\n' "${NAMES[@]}" | shuf)); else POOL=($(printf '%s\n' "${XNAMES[@]}" | shuf)); fi
    local n=$(( 1 + $(rnd 4) )) i
    for ((i = 0; i < n; i++)); do block; done
    if [ $(rnd 6) = 0 ]; then
      pick "$R/logs/stray.log" "}" "$R/logs/brace.log {
    daily" "$R/logs/x.log { daily } trailing" "bogusword" "$R/logs/\"open.log {"
    fi
  } > "$1"
  chmod 644 "$1"
}

run() { unshare -n logrotate "$@" >>"$LOG" 2>&1; }

mkdir -p $R/old $R/archive
ROUNDS=${ROUNDS:-45}   # the kept log is the first 2500 lines of this run
for ((round = 0; round < ROUNDS; round++)); do
  grow
  c=$R/conf/main.$(rnd 4).conf
  mkconf "$c" top
  rm -f $R/conf.d/*; for ((j = 0; j < $(rnd 3); j++)); do mkconf $R/conf.d/extra$j.conf; done
  [ $(rnd 5) = 0 ] && { echo "$R/logs/app.log { daily }" > $R/conf.d/notes.bak; }
  case $(rnd 20) in
    0|1|2|3|4|5) run -v -s "$STATE" "$c" ;;
    6|7|8|9|10|11) run -v -f -s "$STATE" "$c" ;;
    12|13|14) run -d -s "$STATE" "$c" ;;
    15) run -d -f -s "$STATE" "$c" $R/conf.d ;;
    16) chmod 666 "$c"; run -v -s "$STATE" "$c"; chmod 644 "$c" ;;
    17) run -v -f -s "$STATE" $R/conf/missing.conf "$c" ;;
    18) printf 'logrotate state -- version 2\n"%s" 2026-13-45\ngarbage line\n' "$R/logs/app.log" > "$STATE"
        run -v -s "$STATE" "$c" ;;
    19) chmod 777 $R/logs; run -v -f -s "$STATE" "$c"; chmod 755 $R/logs ;;
  esac
  [ $(rnd 10) = 0 ] && rm -f "$STATE"
done
rm -rf $R/tmp/* 
