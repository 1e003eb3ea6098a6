#!/bin/sh
# pre-install hook: refuses packages whose name contains "veto"
case "$(basename "$1")" in *veto*) exit 1;; esac
exit 0
