#!/bin/sh
echo "probe of $1: $(ls "$1" 2>/dev/null | wc -l) entries"
