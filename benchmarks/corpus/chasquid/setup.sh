#!/bin/bash
# Builds the run-time configuration directory under /tmp (certificates are generated there, never kept here).
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round34-r34a/chasquid
rm -rf $RUN/etc; mkdir -p $RUN/data $RUN/etc
cp -r $HERE/etc/. $RUN/etc/
for d in r34.example lab.example; do
  mkdir -p $RUN/etc/certs/$d
  openssl req -x509 -newkey rsa:2048 -nodes -days 3 -subj "/CN=$d" -addext "subjectAltName=DNS:$d,DNS:mx.r34.example" \
    -keyout $RUN/etc/certs/$d/privkey.pem -out $RUN/etc/certs/$d/fullchain.pem 2>/dev/null
done
chasquid-util -C=$RUN/etc user-add alice@r34.example --password=alicepw >/dev/null
chasquid-util -C=$RUN/etc user-add bob@r34.example --password=bobpw >/dev/null
chasquid-util -C=$RUN/etc user-add dave@lab.example --password=davepw >/dev/null
