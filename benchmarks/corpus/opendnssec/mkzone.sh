#!/bin/bash
# write an unsigned zone file: mkzone.sh ZONE FILE [broken]
Z=$1; F=$2; S=$(date +%s)
{
echo "\$TTL 300"
echo "$Z. 300 IN SOA ns1.$Z. hostmaster.$Z. $S 3600 600 86400 300"
echo "$Z. 300 IN NS ns1.$Z."
echo "$Z. 300 IN NS ns2.$Z."
echo "ns1.$Z. 300 IN A 127.0.0.53"
echo "ns2.$Z. 300 IN A 127.0.0.54"
for i in $(seq $((RANDOM % 20 + 5))); do echo "host$i.$Z. 300 IN A 127.0.$((RANDOM%250)).$((RANDOM%250))"; done
echo "www.$Z. 300 IN CNAME host1.$Z."
echo "$Z. 300 IN MX 10 mail.$Z."
echo "mail.$Z. 300 IN A 127.0.0.25"
echo "$Z. 300 IN TXT \"v=spf1 -all\""
echo "sub.$Z. 300 IN NS ns.sub.$Z."
echo "ns.sub.$Z. 300 IN A 127.0.0.99"
if [ "$3" = broken ]; then
  echo "bad.$Z. 300 IN A 999.1.2.3"
  echo "worse.$Z. IN NOTATYPE foo"
fi
} > "$F"
