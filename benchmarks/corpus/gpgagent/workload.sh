#!/bin/bash
# Drives gpg-agent (GnuPG 2.2.40, Debian) with a randomised workload.
# Runs itself in a private network + mount namespace; log: /work/round43/gpgagent/gpgagent.log
set -m
D=/work/round43/gpgagent
B=/tmp/round43-r43b/gpgagent
if [ "$1" != "--inside" ]; then
  cd $D || exit 1
  exec unshare -n -m --propagation private "$D/workload.sh" --inside
fi
cd $D || exit 1
ip link set lo up
mount -t tmpfs tmpfs /run/user          # no /run/user/0: sockets stay in GNUPGHOME
rm -rf $B; mkdir -p $B
export HOME=$B/home TMPDIR=$B/tmp XDG_RUNTIME_DIR=$B/xdg XDG_CONFIG_HOME=$B/xdg/config XDG_DATA_HOME=$B/xdg/data XDG_CACHE_HOME=$B/xdg/cache
export GNUPGHOME=$B/gnupg FAKEPIN_FILE=$B/pin
mkdir -p $HOME/.ssh $TMPDIR $XDG_CONFIG_HOME $XDG_DATA_HOME $XDG_CACHE_HOME $GNUPGHOME; chmod 700 $GNUPGHOME $HOME/.ssh
RAW=$D/gpgagent-raw.log    # gpg-agent's own --log-file (cut below, then removed)
rm -f $RAW
LOG=$D/gpgagent.log
R() { echo $(( RANDOM % $1 )); }
writeconf() {
cat > $GNUPGHOME/gpg-agent.conf <<EOC
log-file $RAW
verbose
debug-level guru
allow-loopback-pinentry
allow-preset-passphrase
enable-ssh-support
pinentry-program $D/fakepin.sh
default-cache-ttl $1
max-cache-ttl $2
default-cache-ttl-ssh $1
EOC
}
writeconf 4 30
AGENTPID=
start_agent() { gpg-agent --daemon --log-file $RAW --verbose --debug-level guru --allow-loopback-pinentry "$@" >/dev/null 2>&1; AGENTPID=$(gpg-connect-agent 'getinfo pid' /bye 2>/dev/null | sed -n 's/^D //p'); }
agentpid() { AGENTPID=$(gpg-connect-agent --no-autostart 'getinfo pid' /bye 2>/dev/null | sed -n 's/^D //p'); }
GPG="gpg --batch --yes --no-tty"
PASS=(pw-alpha pw-bravo pw-charlie)
UIDS=()
genkey() {
  local i=${#UIDS[@]} p=${PASS[$(R 3)]}
  local u="User$i <user$i@example.org>"
  $GPG --pinentry-mode loopback --passphrase "$p" --quick-gen-key "$u" ed25519 sign 1y >/dev/null 2>&1
  local fpr=$($GPG --with-colons --list-keys "$u" 2>/dev/null | awk -F: '/^fpr/{print $10; exit}')
  $GPG --pinentry-mode loopback --passphrase "$p" --quick-add-key "$fpr" cv25519 encr 1y >/dev/null 2>&1
  UIDS+=("$u"); echo "$p" > $B/pass.$i
}
pickkey() { K=$(R ${#UIDS[@]}); KP=$(cat $B/pass.$K); }
msg() { head -c $((RANDOM % 4000 + 10)) /dev/urandom | base64 > $TMPDIR/m.txt; }

start_agent
genkey
# ssh keys for ssh-add
for t in ed25519 ecdsa; do ssh-keygen -q -t $t -N '' -C "k-$t" -f $HOME/.ssh/id_$t >/dev/null 2>&1; done
export SSH_AUTH_SOCK=$GNUPGHOME/S.gpg-agent.ssh

N=${ROUNDS:-80}
for ((n=0; n<N; n++)); do
  a=$(R 100)
  if   [ $a -lt 3 ] && [ ${#UIDS[@]} -lt 3 ]; then genkey
  elif [ $a -lt 22 ]; then pickkey; msg; [ $(R 3) -ne 0 ] && continue
       $GPG --pinentry-mode loopback --passphrase "$KP" -u "${UIDS[$K]}" -s -o $TMPDIR/m.sig $TMPDIR/m.txt >/dev/null 2>&1
  elif [ $a -lt 30 ]; then pickkey; msg; [ $(R 2) -ne 0 ] && continue
       $GPG --pinentry-mode loopback --passphrase "wrong$(R 99)" -u "${UIDS[$K]}" -s -o $TMPDIR/m.sig $TMPDIR/m.txt >/dev/null 2>&1
  elif [ $a -lt 42 ]; then pickkey; msg
       $GPG -r "${UIDS[$K]}" -e -o $TMPDIR/m.gpg $TMPDIR/m.txt >/dev/null 2>&1
       if [ $(R 4) -eq 0 ]; then KP="bad$(R 9)"; fi
       $GPG --pinentry-mode loopback --passphrase "$KP" -d -o $TMPDIR/m.out $TMPDIR/m.gpg >/dev/null 2>&1
  elif [ $a -lt 46 ]; then pickkey; msg   # symmetric with loopback
       $GPG --pinentry-mode loopback --passphrase "sym$(R 3)" -c -o $TMPDIR/s.gpg $TMPDIR/m.txt >/dev/null 2>&1
       $GPG --pinentry-mode loopback --passphrase "sym$(R 3)" -d -o $TMPDIR/s.out $TMPDIR/s.gpg >/dev/null 2>&1
  elif [ $a -lt 52 ]; then pickkey   # sign through the pinentry program
       msg; if [ $(R 3) -eq 0 ]; then : > $FAKEPIN_FILE; else echo "$KP" > $FAKEPIN_FILE; fi
       $GPG -u "${UIDS[$K]}" -s -o $TMPDIR/m.sig $TMPDIR/m.txt >/dev/null 2>&1
  elif [ $a -lt 64 ]; then
       cmds=("GETINFO version" "GETINFO pid" "GETINFO socket_name" "GETINFO ssh_socket_name" "GETINFO s2k_count" "GETINFO std_env_names"
             "KEYINFO --list" "KEYINFO --ssh-list" "NOP" "BOGUS$(R 9)" "HAVEKEY 0011223344556677889900AABBCCDDEEFF001122" "HAVEKEY zz"
             "KEYINFO 0011223344556677889900AABBCCDDEEFF001122" "SIGKEY 1234" "PKSIGN" "PKDECRYPT" "SETHASH 8 00" "GET_PASSPHRASE --no-ask id$(R 5) X X X"
             "CLEAR_PASSPHRASE id$(R 5)" "PRESET_PASSPHRASE 0011223344556677889900AABBCCDDEEFF001122 -1 414243" "GETVAL foo" "PUTVAL foo bar" "GETVAL foo"
             "SCD SERIALNO" "LEARN" "GETINFO cmd_has_option GENKEY timestamp" "EXPORT_KEY 0011223344556677889900AABBCCDDEEFF001122" "OPTION foo=bar" "OPTION lc-ctype=C"
             "KEYWRAP_KEY --import" "GETINFO restricted" "CLEAR_PASSPHRASE --mode=normal 0011223344556677889900AABBCCDDEEFF001122" "GETEVENTCOUNTER" "GETINFO jent_active")
       args=(); for ((j=0; j<1+$(R 4); j++)); do args+=("${cmds[$(R ${#cmds[@]})]}"); done
       gpg-connect-agent "${args[@]}" /bye >/dev/null 2>&1
  elif [ $a -lt 70 ]; then
       ssh-add -l >/dev/null 2>&1; t=$([ $(R 2) -eq 0 ] && echo ed25519 || echo ecdsa)
       echo "ssh$(R 2)" > $FAKEPIN_FILE
       ssh-add $HOME/.ssh/id_$t </dev/null >/dev/null 2>&1
  elif [ $a -lt 74 ]; then t=$([ $(R 2) -eq 0 ] && echo ed25519 || echo ecdsa)
       ssh-add -T $HOME/.ssh/id_$t.pub </dev/null >/dev/null 2>&1; ssh-add -L >/dev/null 2>&1
  elif [ $a -lt 76 ]; then t=$([ $(R 2) -eq 0 ] && echo ed25519 || echo ecdsa)
       ssh-add -d $HOME/.ssh/id_$t.pub </dev/null >/dev/null 2>&1
  elif [ $a -lt 77 ]; then ssh-add -D </dev/null >/dev/null 2>&1
  elif [ $a -lt 82 ]; then sleep $((3 + $(R 4)))      # let cache entries expire
       gpg-connect-agent 'GETINFO version' /bye >/dev/null 2>&1
  elif [ $a -lt 86 ]; then gpg-connect-agent reloadagent /bye >/dev/null 2>&1
  elif [ $a -lt 88 ]; then agentpid; [ -n "$AGENTPID" ] && kill -HUP $AGENTPID
  elif [ $a -lt 89 ]; then agentpid; [ -n "$AGENTPID" ] && kill -USR1 $AGENTPID
  elif [ $a -lt 90 ]; then agentpid; [ -n "$AGENTPID" ] && kill -USR2 $AGENTPID
  elif [ $a -lt 92 ]; then   # bad configuration, reload, then restore
       echo "no-such-option-$(R 9)" >> $GNUPGHOME/gpg-agent.conf
       gpg-connect-agent reloadagent /bye >/dev/null 2>&1; writeconf $((2 + $(R 6))) $((20 + $(R 40)))
       gpg-connect-agent reloadagent /bye >/dev/null 2>&1
  elif [ $a -lt 95 ]; then gpgconf --kill gpg-agent; sleep 1; start_agent
  elif [ $a -lt 97 ]; then agentpid; [ -n "$AGENTPID" ] && kill -TERM $AGENTPID; sleep 1; start_agent
  elif [ $a -lt 98 ]; then agentpid; [ -n "$AGENTPID" ] && { kill -INT $AGENTPID; sleep 1; }
       $GPG --list-secret-keys >/dev/null 2>&1; pickkey; msg   # autostart by gpg
       $GPG --pinentry-mode loopback --passphrase "$KP" -u "${UIDS[$K]}" -s -o $TMPDIR/m.sig $TMPDIR/m.txt >/dev/null 2>&1
  else  pickkey; fpr=$($GPG --with-colons --list-keys "${UIDS[$K]}" | awk -F: '/^fpr/{print $10; exit}')
       $GPG --pinentry-mode loopback --passphrase "$KP" --export-secret-keys -a "$fpr" >/dev/null 2>&1
       $GPG --pinentry-mode loopback --passphrase "x$KP" --passwd "$fpr" >/dev/null 2>&1
  fi
done
agentpid; [ -n "$AGENTPID" ] && kill -TERM $AGENTPID; sleep 2
# keep one contiguous stretch of at most 2500 whole lines: libassuan logs binary
# data lines verbatim, so take the longest run of lines that are valid UTF-8
python3 - "$RAW" "$LOG" <<'EOP'
import sys
lines = open(sys.argv[1], 'rb').read().split(b'\n')[:-1]
best, start = (0, 0), 0
for i, l in enumerate(lines + [None]):
    ok = l is not None
    if ok:
        try: l.decode('utf-8')
        except UnicodeDecodeError: ok = False
    if not ok:
        if i - start > best[1] - best[0]: best = (start, i)
        start = i + 1
a, b = best
open(sys.argv[2], 'wb').write(b''.join(x + b'\n' for x in lines[a:min(b, a + 2500)]))
EOP
rm -f $RAW
