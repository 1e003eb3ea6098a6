#!/bin/sh
sleep 1
echo "Content-Type: text/plain"
echo
echo slow
