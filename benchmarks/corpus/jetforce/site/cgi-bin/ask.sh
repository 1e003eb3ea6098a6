#!/bin/sh
if [ -z "$QUERY_STRING" ]; then printf '10 Enter your name\r\n'; else printf '20 text/plain\r\nhi %s\n' "$QUERY_STRING"; fi
