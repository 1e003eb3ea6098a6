#!/bin/sh
# starts dhcpy6d in namespace r35e-ys; $1 = config, $2 = really-do-it (yes|no); prints the pid
Y=/tmp/round35-r35e/y
ip netns exec r35e-ys /usr/sbin/dhcpy6d -c "$1" -u dhcpy6d -g dhcpy6d -r ${2:-yes} -d 000300015a5a5a000001 >> $Y/stdout.txt 2>&1 &
echo $!
