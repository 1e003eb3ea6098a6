#!/bin/bash
# One MooseFS client session (runs inside the private mount namespace made by nsrun.sh):
# mount with random options, do random file system work, unmount.
# usage: client.sh NAME
D=/work/round26/moosefs
R=$D/run
r() { echo $((RANDOM % $1)); }

main() {
N=$1
M=$R/mnt-$N
mkdir -p "$M"

case $(r 10) in
	0) OPTS=(-o mfspassword=wrongpass -S /) ;;            # auth failure (password export)
	1) OPTS=(-S /no/such/dir) ;;                         # subfolder does not exist
	2) OPTS=(-o mfspassword=secretpw -S /) ;;            # password export
	3) OPTS=(-m) ;;                                      # meta file system (trash)
	*) OPTS=(-S /) ;;
esac
mfsmount "$M" -f -H 127.0.0.1 -P 49103 "${OPTS[@]}" -o mfsioretries=3 >/dev/null 2>&1 &
MP=$!
echo "$MP" >>"$R/started.pids"
for t in $(seq 1 40); do
	mountpoint -q "$M" && break
	kill -0 "$MP" 2>/dev/null || break
	sleep 0.25
done
if ! mountpoint -q "$M"; then
	kill "$MP" 2>/dev/null; wait "$MP" 2>/dev/null
	rmdir "$M" 2>/dev/null
	return 0
fi
if [ "${OPTS[0]}" = "-m" ]; then
	ls -R "$M" >/dev/null 2>&1
	find "$M/trash" -maxdepth 2 -type f 2>/dev/null | head -n 3 | while read -r f; do
		[ $(r 2) = 0 ] && mv "$f" "$M/trash/undel/" 2>/dev/null || rm -f "$f"
	done
	umount "$M"; wait "$MP"; rmdir "$M"; return 0
fi
timeout -s KILL 45 "$0" ops "$N"
if [ $(r 5) = 0 ]; then
	timeout -s KILL 20 rm -rf "$M/work/$N"
fi
sleep 0.$(r 9)
# sometimes the client dies without unmounting (session left to time out)
if [ $(r 8) = 0 ]; then
	kill -9 "$MP"
	sleep 0.5
	umount -l "$M" 2>/dev/null
else
	umount "$M" 2>/dev/null || { umount -l "$M"; kill "$MP" 2>/dev/null; }
fi
wait "$MP" 2>/dev/null
rmdir "$M" 2>/dev/null
exit 0
}

ops() {
W=$M/work/$N
mkdir -p "$W"
for i in $(seq 1 $((3 + $(r 6)))); do
	case $(r 16) in
		0|1|2) dd if=/dev/urandom of="$W/f$i" bs=64k count=$((1 + $(r 40))) 2>/dev/null ;;
		3) mkdir -p "$W/d$i/sub"; echo hello >"$W/d$i/sub/file" ;;
		4) [ -e "$W/f1" ] && mfssetgoal $((1 + $(r 3))) "$W/f1" >/dev/null 2>&1 ;;
		5) mfsmakesnapshot "$W" "$M/work/snap-$N-$i" >/dev/null 2>&1 ;;
		6) mfssettrashtime $(r 3) "$W" >/dev/null 2>&1; rm -rf "$W/d"* ;;
		7) mfssetquota -l 10M -L 20M "$W" >/dev/null 2>&1; dd if=/dev/zero of="$W/big$i" bs=1M count=$((15 + $(r 10))) 2>/dev/null ;;
		8) cat "$W"/f* >/dev/null 2>&1; mfsfileinfo "$W"/f* >/dev/null 2>&1 ;;
		9) mv "$W/f1" "$W/renamed$i" 2>/dev/null; ln -s "renamed$i" "$W/link$i" ;;
		10) truncate -s $(( $(r 5) * 1000000 )) "$W/f2" 2>/dev/null ;;
		11) flock "$W/lockfile" -c "sleep 0.$(r 5)" 2>/dev/null ;;
		12) setfattr -n user.test -v v$i "$W/f1" 2>/dev/null; mfsseteattr -f noowner "$W" >/dev/null 2>&1 ;;
		13) rm -rf "$M/work/snap-"* 2>/dev/null ;;
		14) mfsscadmin create -K 2 "sc$(r 4)" >/dev/null 2>&1; mfssetsclass "sc$(r 4)" "$W" >/dev/null 2>&1 ;;
		15) mfsdirinfo "$M/work" >/dev/null 2>&1; mfscheckfile "$W"/* >/dev/null 2>&1 ;;
	esac
done
}

if [ "$1" = ops ]; then N=$2; M=$R/mnt-$N; ops; exit 0; fi
main "$1"
