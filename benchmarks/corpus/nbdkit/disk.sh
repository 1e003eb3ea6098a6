#!/bin/bash
# nbdkit sh plugin script used by workload.sh: a small disk in $tmpdir that fails now and then.
case "$1" in
    get_ready) ;;
    open) echo "" ;;
    get_size) echo 1M ;;
    can_write|can_trim|can_flush|can_zero) exit 0 ;;
    pread)
        if [ $((RANDOM % 4)) = 0 ]; then echo "EIO simulated read failure at offset $4" >&2; exit 1; fi
        dd if=/dev/zero count=$3 iflag=count_bytes status=none ;;
    pwrite)
        if [ $((RANDOM % 3)) = 0 ]; then echo "ENOSPC backing store is full" >&2; exit 1; fi
        cat > /dev/null ;;
    trim|zero)
        if [ $((RANDOM % 2)) = 0 ]; then echo "EPERM $1 not allowed here" >&2; exit 1; fi ;;
    flush) echo "flushing" >&2 ;;
    *) exit 2 ;;
esac
exit 0
