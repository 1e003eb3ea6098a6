#!/bin/sh
# action on detect: does nothing but take a random time (some runs exceed the timeout)
sleep $(( $(od -An -N1 -tu1 /dev/urandom) % 4 ))
