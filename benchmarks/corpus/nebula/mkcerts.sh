#!/bin/bash
# create CA, host certs, a rogue CA and ssh keys for the nebula workload (in run/)
cd "$(dirname "$0")/run"
rm -f *.crt *.key *.pub ssh_* 
nebula-cert ca -name "round26 CA" -duration 8760h -out-crt ca.crt -out-key ca.key
nebula-cert ca -name "rogue CA" -duration 8760h -out-crt rogueca.crt -out-key rogueca.key
nebula-cert sign -ca-crt ca.crt -ca-key ca.key -name lighthouse -ip 127.77.0.1/16 -groups lh -out-crt lh.crt -out-key lh.key
nebula-cert sign -ca-crt ca.crt -ca-key ca.key -name node2 -ip 127.77.0.2/16 -groups web,ssh -out-crt n2.crt -out-key n2.key
nebula-cert sign -ca-crt ca.crt -ca-key ca.key -name node3 -ip 127.77.0.3/16 -groups db -out-crt n3.crt -out-key n3.key
nebula-cert sign -ca-crt ca.crt -ca-key ca.key -name node4 -ip 127.77.0.4/16 -groups web -out-crt n4.crt -out-key n4.key
nebula-cert sign -ca-crt rogueca.crt -ca-key rogueca.key -name rogue -ip 127.77.0.5/16 -out-crt n5.crt -out-key n5.key
nebula-cert sign -ca-crt ca.crt -ca-key ca.key -name blocked -ip 127.77.0.6/16 -out-crt n6.crt -out-key n6.key
nebula-cert sign -ca-crt ca.crt -ca-key ca.key -name shortlived -ip 127.77.0.7/16 -duration 40s -out-crt n7.crt -out-key n7.key
cat ca.crt rogueca.crt > both.crt
ssh-keygen -q -t ed25519 -N '' -f ssh_host
ssh-keygen -q -t ed25519 -N '' -f ssh_admin
ssh-keygen -q -t ed25519 -N '' -f ssh_intruder
