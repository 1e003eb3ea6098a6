#!/bin/bash
# Build a fresh test PKI in $1: root CA, intermediate CA, OCSP responder, signing config, cert DB.
set -eu
P=$1; mkdir -p "$P"; cd "$P"
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
ALGO=$(pick ecdsa rsa)
[ "$ALGO" = ecdsa ] && SIZE=$(pick 256 384) || SIZE=$(pick 2048 3072)
cat > ca-csr.json <<JSON
{"CN": "Round27 Test Root CA $RANDOM", "key": {"algo": "$ALGO", "size": $SIZE},
 "names": [{"C": "DE", "L": "Berlin", "O": "Round27 PKI", "OU": "Testing"}],
 "ca": {"expiry": "87600h"}}
JSON
cfssl gencert -initca ca-csr.json 2>/dev/null | cfssljson -bare ca
cat > config.json <<'JSON'
{
  "signing": {
    "default": {
      "expiry": "168h",
      "usages": ["signing", "key encipherment", "server auth"]
    },
    "profiles": {
      "server": {
        "expiry": "720h",
        "usages": ["signing", "key encipherment", "server auth"]
      },
      "client": {
        "expiry": "240h",
        "usages": ["signing", "digital signature", "client auth"]
      },
      "authed": {
        "expiry": "48h",
        "usages": ["signing", "key encipherment", "server auth", "client auth"],
        "auth_key": "primary"
      },
      "intermediate": {
        "expiry": "43800h",
        "usages": ["cert sign", "crl sign"],
        "ca_constraint": {"is_ca": true, "max_path_len": 0, "max_path_len_zero": true}
      },
      "ocsp": {
        "expiry": "8760h",
        "usages": ["digital signature", "ocsp signing"]
      }
    }
  },
  "auth_keys": {
    "primary": {"type": "standard", "key": "0123456789abcdef0123456789abcdef"}
  }
}
JSON
echo '{"CN": "Round27 Intermediate CA", "key": {"algo": "ecdsa", "size": 256}, "names": [{"O": "Round27 PKI"}]}' > int-csr.json
cfssl genkey int-csr.json 2>/dev/null | cfssljson -bare int
cfssl sign -ca ca.pem -ca-key ca-key.pem -config config.json -profile intermediate int.csr 2>/dev/null | cfssljson -bare int
echo '{"CN": "Round27 OCSP Responder", "key": {"algo": "ecdsa", "size": 256}}' > ocsp-csr.json
cfssl gencert -ca ca.pem -ca-key ca-key.pem -config config.json -profile ocsp ocsp-csr.json 2>/dev/null | cfssljson -bare ocsp
# a leaf certificate signed by the intermediate, for the bundle endpoint
echo '{"CN": "leaf.example.test", "hosts": ["leaf.example.test"], "key": {"algo": "ecdsa", "size": 256}}' > leaf-csr.json
cfssl gencert -ca int.pem -ca-key int-key.pem -config config.json -profile server leaf-csr.json 2>/dev/null | cfssljson -bare leaf
# certificate database (schema of cfssl's certdb/sqlite migration)
python3 - <<'PY'
import sqlite3
db = sqlite3.connect("certs.db")
db.executescript("""
CREATE TABLE certificates (
  serial_number            blob NOT NULL,
  authority_key_identifier blob NOT NULL,
  ca_label                 blob,
  status                   blob NOT NULL,
  reason                   int,
  expiry                   timestamp,
  revoked_at               timestamp,
  pem                      blob NOT NULL,
  PRIMARY KEY(serial_number, authority_key_identifier)
);
CREATE TABLE ocsp_responses (
  serial_number            blob NOT NULL,
  authority_key_identifier blob NOT NULL,
  body                     blob NOT NULL,
  expiry                   timestamp,
  PRIMARY KEY(serial_number, authority_key_identifier),
  FOREIGN KEY(serial_number, authority_key_identifier) REFERENCES certificates(serial_number, authority_key_identifier)
);
""")
db.commit()
PY
echo "{\"driver\": \"sqlite3\", \"data_source\": \"$P/certs.db\"}" > db.json
