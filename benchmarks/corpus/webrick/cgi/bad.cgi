#!/bin/sh
echo "cgi script failure on $QUERY_STRING" >&2
exit 3
