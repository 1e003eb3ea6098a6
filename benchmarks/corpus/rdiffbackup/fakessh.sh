#!/bin/bash
# Local stand-in for "ssh HOST rdiff-backup server": starts the server side through a pipe.
# The host name picks the server's options.
case "$1" in
  down.invalid) exit 255 ;;                                        # nothing answers
  ro) exec rdiff-backup -v9 server --restrict-path "$RD_ROOT/repo" --restrict-mode read-only ;;
  *) exec rdiff-backup -v9 server ;;
esac
