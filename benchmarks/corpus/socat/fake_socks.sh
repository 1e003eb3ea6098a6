#!/bin/bash
# fake SOCKS4 server: rejects the request, or replies garbage, or closes
head -c 8 >/dev/null
case $(( RANDOM % 3 )) in
  0) printf '\000\133\000\000\000\000\000\000';;
  1) printf 'XYZ';;
  2) printf '\000\132\000\120\177\000\000\011'; sleep 0.3;;
esac
