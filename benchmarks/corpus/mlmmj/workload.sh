#!/bin/bash
# Randomised workload for an mlmmj list fed through mlmmj-receive, with a fake SMTP relay.
# Must run inside the private mount namespace:  unshare -m --propagation private ./ns_syslog.sh ./workload.sh
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round32-r32d/mlmmj
SPOOL=$RUN/spool
L=$SPOOL/testlist
SMTPPORT=35301
N=${N:-700}
B=/usr/bin

rand() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

# list setup
rm -rf $SPOOL; mkdir -p $SPOOL
printf 'example.test\nowner@example.test\nen\n' | mlmmj-make-ml -L testlist -s $SPOOL >/dev/null 2>&1
printf 'example.test\nowner@example.test\nen\n' | mlmmj-make-ml -L brokenlist -s $SPOOL >/dev/null 2>&1
rm -f $SPOOL/brokenlist/control/listaddress
echo 127.0.0.1 > $L/control/relayhost
echo $SMTPPORT > $L/control/smtpport
echo $SMTPPORT > $SPOOL/brokenlist/control/smtpport
echo "[testlist]" > $L/control/prefix
echo mod1@example.test > $L/control/moderators
echo mod2@example.test >> $L/control/moderators
printf 'X-List: testlist\n' > $L/control/customheaders
printf 'deny ^Subject:.*viagra\nmoderate ^Subject:.*moderate me\ndiscard ^Subject:.*discard\nallow ^From:.*@example.test\nsend ^Subject:.*bad rule\nallow' > $L/control/access.tmpl
USERS=()
for i in $(seq 1 25); do USERS+=("user$i@example.test"); done
for u in "${USERS[@]:0:15}"; do $B/mlmmj-sub -L $L -a $u -f -q -s >/dev/null; done
$B/mlmmj-sub -L $L -a digest1@example.test -d -f -q -s >/dev/null
$B/mlmmj-sub -L $L -a nomail1@example.test -n -f -q -s >/dev/null
OUTSIDERS=(stranger@elsewhere.test spam@bad.test someone@other.test)

python3 "$HERE/fake_smtp.py" $SMTPPORT & SMTP=$!
echo $SMTP > $RUN/smtp.pid

mail() {  # $1 from, $2 delivered-to, $3 to, $4 subject, $5 body lines
  local from="$1" dto="$2" to="$3" subj="$4"
  {
    [ -n "$from" ] && echo "From: $from"
    [ -n "$dto" ] && echo "Delivered-To: $dto"
    [ -n "$to" ] && echo "To: $to"
    echo "Subject: $subj"
    echo "Message-ID: <$RANDOM.$RANDOM@example.test>"
    echo "Date: $(date -R)"
    echo
    for i in $(seq 1 ${5:-3}); do echo "line $i of a test message $RANDOM"; done
  }
}
deliver() {  # envelope sender: the From: of the mail, now and then none
  local env=(-s "${ENVFROM:-$u}")
  [ $(rand 40) = 0 ] && env=()
  $B/mlmmj-receive -F -L "${TARGET:-$L}" "${env[@]}" "$@"
}

toggle() {  # flip a control file
  local f=$L/control/$1
  if [ -e $f ]; then rm -f $f; else echo "${2:-}" > $f; fi
}

for step in $(seq 1 $N); do
  if ! kill -0 $SMTP 2>/dev/null && [ $(rand 4) = 0 ]; then
    python3 "$HERE/fake_smtp.py" $SMTPPORT & SMTP=$!; echo $SMTP > $RUN/smtp.pid; sleep 0.3
  fi
  u=$(pick "${USERS[@]}")
  r=$(rand 100)
  if   [ $r -lt 30 ]; then   # post to the list
    s=$(pick "hello" "question" "viagra offer" "moderate me please" "discard this" "bad rule here" "Re: [testlist] hello" "weekly report")
    mail "$u" testlist@example.test testlist@example.test "$s" $((1 + RANDOM % 40)) | deliver
  elif [ $r -lt 35 ]; then   # post from outsider, or not addressed to the list
    case $(rand 4) in
      0) o=$(pick "${OUTSIDERS[@]}"); mail "$o" testlist@example.test testlist@example.test "outsider post" | ENVFROM=$o deliver ;;
      1) mail "$u" testlist@example.test other@example.test "bcc post" | deliver ;;
      2) mail "" testlist@example.test testlist@example.test "no from" | deliver ;;
      3) mail "testlist@example.test" testlist@example.test testlist@example.test "loop" | deliver ;;
    esac
  elif [ $r -lt 45 ]; then   # subscribe requests and confirmations
    case $(rand 4) in
      0|1) mail "$u" testlist+subscribe@example.test testlist+subscribe@example.test "subscribe" | deliver ;;
      2) mail "$u" testlist+subscribe-digest@example.test testlist+subscribe-digest@example.test "sub digest" | deliver ;;
      3) mail "$u" testlist+subscribe-nomail@example.test testlist+subscribe-nomail@example.test "sub nomail" | deliver ;;
    esac
    c=$(ls $L/subconf 2>/dev/null | shuf -n 1)
    if [ -n "$c" ] && [ $(rand 3) -gt 0 ]; then
      mail "$u" testlist+confsub-$c@example.test testlist+confsub-$c@example.test "confirm" | deliver
    fi
  elif [ $r -lt 52 ]; then   # unsubscribe requests and confirmations
    mail "$u" testlist+unsubscribe@example.test testlist+unsubscribe@example.test "unsub" | deliver
    c=$(ls $L/unsubconf 2>/dev/null | shuf -n 1)
    if [ -n "$c" ] && [ $(rand 3) -gt 0 ]; then
      mail "$u" testlist+confunsub-$c@example.test testlist+confunsub-$c@example.test "confirm" | deliver
    fi
  elif [ $r -lt 62 ]; then   # other commands, good and bad
    cmd=$(pick help faq list owner get-1 get-$((RANDOM % 50)) get-abc help-me subscribe-foo confsub-deadbeef confunsub-0000 moderate-1234 release-abcd reject-zz permit-xx obstruct-yy bogus "bounces-1" "bounces-abc-user=example.test" unsubscribe-digest unsubscribe-nomail)
    from=$u; [ $(rand 4) = 0 ] && from=owner@example.test
    mail "$from" testlist+$cmd@example.test testlist+$cmd@example.test "cmd $cmd" | ENVFROM=$from deliver
  elif [ $r -lt 67 ]; then   # bounces
    n=$(cat $L/index 2>/dev/null || echo 1)
    bu=$(pick "${USERS[@]}"); bu=${bu/@/=}
    mail "MAILER-DAEMON@example.test" testlist+bounces-$((1 + RANDOM % (n + 2)))-$bu@example.test testlist+bounces-$((RANDOM % (n+2)))-$bu@example.test "Undelivered Mail" | ENVFROM="" deliver
  elif [ $r -lt 72 ]; then   # moderation: approve or reject pending mails
    m=$(ls $L/moderation 2>/dev/null | grep -v '\.' | shuf -n 1)
    if [ -n "$m" ]; then
      act=$(pick moderate moderate reject permit obstruct release)
      mail mod1@example.test testlist+$act-$m@example.test testlist+$act-$m@example.test "mod" | ENVFROM=mod1@example.test deliver
    else
      toggle moderated
    fi
  elif [ $r -lt 80 ]; then   # configuration changes
    case $(rand 9) in
      0) toggle subonlypost ;;
      1) toggle closedlist ;;
      2) toggle notoccdenymails ;;
      3) toggle maxmailsize 600 ;;
      4) if [ -e $L/control/access ]; then rm -f $L/control/access; else head -n $((1 + RANDOM % 7)) $L/control/access.tmpl > $L/control/access; fi ;;
      5) toggle noarchive ;;
      6) toggle submod ;;
      7) toggle nosubconfirm ;;
      8) toggle modnonsubposts ;;
    esac
  elif [ $r -lt 85 ]; then   # command line tools
    case $(rand 7) in
      0) $B/mlmmj-sub -L $L -a $u $(pick -f -c -C "-f -q -s" "-d -f" "-n -f") >/dev/null 2>&1 ;;
      1) $B/mlmmj-unsub -L $L -a $u $(pick -q -s -c "-q -s -d" "-n") >/dev/null 2>&1 ;;
      2) $B/mlmmj-bounce -L $L -a ${u/@/=} -n $((RANDOM % 30)) >/dev/null 2>&1 ;;
      3) $B/mlmmj-bounce -L $L -a ${u/@/=} -p >/dev/null 2>&1 ;;
      4) $B/mlmmj-send -L $L -m $L/queue/nonexistent.$RANDOM >/dev/null 2>&1 ;;
      5) $B/mlmmj-list -L $L $(pick "" -c -d -n -o -m) >/dev/null 2>&1 ;;
      6) $B/mlmmj-maintd -F -L $L >/dev/null 2>&1 ;;
    esac
  elif [ $r -lt 89 ]; then   # broken lists and bad input
    case $(rand 5) in
      0) mail "$u" brokenlist@example.test brokenlist@example.test "broken" | TARGET=$SPOOL/brokenlist deliver ;;
      1) mail "$u" testlist@example.test testlist@example.test "missing" | TARGET=$SPOOL/nolist deliver 2>/dev/null ;;
      2) head -c $((RANDOM % 3000)) /dev/urandom | deliver ;;
      3) printf '' | deliver ;;
      4) $B/mlmmj-process -L $L -m $L/incoming/missing.$RANDOM >/dev/null 2>&1 ;;
    esac
  elif [ $r -lt 91 ]; then   # relay goes away for a few steps
    if kill -0 $SMTP 2>/dev/null; then kill $SMTP; wait $SMTP 2>/dev/null; fi
  elif [ $r -lt 95 ]; then   # a subdirectory goes missing for a while
    d=$(pick requeue subconf unsubconf moderation archive bounce)
    mv $L/$d $L/$d.away; mail "$u" testlist+subscribe@example.test testlist@example.test "$d away" | deliver
    mail "$u" testlist@example.test testlist@example.test "$d away" | deliver
    mv $L/$d.away $L/$d
  else                       # maintenance run
    $B/mlmmj-maintd -F -L $L >/dev/null 2>&1
  fi
done
$B/mlmmj-maintd -F -L $L >/dev/null 2>&1
kill $SMTP 2>/dev/null; wait $SMTP 2>/dev/null
