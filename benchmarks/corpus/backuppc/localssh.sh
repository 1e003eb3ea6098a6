#!/bin/sh
# stand-in for ssh used by BackupPC's rsync/tar transfers: drops ssh options and the host
# name and runs the remote command locally (all "clients" are directories on this machine)
while [ $# -gt 0 ]; do case "$1" in -l) shift 2;; --slow) sleep $((15 + $(od -An -N1 -tu1 /dev/urandom) % 15)); shift;; -*) shift;; *) break;; esac; done
shift   # host
exec "$@"
