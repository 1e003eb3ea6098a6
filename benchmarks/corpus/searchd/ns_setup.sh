# sourced inside: unshare -m -n --propagation private
ip link set lo up
mkdir -p /tmp/round41-r41c/searchd/shm
mount --bind /tmp/round41-r41c/searchd/shm /dev/shm
export HOME=/tmp/round41-r41c/searchd/home TMPDIR=/tmp/round41-r41c/searchd/tmp XDG_RUNTIME_DIR=/tmp/round41-r41c/searchd/xdg XDG_CONFIG_HOME=/tmp/round41-r41c/searchd/xdg XDG_CACHE_HOME=/tmp/round41-r41c/searchd/xdg XDG_DATA_HOME=/tmp/round41-r41c/searchd/xdg
