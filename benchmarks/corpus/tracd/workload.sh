#!/bin/bash
# Randomised workload for tracd (Trac 1.6) in network namespace r38a; log: $R/tracenv/log/trac.log
set -m
R=/tmp/round38-r38a
export HOME=$R/home TMPDIR=$R/tmp XDG_CONFIG_HOME=$R/xdg/config XDG_DATA_HOME=$R/xdg/data XDG_CACHE_HOME=$R/xdg/cache XDG_STATE_HOME=$R/xdg/state XDG_RUNTIME_DIR=$R/xdg/runtime
NS="ip netns exec r38a"
E=$R/tracenv; V=$R/venv_trac/bin; P=46001; U=http://127.0.0.1:$P
ROUNDS=${ROUNDS:-4}
ip netns list | grep -qw r38a || { ip netns add r38a; ip netns exec r38a ip link set lo up; }   # private namespace, loopback only
# one-time setup (done before the recorded run): virtualenv, Trac environment, users
if [ ! -x $V/tracd ]; then python3 -m venv $R/venv_trac && $V/pip install Trac; fi
if [ ! -d $E ]; then
  $NS $V/trac-admin $E initenv "Demo" sqlite:db/trac.db
  $V/trac-admin $E config set logging log_level DEBUG      # log_type = file is the default: $E/log/trac.log
  $V/trac-admin $E permission add admin TRAC_ADMIN
  $V/trac-admin $E permission add alice TICKET_ADMIN WIKI_ADMIN
fi
[ -f $R/htpasswd ] || python3 -c "
import hashlib,base64
for u,p in [('admin','adminpw'),('alice','alicepw'),('bob','bobpw')]:
    print(u+':{SHA}'+base64.b64encode(hashlib.sha1(p.encode()).digest()).decode())" > $R/htpasswd
start() { $NS $V/tracd -p $P --basic-auth="*,$R/htpasswd,Demo" -s $E >> $R/tracd_stderr.txt 2>&1 & echo $! > $R/tracd.pid; sleep 3; }
stop() { pid=$(cat $R/tracd.pid); kill -${1:-TERM} $pid; for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 $pid 2>/dev/null || return; sleep 1; done; kill -KILL $pid; sleep 1; }
c() { $NS curl -s -m 15 -o /dev/null "$@"; }
tok() { $NS curl -s -m 15 -c $1 -b $1 -o /dev/null $2 "$U/login"; $NS curl -s -m 15 -c $1 -b $1 -o /dev/null "$U/wiki"; grep trac_form_token $1 | awk '{print $7}'; }
r() { echo $(( RANDOM % $1 )); }
words=(alpha beta gamma delta crash timeout memory widget parser login ünïcode build)
w() { echo ${words[$(r ${#words[@]})]}; }
start
for round in $(seq $ROUNDS); do
  # anonymous browsing
  for i in $(seq $((3 + $(r 10)))); do
    case $(r 9) in
      0) c $U/ ;; 1) c $U/wiki/TracGuide ;; 2) c $U/timeline ;; 3) c "$U/query?status=!closed&order=priority" ;;
      4) c $U/report/$((1 + $(r 8))) ;; 5) c $U/roadmap ;; 6) c $U/ticket/$((1 + $(r 30))) ;; 7) c $U/wiki/TitleIndex ;; 8) c $U/about ;;
    esac
  done
  # searches
  for i in $(seq $(r 6)); do c "$U/search?q=$(w)&wiki=on&ticket=on&changeset=on"; done
  c "$U/search?q=%23$(( $(r 20) + 1 ))"
  c "$U/search?q=a"
  # logins good and bad
  for i in $(seq $((1 + $(r 4)))); do
    case $(r 4) in
      0) c -u admin:wrongpw $U/login ;; 1) c -u nosuch:user $U/login ;; *) c -u alice:alicepw $U/login ;;
    esac
  done
  # logged-in user: tickets
  J=$R/tmp/jar_$round; rm -f $J
  T=$(tok $J "-u alice:alicepw")
  for i in $(seq $((1 + $(r 5)))); do
    c -b $J -c $J -X POST $U/newticket --data-urlencode "field_summary=$(w) fails in $(w)" \
      --data-urlencode "field_description=Steps: $(w) $(w)" -d "field_type=defect&field_priority=major&field_owner=bob&submit=Create+ticket&__FORM_TOKEN=$T"
  done
  # ticket with empty summary (validation error)
  c -b $J -c $J -X POST $U/newticket -d "field_summary=&field_type=defect&submit=Create+ticket&__FORM_TOKEN=$T"
  # comment on a ticket
  for i in $(seq $(r 4)); do
    n=$((1 + $(r 6)))
    c -b $J -c $J -X POST $U/ticket/$n -d "comment=Seen+again+$(w)&action=leave&submit=Submit+changes&__FORM_TOKEN=$T&view_time=0&start_time=0"
  done
  # CSRF: missing token
  c -u alice:alicepw -X POST $U/newticket -d "field_summary=x&submit=Create+ticket"
  # wiki edits
  for i in $(seq $((1 + $(r 4)))); do
    pg=Page$(r 5)
    c -b $J -c $J -X POST $U/wiki/$pg -d "action=edit&version=$(r 3)&__FORM_TOKEN=$T&save=Submit+changes" --data-urlencode "text== $(w) = 
Some [wiki:Page$(r 5) link] and #$(r 9) $(w) $RANDOM"
  done
  c $U/wiki/Page$(r 5)?action=history
  c "$U/wiki/Page$(r 5)?action=diff&version=2"
  # anonymous tries forbidden things
  c $U/newticket; c $U/admin; c -X POST $U/wiki/Page1 -d "action=delete"
  # admin
  c -u admin:adminpw $U/admin/general/basics
  c -u admin:adminpw $U/admin/ticket/components
  c -u admin:adminpw $U/admin/general/perm
  # bad requests
  for i in $(seq $((1 + $(r 6)))); do
    case $(r 10) in
      0) c $U/ticket/99999 ;; 1) c $U/nosuchmodule ;; 2) c "$U/query?order=nosuchfield&col=bogus" ;; 3) c "$U/timeline?from=notadate" ;;
      4) c $U/report/9999 ;; 5) c $U/changeset/abc ;; 6) c $U/browser ;; 7) c $U/attachment/ticket/1/nofile.txt ;;
      8) c $U/ticket/abc ;; 9) c $U/milestone/nosuch ;;
    esac
  done
  c -u bob:bobpw $U/logout
  # trac-admin while running
  case $(r 3) in
    0) $NS $V/trac-admin $E milestone add "m$round-$RANDOM" >/dev/null 2>&1 ;;
    1) $NS $V/trac-admin $E component add "comp$round" bob >/dev/null 2>&1 ;;
    2) $NS $V/trac-admin $E wiki remove "Page$(r 5)" >/dev/null 2>&1 ;;
  esac
  # restart the server now and then
  if [ $(r 2) = 0 ]; then stop INT; start; fi
done
stop TERM
