#!/bin/sh
echo "failure" >&2
exit 3
