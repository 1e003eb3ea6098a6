#!/bin/sh
# process:// source: emit a short burst of pseudo-random PCM then exit (server restarts it)
n=$(( ( $(od -An -N1 -tu1 /dev/urandom) % 4 + 1 ) * 96000 ))
head -c "$n" /dev/urandom
echo "generator done" >&2
exit $(( $(od -An -N1 -tu1 /dev/urandom) % 2 ))
