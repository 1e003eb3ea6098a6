#!/bin/bash
# Randomised pip -vvv workload against a private simple index on port 46510 (46511 is left closed).
# Runs itself inside a private network + mount namespace (ns.sh); writes /work/round45/pip/pip.log.
if [ -z "$R45B_INNER" ]; then
  exec /work/round45/pip/ns.sh R45B_INNER=1 bash /work/round45/pip/workload.sh
fi
set -m
cd /work/round45/pip
B=/tmp/round45-r45b
rm -rf $B/pkgs $B/pipcache $B/w $B/target $B/dl $B/wh $B/fl $B/tgt0 $B/tgt1 $B/tgt2
python3 /work/round45/pip/mkpkgs.py $B/pkgs
mkdir -p $B/w $B/fl $B/dl $B/wh
cp $B/pkgs/alpha-1.0-py3-none-any.whl $B/pkgs/kappa-1.0-py3-none-any.whl $B/fl/
python3 -m venv --without-pip $B/target
python3 /work/round45/pip/index.py 46510 $B/pkgs $B/backend 2>/dev/null &
SRV=$!
sleep 1
export PIP_CACHE_DIR=$B/pipcache PIP_CONFIG_FILE=/work/round45/pip/pip.conf
P="$B/venvs/pip/bin/pip"
IDX="http://127.0.0.1:46510/simple/"
O="-vvv --progress-bar off --disable-pip-version-check"
OI="$O --index-url $IDX"
PT="$P --python $B/target/bin/python"
RAW=$B/pip.raw.log
: > $RAW
echo "alpha==1.0 --hash=sha256:0000000000000000000000000000000000000000000000000000000000000000" > $B/w/hashes.txt
echo "beta" > $B/w/req.txt; echo "alpha>=1" >> $B/w/req.txt
echo "alpha==1.0" > $B/w/cons.txt
echo "alpha===" > $B/w/badreq.txt
r() { echo $((RANDOM % $1)); }
run() { "$@" >> $RAW 2>&1; }
step() {
  case $(r 43) in
    0|1) run $PT install $OI beta ;;
    2) run $PT install $OI gamma lam ;;
    3) run $PT install $OI delta ;;
    4) run $PT install $OI nosuchpkg$(r 9) ;;
    5) run $PT install $OI flaky --retries 0 ;;
    6) run $PT install $OI slowpkg --timeout 2 --retries $(r 2) ;;
    7) run $PT install $OI "alpha==9.$(r 9)" ;;
    8) run $P index versions -vvv --disable-pip-version-check --index-url $IDX alpha ;;
    9) run $P download $O --index-url $IDX -d $B/dl alpha beta ;;
    10) run $P wheel $O --index-url $IDX -w $B/wh epsilon ;;
    11) run $P wheel $O --index-url $IDX -w $B/wh zeta ;;
    12) run $PT install $OI omega ;;
    13) run $PT install $OI eta ;;
    14) run $PT install $OI -r $B/w/hashes.txt ;;
    15) run $PT install $OI -c $B/w/cons.txt -r $B/w/req.txt ;;
    16) run $PT list -vvv --disable-pip-version-check --format=freeze ;;
    17) run $PT show -vvv --disable-pip-version-check alpha beta nosuch ;;
    18) run $PT install $OI --no-deps --force-reinstall alpha==2.0; run $PT check -vvv --disable-pip-version-check ;;
    19) case $(r 5) in 0) run $P cache info -vvv --disable-pip-version-check ;; 1) run $P cache info -vvv --disable-pip-version-check ;; 2) run $P cache list -vvv --disable-pip-version-check ;; 3) run $P cache remove alpha -vvv --disable-pip-version-check ;; 4) run $P cache purge -vvv --disable-pip-version-check ;; esac ;;
    20) run $PT install $O --no-index --find-links $B/fl kappa ;;
    21) run $PT install $OI iota ;;
    22) run $PT install $OI theta==1.1 ;;
    23) run $PT install $OI "beta[full]" ;;
    24) run $PT install $O --index-url http://127.0.0.1:46511/simple/ --retries 0 alpha ;;
    25) run $PT install $OI $B/w/missing-1.0-py3-none-any.whl; run $PT install $OI -r $B/w/nosuch.txt ;;
    26) run $PT uninstall -vvv --disable-pip-version-check -y alpha beta kappa nosuch$(r 5) ;;
    27) run $PT install $OI --dry-run lam ;;
    28) run $PT install $OI -r $B/w/badreq.txt ;;
    29) run $P install $O --target $B/tgt$(r 3) --index-url $IDX --upgrade alpha ;;
    30|31) run $PT show -vvv --disable-pip-version-check alpha beta nosuch ;;
    32) run $P cache list -vvv --disable-pip-version-check ;;
    33) run $PT install $OI theta==1.1 ;;
    34) run $PT install $OI -r $B/w/hashes.txt ;;
    35) run $PT install $OI iota ;;
    36) run $PT install $OI flaky --retries $(r 3) ;;
    37) run $PT uninstall -vvv --disable-pip-version-check -y alpha beta kappa nosuch$(r 5) ;;
    38) run $PT install $OI -c $B/w/cons.txt -r $B/w/req.txt ;;
    39) run $PT install $OI slowpkg --timeout 2 --retries $(r 2) ;;
    40) run $PT install $OI gamma beta ;;
    41) run $P index versions -vvv --disable-pip-version-check --index-url $IDX beta ;;
    42) run $P cache info -vvv --disable-pip-version-check ;;
  esac
}
n=0
while [ $(wc -l < $RAW) -lt 2600 ] && [ $n -lt 150 ]; do step; n=$((n+1)); done
kill $SRV
wait $SRV 2>/dev/null
# keep one contiguous stretch of whole lines
sed -n '1,2500p' $RAW > /work/round45/pip/pip.log
