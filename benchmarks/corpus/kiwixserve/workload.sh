#!/bin/bash
# kiwix-serve workload: builds three small ZIM files (zimwriterfs) and a library (kiwix-manage),
# then runs kiwix-serve --verbose (stdout+stderr, line-buffered with stdbuf, appended to
# kiwixserve.log) through normal runs, restarts, library reloads and bad start-ups,
# driven by client.sh (curl) on 127.0.0.1:46200-46203.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round37-r37a/kiwixserve
LOG="$HERE/kiwixserve.log"
mkdir -p $RUN; cd $RUN
rm -f "$LOG"
for n in 1 2 3; do
  rm -rf src$n wiki$n.zim
  /usr/bin/python3 "$HERE/mkzim.py" src$n "Test Wiki $n" $((RANDOM + n))
  extra=(); [ $n = 2 ] && extra=(-j)
  zimwriterfs "${extra[@]}" -w index.html -I illustration.png -l $( [ $n = 3 ] && echo fra || echo eng ) \
    -t "Test Wiki $n" -d "A small test wiki number $n" -c Tester -p Labeller -n test_wiki_$n \
    src$n wiki$n.zim > /dev/null
done
rm -f library.xml empty.xml
kiwix-manage library.xml add wiki1.zim wiki2.zim > /dev/null
echo '<library version="20110515"></library>' > empty.xml
echo '<html><body>custom</body></html>' > custom.html; : > empty.html; echo hello > custom.txt
serve() { stdbuf -oL -eL kiwix-serve "$@" >> "$LOG" 2>&1 & echo $!; }
run_fail() { timeout 5 stdbuf -oL -eL kiwix-serve "$@" >> "$LOG" 2>&1; sleep 0.3; }
bad_starts() {
  for k in $(shuf -e 1 2 3 4 5 6 7 8 | head -n $((3 + RANDOM % 4))); do
    case $k in
      1) run_fail --verbose -i 127.0.0.1 -p "$1" wiki1.zim ;;            # port already taken
      2) run_fail --verbose -i 127.0.0.1 -p 46203 missing.zim ;;
      3) run_fail --verbose -i 300.1.2.3 -p 46203 wiki1.zim ;;
      4) run_fail --verbose -i 127.0.0.1 -p 46203 -c /nonexistent/index.html wiki1.zim ;;
      5) run_fail --verbose -i 127.0.0.1 -p 46203 -c custom.txt wiki1.zim ;;
      6) run_fail --verbose -i 127.0.0.1 -p 46203 -c empty.html wiki1.zim ;;
      7) run_fail --verbose -i 127.0.0.1 -p 46203 --library broken.xml ;;
      8) run_fail --verbose -i 127.0.0.1 -p 46203 --library missing-library.xml ;;
    esac
  done
}
echo '<library version="20110515"><book id="x" path="' > broken.xml
# 1: plain ZIM paths
P=$(serve --verbose -i 127.0.0.1 -p 46200 wiki1.zim wiki2.zim wiki3.zim); sleep 1
"$HERE/client.sh" http://127.0.0.1:46200 $((20 + RANDOM % 9))
bad_starts 46200
"$HERE/client.sh" http://127.0.0.1:46200 $((8 + RANDOM % 5))
kill $P; wait $P 2>/dev/null
# 2: library with monitoring and reloads
P=$(serve --verbose -M -i 127.0.0.1 -p 46201 --library library.xml); sleep 1
"$HERE/client.sh" http://127.0.0.1:46201 $((12 + RANDOM % 5))
kiwix-manage library.xml add wiki3.zim > /dev/null; sleep 2.5
"$HERE/client.sh" http://127.0.0.1:46201 $((6 + RANDOM % 4))
kill -HUP $P; sleep 2
cp library.xml library.good; cp broken.xml library.xml; sleep 2.5
"$HERE/client.sh" http://127.0.0.1:46201 $((3 + RANDOM % 3))
cp library.good library.xml; sleep 2.5
kill $P; wait $P 2>/dev/null
# 3: empty library, then a connection-limited server with a URL root and blocked external links
timeout 4 stdbuf -oL -eL kiwix-serve --verbose -i 127.0.0.1 -p 46203 --library empty.xml >> "$LOG" 2>&1
P=$(serve --verbose -i 127.0.0.1 -p 46202 -L 2 -t 2 -b -r /kiwix wiki1.zim wiki3.zim); sleep 1
exec 7<>/dev/tcp/127.0.0.1/46202 8<>/dev/tcp/127.0.0.1/46202   # two idle connections use up the per-IP limit
"$HERE/client.sh" http://127.0.0.1:46202/kiwix $((2 + RANDOM % 3))
exec 7<&- 8<&-; sleep 0.5
for j in 1 2 3; do "$HERE/client.sh" http://127.0.0.1:46202/kiwix $((3 + RANDOM % 3)) & done; wait
"$HERE/client.sh" http://127.0.0.1:46202 $((2 + RANDOM % 2))
kill $P; wait $P 2>/dev/null
bad_starts 46203
exit 0
