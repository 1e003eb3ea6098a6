#!/bin/sh
echo "test fake user, args: $*"
