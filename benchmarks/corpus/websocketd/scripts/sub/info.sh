#!/bin/sh
echo "pathinfo $PATH_INFO"
while read -r l; do echo "$l"; done
