#!/bin/bash
# Randomised workload for getmail6 against the private dovecot (47510 POP3, 47511 IMAP)
# and fakepeer.py (47512-47515).  Usage: bash workload.sh ROUNDS
HERE=$(cd "$(dirname "$0")" && pwd)
G=/tmp/round36-r36d/gm
D=/tmp/round36-r36d/dovecot/mail
LOG=$HERE/getmail.log
ROUNDS=${1:-30}
mkdir -p $G/rc $G/state $G/maildir/{cur,new,tmp} $G/ro
touch $G/mbox
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
inject() {  # user count
  local u=$1 n=$2 i
  mkdir -p $D/$u/Maildir/{cur,new,tmp}
  for ((i = 0; i < n; i++)); do
    local f=$D/$u/Maildir/new/$(date +%s).$RANDOM$RANDOM.r36
    {
      echo "From: $(pick ann@example.org 'Ben <ben@example.net>' ops@r36.test root@localhost)"
      echo "To: $u@r36.test"
      echo "Subject: test $RANDOM"
      echo "Message-ID: <$RANDOM.$RANDOM@r36.test>"
      echo
      head -c $((RANDOM % 3000 + 50)) /dev/urandom | base64
    } > $f
  done
  chown -R nobody:nogroup $D/$u
}
cat > $G/filter-fail.sh <<'X'
#!/bin/sh
cat >/dev/null; exit $1
X
chmod +x $G/filter-fail.sh
rc() {  # name type port user password mailboxes dest filter extra-options
  local name=$1 type=$2 port=$3 user=$4 pass=$5 boxes=$6 dest=$7 filt=$8
  {
    echo "[retriever]"
    echo "type = $type"
    echo "server = $(if [ "$port" = dns ]; then echo mail.r36-nowhere.invalid; else echo 127.0.0.1; fi)"
    [ "$port" = dns ] || echo "port = $port"
    echo "username = $user"
    echo "password = $pass"
    echo "timeout = 3"
    [ -n "$boxes" ] && echo "mailboxes = $boxes"
    echo
    echo "[destination]"
    case $dest in
      maildir) echo "type = Maildir"; echo "path = $G/maildir/";;
      mbox) echo "type = Mboxrd"; echo "path = $G/mbox";;
      mdafail) echo "type = MDA_external"; echo "path = $G/filter-fail.sh"; echo "arguments = (\"$(pick 1 75 2)\",)";;
      mdaok) echo "type = MDA_external"; echo "path = /bin/cat"; echo "arguments = ()"; echo "ignore_stderr = true";;
      multi) echo "type = MultiDestination"; echo "destinations = ('$G/maildir/', '$G/mbox')";;
      romaildir) echo "type = Maildir"; echo "path = $G/ro/";;
    esac
    case $filt in
      keep) echo; echo "[filter-1]"; echo "type = Filter_external"; echo "path = /bin/cat";;
      drop) echo; echo "[filter-1]"; echo "type = Filter_external"; echo "path = $G/filter-fail.sh"; echo "arguments = (\"99\",)"; echo "exitcodes_drop = (99,)";;
      fail) echo; echo "[filter-1]"; echo "type = Filter_external"; echo "path = $G/filter-fail.sh"; echo "arguments = (\"3\",)";;
    esac
    echo
    echo "[options]"
    echo "verbose = 2"
    echo "message_log = $LOG"
    echo "message_log_verbose = $(pick true true true false)"
    echo "delete = $(pick false false true)"
    echo "read_all = $(pick false false false true)"
    (( RANDOM % 4 == 0 )) && echo "max_message_size = $(pick 1500 2500 3500)"
    (( RANDOM % 5 == 0 )) && echo "max_messages_per_session = $(pick 1 2 3)"
    (( RANDOM % 6 == 0 )) && echo "max_bytes_per_session = $(pick 4000 9000)"
    (( RANDOM % 6 == 0 )) && echo "delete_after = 1"
  } > $G/rc/$name
}
for ((r = 0; r < ROUNDS; r++)); do
  for u in alice bob carol; do (( RANDOM % 3 )) && inject $u $((RANDOM % 4)); done
  n=$((RANDOM % 3 + 1)); args=()
  for ((k = 0; k < n; k++)); do
    case $((RANDOM % 24)) in
      0|1|2|3) rc a$k SimplePOP3Retriever 47510 alice alicepw "" $(pick maildir maildir mbox mdaok multi) $(pick none none keep drop);;
      4|5|6|7) rc b$k SimpleIMAPRetriever 47511 bob bobpw "$(pick '' '("INBOX",)' '("INBOX", "Archive")')" $(pick maildir mbox mdaok) $(pick none none keep drop);;
      8|9) rc c$k SimplePOP3Retriever 47510 carol carolpw "" $(pick mdafail romaildir) $(pick none fail);;
      10) rc c$k SimpleIMAPRetriever 47511 carol carolpw "" maildir $(pick fail none none);;
      11|12) rc e$k SimplePOP3Retriever 47510 carol wrongpw "" maildir none;;
      13) rc f$k SimpleIMAPRetriever 47511 bob wrongpw "" maildir none;;
      14) rc g$k SimplePOP3Retriever 47599 alice alicepw "" maildir none;;
      15) rc h$k SimpleIMAPRetriever 47598 bob bobpw "" maildir none;;
      16) rc i$k $(pick SimplePOP3Retriever SimpleIMAPRetriever) 47512 alice alicepw "" maildir none;;
      17) rc j$k SimplePOP3Retriever 47513 alice alicepw "" maildir none;;
      18) rc k$k SimpleIMAPRetriever 47514 bob bobpw "" maildir none;;
      19) rc l$k SimplePOP3Retriever 47515 alice alicepw "" maildir none;;
      20) rc m$k $(pick SimplePOP3Retriever SimpleIMAPRetriever) dns alice alicepw "" maildir none;;
      22) rc p$k SimpleIMAPRetriever 47516 bob bobpw "" maildir none;;
      21) rc n$k SimpleIMAPRetriever 47511 nobody-here xx "" maildir none;;
      *) rc o$k SimplePOP3Retriever 47510 bob bobpw "" $(pick maildir mbox) none;;
    esac
    args+=(-r $(ls $G/rc/?$k))
  done
  (( RANDOM % 2 )) && rm -rf $G/ro/*
  chown -R nobody:nogroup $G $LOG; chmod 555 $G/ro
  sig=TERM; (( RANDOM % 12 == 0 )) && sig=INT
  timeout -s $sig $( [ $sig = INT ] && echo 1.5 || echo 60 ) runuser -u nobody -- getmail -g $G/state $(pick -v -v '-v -v' -q) "${args[@]}" >> $G/console.out 2>&1
  rm -f $G/rc/*
done
