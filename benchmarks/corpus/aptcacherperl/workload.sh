#!/bin/bash
# apt-cacher workload, all inside the private network namespace r37h-aptc (loopback only, plus
# test addresses 192.0.2.10/.66/.77 on its lo): upstream repo_server.py on 127.0.0.1:49800,
# apt-cacher daemon (debug = 1: levels 2-7 add raw curl header/data dumps with CR bytes) on port 49900;
# the first 2,500 lines of its error.log become aptcacherperl.log.
set -u
D=$(cd "$(dirname "$0")" && pwd)
NS=r37h-aptc
if [ -z "${IN_NS:-}" ]; then
  ip netns add $NS
  ip -n $NS link set lo up
  for a in 192.0.2.10 192.0.2.66 192.0.2.77; do ip -n $NS addr add $a/32 dev lo; done
  IN_NS=1 ip netns exec $NS "$0" "$@"
  for p in $(ip netns pids $NS); do kill $p; done   # the libcurl helper apt-cacher leaves behind
  sleep 1
  ip netns del $NS
  exit
fi
T=/tmp/round37-r37h/aptc; rm -rf "$T"; mkdir -p "$T/cache" "$T/log" "$T/apt/state/lists/partial" "$T/apt/cache/archives/partial" "$T/apt/log"
: > "$T/apt/status"
"$D/mkrepo.sh" "$T/repo"
python3 "$D/repo_server.py" 49800 "$T/repo" & REPO=$!
sleep 0.5
P=http://192.0.2.10:49900
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
start_cacher() {
  /usr/sbin/apt-cacher -c "$D/apt-cacher.conf" -R 3 "$@" & AC=$!; sleep 1.5
}
stop_cacher() { kill -TERM $AC; wait $AC 2>/dev/null; }
aptget() {
  local src=$1; shift
  echo "$src" > "$T/apt/sources.list"
  apt-get -q -o Dir::Etc::sourcelist="$T/apt/sources.list" -o Dir::Etc::sourceparts=- \
    -o Dir::State="$T/apt/state" -o Dir::Cache="$T/apt/cache" -o Dir::State::status="$T/apt/status" \
    -o Dir::Log="$T/apt/log" -o Debug::NoLocking=1 -o APT::Sandbox::User=root \
    -o Acquire::Retries=0 -o Acquire::http::Timeout=10 "$@" > /dev/null 2>&1
}
PKGS=(r37h-hello_1.0-1_all.deb r37h-tools_2.3.1-2_all.deb r37h-data_0.9-1_all.deb r37h-docs_1.2-1_all.deb)
IDX=(dists/r37h/Release dists/r37h/InRelease dists/r37h/main/binary-amd64/Packages.gz dists/r37h/main/binary-all/Packages.xz dists/r37h/main/i18n/Translation-en.bz2)

start_cacher
for i in $(seq 1 ${ROUNDS:-62}); do
  r=$((RANDOM % 100))
  if   ((r < 9)); then curl -s -o /dev/null "$P/debian/pool/main/$(pick "${PKGS[@]}")"
  elif ((r < 16)); then curl -s -o /dev/null -x $P "http://127.0.0.1:49800/debian/$(pick "${IDX[@]}")"
  elif ((r < 19)); then curl -s -o /dev/null -I "$P/debian/pool/main/$(pick "${PKGS[@]}")"
  elif ((r < 23)); then curl -s -o /dev/null -r $(pick 0-99 100-2047 500000-600000) "$P/debian/pool/main/$(pick "${PKGS[@]}")"
  elif ((r < 35)); then curl -s -o /dev/null -m 20 "$P/$(pick broken broken slow dead)/$(pick pool/main/"$(pick "${PKGS[@]}")" "$(pick "${IDX[@]}")")"
  elif ((r < 39)); then curl -s -o /dev/null "$P/debian/pool/main/r37h-missing_$((RANDOM%9)).0-1_all.deb"
  elif ((r < 43)); then curl -s -o /dev/null "$P/debian/$(pick README.txt pool/main/ index.html ls-lR.gz)"
  elif ((r < 47)); then curl -s -o /dev/null --interface 192.0.2.$(pick 66 77) "$P/debian/dists/r37h/Release"
  elif ((r < 51)); then curl -s -o /dev/null -x $P "http://$(pick mirror.r37h.invalid nowhere.r37h.invalid)/debian/dists/r37h/Release"
  elif ((r < 54)); then curl -s -o /dev/null -p -x $P "https://127.0.0.1:49800/"
  elif ((r < 57)); then curl -s -o /dev/null "$P/$(pick '' report apt-cacher)"
  elif ((r < 63)); then printf '%b' "$(pick 'BREW /coffee HTCPCP/1.0\r\n\r\n' 'GET /debian/dists/r37h/Release HTTP/1.1\r\nX-Junk: 1\r\n\r\n' 'Host: 127.0.0.1\r\nGET / HTTP/1.1\r\n\r\n' 'GET /debian/dists/r37h/Release HTTP/1.1\r\nGET /x HTTP/1.1\r\n\r\n' 'POST /debian/x HTTP/1.1\r\nHost: x\r\n\r\n' '\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n')" | timeout 3 curl -s -o /dev/null telnet://192.0.2.10:49900
  elif ((r < 67)); then aptget "deb [trusted=yes] http://127.0.0.1:49800/$(pick debian debian broken) r37h main" -o Acquire::http::Proxy=$P update
  elif ((r < 69)); then aptget "deb [trusted=yes] $P/debian r37h main" update; aptget "deb [trusted=yes] $P/debian r37h main" -y --download-only install $(pick r37h-hello r37h-tools r37h-data)
  elif ((r < 72)); then kill -HUP $AC; sleep 0.5
  elif ((r < 74)); then kill -USR1 $AC; sleep 0.3; curl -s -o /dev/null "$P/debian/dists/r37h/Release"; kill -USR1 $AC; sleep 0.3
  elif ((r < 77)); then rm -rf "$T/cache/packages/debian/"*"$(pick hello tools data)"*
  elif ((r < 84)); then
    stop_cacher
    case $((RANDOM % 5)) in
      0) /usr/sbin/apt-cacher -c "$T/missing.conf" 2>/dev/null ;;
      1) /usr/sbin/apt-cacher -c "$D/apt-cacher.conf" daemon_port=49900 bogus_option 2>/dev/null ;;
      2) start_cacher; /usr/sbin/apt-cacher -c "$D/apt-cacher.conf" -R 2 2>/dev/null; stop_cacher ;;
      3) start_cacher admin_email=ops@r37h.x; curl -s -o /dev/null "$P/debian/pool/main/$(pick "${PKGS[@]}")"; stop_cacher ;;
      4) start_cacher allowed_hosts="192.0.2.0/24, r37h-hosts" denied_hosts="192.0.2.66/32, 192.0.2.300"; curl -s -o /dev/null --interface 192.0.2.$(pick 66 77) "$P/debian/dists/r37h/Release"; stop_cacher ;;
    esac
    start_cacher
  else sleep 0.$((RANDOM % 8))
  fi
done
stop_cacher
kill $REPO; wait 2>/dev/null
head -n 2500 "$T/log/error.log" > "$D/aptcacherperl.log"   # first 2,500 whole lines
rm -rf "$T"
