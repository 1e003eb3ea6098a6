#!/bin/sh
# metadata program for ezstream: behaves randomly
r=$(( $(od -An -N1 -tu1 /dev/urandom) % 10 ))
case "$r" in
  0) exit 3 ;;
  1) echo "" ;;
  2) head -c 3000 /dev/zero | tr '\0' 'x' ;;
  *) case "$1" in
       artist) echo "Meta Artist $r" ;;
       title) echo "Meta Title $r" ;;
       album) echo "Meta Album" ;;
       *) echo "Meta Artist $r - Meta Title $r" ;;
     esac ;;
esac
