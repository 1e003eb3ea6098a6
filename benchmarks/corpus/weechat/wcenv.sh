export HOME=/tmp/round38-r38b/wc/home TMPDIR=/tmp/round38-r38b/wc/tmp
export XDG_CONFIG_HOME=/tmp/round38-r38b/wc/xdg_config XDG_DATA_HOME=/tmp/round38-r38b/wc/xdg_data
export XDG_CACHE_HOME=/tmp/round38-r38b/wc/xdg_cache XDG_RUNTIME_DIR=/tmp/round38-r38b/wc/xdg_runtime
export TZ=UTC LANG=C.UTF-8
WCDIR=/tmp/round38-r38b/wc/wdir
FIFO=/tmp/round38-r38b/wc/fifo
