#!/bin/bash
# Workload for duplicity (Debian package duplicity), every run at -v9, stdout+stderr captured.
# Runs inside a private network + mount namespace (loopback only). Writes duplicity.log here.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
BASE=/tmp/round39-r39h
if [ -z "${R39_INNER:-}" ]; then
  exec env R39_INNER=1 unshare -n -m --propagation private "$0" "$@"
fi
ip link set lo up
export HOME=$BASE/home TMPDIR=$BASE/tmp XDG_CONFIG_HOME=$BASE/xdg/config XDG_CACHE_HOME=$BASE/xdg/cache \
  XDG_DATA_HOME=$BASE/xdg/data XDG_RUNTIME_DIR=$BASE/xdg/run XDG_STATE_HOME=$BASE/xdg/state
export GNUPGHOME=$BASE/gnupg
export PYTHONNODEBUGRANGES=1
W=$BASE/dup-run
rm -rf $W $GNUPGHOME; mkdir -p $W $GNUPGHOME $HOME $TMPDIR; chmod 700 $GNUPGHOME
mount -t tmpfs tmpfs /dev/shm
RAW=$BASE/duplicity-raw.log; : > $RAW
SRC=$W/src; TGT=file://$W/target; ARCH=$W/archive
r() { echo $(( RANDOM % $1 )); }
dup() { duplicity -v9 --archive-dir $ARCH --name bk "$@" >> $RAW 2>&1; }
mkdir -p $SRC/docs $SRC/data/sub
for i in $(seq 1 $(( 3 + $(r 4) ))); do head -c $(( 100 + $(r 20000) )) /dev/urandom > $SRC/data/f$i.bin; done
for i in $(seq 1 $(( 2 + $(r 3) ))); do echo "note $i $RANDOM" > $SRC/docs/n$i.txt; done
echo tmp > $SRC/docs/skip.tmp
ln -s docs/n1.txt $SRC/link1
mutate() {
  for k in $(seq 1 $(( 1 + $(r 3) ))); do
    case $(r 4) in
      0) echo "more $RANDOM" >> $SRC/docs/n$(( 1 + $(r 2) )).txt ;;
      1) head -c $(( 50 + $(r 5000) )) /dev/urandom > $SRC/data/sub/new$RANDOM.bin ;;
      2) rm -f "$(ls $SRC/data/sub/*.bin 2>/dev/null | shuf -n1)" ;;
      3) touch $SRC/docs/n1.txt ;;
    esac
  done
}
dup --no-encryption --exclude '**/*.tmp' full $SRC $TGT
for i in $(seq 1 $(( 1 + $(r 2) ))); do mutate; dup --no-encryption --exclude '**/*.tmp' incremental $SRC $TGT; done
dup --no-encryption collection-status $TGT
for round in $(seq 1 $(( 5 + $(r 3) ))); do
  case $(r 14) in
    0) mutate; dup --no-encryption --exclude '**/*.tmp' $SRC $TGT ;;
    1) dup --no-encryption verify $TGT $SRC ;;
    2) mutate; dup --no-encryption --compare-data verify $TGT $SRC ;;
    3) rm -rf $W/rest; dup --no-encryption restore $TGT $W/rest ;;
    4) mkdir -p $W/rest; dup --no-encryption restore $TGT $W/rest ;;
    5) rm -rf $W/one; dup --no-encryption --file-to-restore docs/n1.txt restore $TGT $W/one ;;
    6) rm -rf $W/one; dup --no-encryption --file-to-restore nosuch/file$(r 9) restore $TGT $W/one ;;
    7) dup --no-encryption list-current-files $TGT ;;
    8) dup --no-encryption collection-status file://$W/nowhere$(r 9) ;;
    9) dup --no-encryption --dry-run incremental $SRC $TGT ;;
    10) dup --no-encryption --bogus-option full $SRC $TGT ;;
    11) dup --no-encryption restore nosuchscheme://host/x $W/rest2 ;;
    12) dup --no-encryption full $W/missing-src $TGT ;;
    13) dup --no-encryption -t 1h restore $TGT $W/rest-old$RANDOM ;;
  esac
done
# encrypted chain with a passphrase, then a wrong passphrase
ETGT=file://$W/etarget
PASSPHRASE=secret-$RANDOM dup --name ebk full $SRC $ETGT
export PASSPHRASE=wrong; dup --name ebk restore $ETGT $W/erest; unset PASSPHRASE
# damage the plain chain
V=$(ls $W/target/*.difftar.gz | shuf -n1); head -c 100 /dev/urandom > "$V"
rm -rf $W/rest; dup --no-encryption restore $TGT $W/rest
dup --no-encryption verify $TGT $SRC
rm -f $W/target/*.manifest; rm -rf $ARCH
dup --no-encryption collection-status $TGT
mutate; dup --no-encryption incremental $SRC $TGT
dup --no-encryption full $SRC $TGT
dup --no-encryption --force remove-all-but-n-full 1 $TGT
dup --no-encryption --force cleanup $TGT
dup --no-encryption --force remove-older-than 1s $TGT
dup --no-encryption collection-status $TGT
tail -n 2500 $RAW > "$HERE/duplicity.log"
gpgconf --kill gpg-agent   # the agent gpg started for the passphrase runs
