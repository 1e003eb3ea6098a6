#!/bin/bash
# Create a private CA, a server certificate and two client certificates (one from a foreign CA).
set -e
D="$(cd "$(dirname "$0")" && pwd)/run/certs"
mkdir -p "$D"; cd "$D"
[ -f server.pem ] && exit 0
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 30 -subj "/CN=Round27 Test CA" 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout evilca.key -out evilca.pem -days 30 -subj "/CN=Evil CA" 2>/dev/null
cat > ext.cnf <<E2
[srv]
extendedKeyUsage=serverAuth
[cli]
extendedKeyUsage=clientAuth
E2
openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=radius.test.local" 2>/dev/null
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 30 -extfile ext.cnf -extensions srv 2>/dev/null
for u in alice bob; do
  openssl req -newkey rsa:2048 -nodes -keyout $u.key -out $u.csr -subj "/CN=$u@test.local" 2>/dev/null
  openssl x509 -req -in $u.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out $u.pem -days 30 -extfile ext.cnf -extensions cli 2>/dev/null
done
openssl req -newkey rsa:2048 -nodes -keyout mallory.key -out mallory.csr -subj "/CN=mallory@test.local" 2>/dev/null
openssl x509 -req -in mallory.csr -CA evilca.pem -CAkey evilca.key -CAcreateserial -out mallory.pem -days 30 -extfile ext.cnf -extensions cli 2>/dev/null
# expired-looking client: self-signed
openssl req -x509 -newkey rsa:2048 -nodes -keyout self.key -out self.pem -days 1 -subj "/CN=selfsigned@test.local" 2>/dev/null
