#!/bin/sh
# post-install hook: fails for packages whose name ends in "bad"
case "$(basename "$1")" in *bad_*) exit 3;; esac
exit 0
