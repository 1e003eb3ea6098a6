# sourced inside: unshare -m -n -u --propagation private
T=/tmp/round41-r41c/leafnode
ip link set lo up
hostname r41c-news
# private /dev (for a private /dev/log), keeping the few device nodes the programs use
mkdir -p $T/olddev
mount --bind /dev $T/olddev
mount -t tmpfs -o mode=755 r41c-dev /dev
for n in null zero full random urandom tty; do touch /dev/$n; mount --bind $T/olddev/$n /dev/$n; done
ln -s /proc/self/fd /dev/fd; mkdir /dev/shm /dev/pts; mount -t tmpfs r41c-shm /dev/shm
# leafnode's compiled-in configuration and spool directories
mount --bind /work/round41/leafnode/etc /etc/news/leafnode
mount --bind $T/spool /var/spool/news
export HOME=$T/home TMPDIR=$T/tmp XDG_RUNTIME_DIR=$T/xdg XDG_CONFIG_HOME=$T/xdg XDG_CACHE_HOME=$T/xdg XDG_DATA_HOME=$T/xdg
