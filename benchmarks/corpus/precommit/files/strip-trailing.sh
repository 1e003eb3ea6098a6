#!/bin/sh
for f in "$@"; do sed -i 's/[ \t]*$//' "$f"; done
