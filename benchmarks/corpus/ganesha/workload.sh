#!/bin/bash
# Randomised workload for NFS-Ganesha (VFS FSAL) driven by libnfs user-space clients.
# NFS on 127.0.0.1:49211, MOUNT on 127.0.0.1:49212; rpcbind (port 111) is needed for NFSv3 registration.
set -u
D=/work/round27/ganesha
cd "$D"
PIDS="$D/pids.txt"; : > "$PIDS"
rm -rf "$D/run" "$D/recov" "$D/export" "$D/export2" "$D/secret" "$D/scratch" "$D/run.log"
mkdir -p "$D/run" "$D/recov" "$D/export/sub" "$D/export2" "$D/secret" "$D/scratch"

r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$(( RANDOM % ${#a[@]} ))]}"; }
lines() { wc -l < "$D/run.log"; }

# --- data to serve ---
echo hello > export/hello.txt
head -c $(( 1000 + $(r 50000) )) /dev/urandom > export/blob.bin
for i in $(seq $(( 2 + $(r 4) ))); do echo "note $i $RANDOM" > "export/sub/note$i.txt"; done
echo "top secret" > export/private.txt; chmod 600 export/private.txt
echo "read only" > export2/readme.txt
echo "hidden" > secret/s.txt
cp /etc/services "$D/run/local.txt"

U3='nfsport=49211&mountport=49212'
U4='version=4&nfsport=49211'
P3="nfs://127.0.0.1$D/export"
P3RO="nfs://127.0.0.1$D/export2"

# --- rpcbind (fixed port 111) unless one is already running ---
if ! rpcinfo -p 127.0.0.1 >/dev/null 2>&1; then
    rpcbind -f >/dev/null 2>&1 &
    echo "rpcbind $!" >> "$PIDS"; RPCB=$!; sleep 1
fi

cp ganesha.conf run/active.conf
# someone's outgoing connection may hold one of our ports for a while: wait until both are free
for i in $(seq 120); do
    ss -tanH | awk '{print $4}' | grep -qE ':4921[12]$' || break
    sleep 1
done
ganesha.nfsd -F -f "$D/run/active.conf" -L "$D/run.log" -p "$D/run/ganesha.pid" -N NIV_DEBUG >/dev/null 2>&1 &
G=$!; echo "ganesha $G" >> "$PIDS"
for i in $(seq 40); do grep -q "NFS SERVER INITIALIZED" run.log 2>/dev/null && break; sleep 0.5; done
sleep 1

QUEUE=($(seq 0 23 | shuf))   # every kind of operation once, in random order, before any repeats
next_kind() { if [ ${#QUEUE[@]} -gt 0 ]; then K=${QUEUE[0]}; QUEUE=("${QUEUE[@]:1}"); else K=$(r 24); fi; }
op() {   # one client operation of kind $1
    local n=$RANDOM
    case $1 in
        0) nfs-ls "$P3?$U3" ;;
        1) nfs-ls "nfs://127.0.0.1/data?$U4" ;;
        2) nfs-ls -R "nfs://127.0.0.1/?$U4" ;;
        3) nfs-ls -D "nfs://127.0.0.1" ;;
        4) nfs-cat "$P3/hello.txt?$U3" ;;
        5) nfs-cat "nfs://127.0.0.1/data/sub/note1.txt?$U4" ;;
        6) nfs-cat "$P3/missing$n.txt?$U3" ;;
        7) nfs-cat "nfs://127.0.0.1/data/missing$n.txt?$U4" ;;
        8) nfs-cp "$D/run/local.txt" "$P3/up$n.txt?$U3" ;;
        9) nfs-cp "$D/run/local.txt" "nfs://127.0.0.1/data/up4_$n.txt?$U4" ;;
        10) nfs-cp "$P3/blob.bin?$U3" "$D/run/copy$n.bin" ;;
        11) nfs-cp "nfs://127.0.0.1/data/blob.bin?$U4" "$D/run/copy$n.bin" ;;
        12) nfs-ls "nfs://127.0.0.1$D/secret?$U3" ;;
        13) nfs-cat "nfs://127.0.0.1/secret/s.txt?$U4" ;;
        14) nfs-cp "$D/run/local.txt" "$P3RO/w$n.txt?$U3" ;;
        15) nfs-cp "$D/run/local.txt" "nfs://127.0.0.1/ro/w$n.txt?$U4" ;;
        16) nfs-cat "$P3/private.txt?$U3&uid=1000&gid=1000" ;;
        17) nfs-cat "nfs://127.0.0.1/data/private.txt?$U4&uid=1000&gid=1000" ;;
        18) nfs-cp "$D/run/local.txt" "$P3/sub/u$n.txt?$U3&uid=1000&gid=1000" ;;
        19) nfs-ls "nfs://127.0.0.1$D/nothere?$U3" ;;
        20) nfs-ls "nfs://127.0.0.1/nothere?$U4" ;;
        21) nfs-ls "nfs://127.0.0.1/?$U3" ;;
        22) python3 garbage.py 49211 $(( 1 + $(r 3) )) $n ;;
        23) python3 garbage.py 49212 1 $n ;;
    esac
}

# --- first phase: random operations, sometimes two clients at once ---
LIMIT1=$(( 1100 + $(r 300) ))
while [ "$(lines)" -lt "$LIMIT1" ] && kill -0 "$G" 2>/dev/null; do
    next_kind; k1=$K
    if [ $(r 4) = 0 ]; then next_kind; op "$k1" >/dev/null 2>&1 & op "$K" >/dev/null 2>&1; wait $!; sleep 0.2
    else op "$k1" >/dev/null 2>&1; fi
    sleep 0.0$(r 9)
done

# --- reload: add a scratch export and open /secret read-only to 127.0.0.1 ---
cat >> run/active.conf <<EOF
EXPORT {
	Export_Id = 4;
	Path = "$D/scratch";
	Pseudo = "/scratch";
	Access_Type = RW;
	Protocols = 3, 4;
	Transports = TCP;
	FSAL { Name = VFS; }
}
EOF
if [ $(r 2) = 0 ]; then sed -i "s/Clients = 10.99.99.99;/Clients = 10.99.99.99, 127.0.0.1;/" run/active.conf; fi
kill -HUP "$G"; sleep 2

# --- second phase: more operations, including the new export ---
LIMIT2=$(( 2000 + $(r 80) ))
while [ "$(lines)" -lt "$LIMIT2" ] && kill -0 "$G" 2>/dev/null; do
    case $(r 4) in
        0) nfs-cp "$D/run/local.txt" "nfs://127.0.0.1$D/scratch/s$RANDOM.txt?$U3" >/dev/null 2>&1 ;;
        1) nfs-ls "nfs://127.0.0.1/scratch?$U4" >/dev/null 2>&1 ;;
        *) next_kind; op "$K" >/dev/null 2>&1 ;;
    esac
    sleep 0.0$(r 9)
done

# --- clean shutdown ---
kill -TERM "$G"; wait "$G" 2>/dev/null
[ -n "${RPCB:-}" ] && { kill -TERM "$RPCB"; wait "$RPCB" 2>/dev/null; }
wc -l "$D/run.log"
