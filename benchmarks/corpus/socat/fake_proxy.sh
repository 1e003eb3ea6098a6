#!/bin/bash
# fake HTTP proxy that refuses (or answers garbage to) CONNECT
while read -r l; do l=${l%$'\r'}; [ -z "$l" ] && break; done
case $(( RANDOM % 3 )) in
  0) printf 'HTTP/1.0 403 Forbidden\r\n\r\n';;
  1) printf 'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n';;
  2) printf 'garbage reply\r\n\r\n';;
esac
