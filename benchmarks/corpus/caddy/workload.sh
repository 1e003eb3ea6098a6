#!/bin/bash
# Round-9 corpus workload: Caddy 2.6 (Debian 12 package `caddy`), Caddyfile with global `debug`,
# process + access log to one file, console encoder. 127.0.0.1 only; upstreams from servers.py.
# Run as root: bash workload.sh OUT_DIR [DURATION]   (needs: apt-get install caddy curl python3)
set -u
OUT=${1:?out dir}; DURATION=${2:-180}
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/r9caddy; rm -rf $W; mkdir -p $W/site/docs $W/site/img $W/site/private $W/data $W/cfg
mkdir -p "$OUT"; rm -f "$OUT/caddy.log"
LOG=$OUT/caddy.log
for i in $(seq 1 12); do head -c $((RANDOM * 3)) /dev/urandom | base64 > $W/site/docs/page$i.html; done
echo "<h1>index</h1>" > $W/site/index.html; echo secret > $W/site/private/s.txt
head -c 50000 /dev/urandom > $W/site/img/pic.png; echo unreadable > $W/site/docs/noperm.html; chmod 000 $W/site/docs/noperm.html
HASH=$(caddy hash-password --plaintext wonderland)
HASH2=$(caddy hash-password --plaintext builder)
ADMIN=127.0.0.1:19190
# broken JSON configs keep the admin address and the log, so a failed load does not move them
LOGJSON="\"logging\":{\"logs\":{\"default\":{\"level\":\"DEBUG\",\"writer\":{\"output\":\"file\",\"filename\":\"$LOG\"},\"encoder\":{\"format\":\"console\",\"level_format\":\"upper\"}}}}"
export XDG_DATA_HOME=$W/data XDG_CONFIG_HOME=$W/cfg HOME=$W
gen() { # $1 = variant
cat <<CF
{
	debug
	admin $ADMIN
	http_port 19180
	https_port 19143
	local_certs
	skip_install_trust
	storage file_system $W/data
	grace_period 3s
	log {
		output file $LOG
		format console {
			level_format upper
		}
		level DEBUG
	}
}
http://127.0.0.1:19180, http://localhost:19180 {
	log {
		output file $LOG
		format console {
			level_format upper
		}
	}
	root * $W/site
	encode gzip
	redir /old /docs/page1.html 301
	redir /moved/* /docs/{path}  302
	basicauth /private/* {
		alice $HASH
		bob $HASH2
	}
	handle /api/* {
		reverse_proxy 127.0.0.1:19101 127.0.0.1:19102 {
			lb_policy ${1:-round_robin}
			lb_try_duration 2s
			health_uri /health
			health_interval 7s
			fail_duration 10s
		}
	}
	handle /slow/* {
		reverse_proxy 127.0.0.1:19103 {
			transport http {
				response_header_timeout 3s
				dial_timeout 1s
			}
		}
	}
	handle /dead/* {
		reverse_proxy 127.0.0.1:19109 127.0.0.1:19108 {
			lb_try_duration 1s
			fail_duration 5s
		}
	}
	handle /junk/* {
		reverse_proxy 127.0.0.1:19104
	}
	handle /php/* {
		php_fastcgi unix//tmp/r9caddy/nonexistent.sock
	}
	handle /hello {
		respond "hello {remote_host}" 200
	}
	handle {
		file_server browse
	}
}
https://app.localhost:19143 {
	tls internal
	respond "secure {http.request.uri}" 200
}
CF
}
gen round_robin > $W/Caddyfile
python3 "$HERE/servers.py" 2>/dev/null & SRV=$!
sleep 1
caddy run --config $W/Caddyfile --adapter caddyfile --pidfile $W/caddy.pid >/dev/null 2>$W/stderr & CADDY=$!
sleep 3
r() { echo $((RANDOM % $1)); }
U=http://127.0.0.1:19180
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  case $(r 22) in
    0|1) curl -s -o /dev/null $U/docs/page$((1 + $(r 14))).html ;;
    2) curl -s -o /dev/null $U/missing-$RANDOM/file$(r 99).txt ;;
    3) curl -s -o /dev/null -H 'Accept-Encoding: gzip' $U/docs/ ; curl -s -o /dev/null $U/docs/noperm.html ;;
    4) curl -s -o /dev/null -u alice:wonderland $U/private/s.txt ;;
    5) curl -s -o /dev/null -u bob:wrong$RANDOM $U/private/s.txt; curl -s -o /dev/null -u nobody$(r 9):x $U/private/s.txt; curl -s -o /dev/null $U/private/s.txt ;;
    6) curl -s -o /dev/null $U/old; curl -s -o /dev/null $U/moved/page$(r 12).html ;;
    7|8) curl -s -o /dev/null -X $([ $(r 2) = 0 ] && echo GET || echo POST) -d "x=$RANDOM" $U/api/item/$RANDOM ;;
    9) curl -s -o /dev/null -m 8 $U/slow/q$RANDOM ;;
    10) curl -s -o /dev/null $U/dead/x$RANDOM ;;
    11) curl -s -o /dev/null -m 5 $U/junk/y$RANDOM ;;
    12) curl -s -o /dev/null $U/php/index.php?id=$RANDOM ;;
    13) curl -s -o /dev/null "$U/hello?n=$RANDOM" ;;
    14) curl -sk -o /dev/null --resolve app.localhost:19143:127.0.0.1 https://app.localhost:19143/s/$RANDOM
        curl -s -o /dev/null --resolve other.localhost:19143:127.0.0.1 https://other.localhost:19143/ ;;
    15) curl -s -o /dev/null http://$ADMIN/config/; curl -s -o /dev/null http://$ADMIN/config/apps/http/servers/srv$(r 3)/listen
        curl -s -o /dev/null http://$ADMIN/reverse_proxy/upstreams; curl -s -o /dev/null http://$ADMIN/pki/ca/local ;;
    16) curl -s -o /dev/null -X DELETE http://$ADMIN/config/apps/nothing$(r 9); curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{bad json' http://$ADMIN/config/apps/x
        curl -s -o /dev/null -H 'Host: evil.example' http://$ADMIN/config/ ; curl -s -o /dev/null http://$ADMIN/id/none$(r 9) ;;
    17) pol=$(echo round_robin random least_conn first ip_hash | tr ' ' '\n' | shuf -n1); gen $pol > $W/Caddyfile
        caddy reload --config $W/Caddyfile --adapter caddyfile --address $ADMIN >/dev/null 2>&1
        [ $(r 2) = 0 ] && caddy reload --force --config $W/Caddyfile --adapter caddyfile --address $ADMIN >/dev/null 2>&1 ;;
    18) # broken configs: one that adapts but fails to provision, one rejected by the adapter (client side)
        gen round_robin | sed "s/lb_policy round_robin/lb_policy round_robin/; s|http_port 19180|http_port 19180\n\tdefault_bind 127.0.0.1|" > $W/ok.Caddyfile
        curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d "{\"admin\":{\"listen\":\"$ADMIN\"},$LOGJSON,\"apps\":{\"http\":{\"servers\":{\"bad\":{\"listen\":[\"127.0.0.1:$((1 + $(r 1000)))x\"]}}}}}" http://$ADMIN/load
        curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d "{\"admin\":{\"listen\":\"$ADMIN\"},$LOGJSON,\"apps\":{\"nosuchapp$(r 9)\":{}}}" http://$ADMIN/load
        printf '{\n\tadmin %s\n}\n:19180 {\n\tbogus_directive %s\n' $ADMIN $RANDOM > $W/bad.Caddyfile; caddy reload --config $W/bad.Caddyfile --address $ADMIN >/dev/null 2>&1 ;;
    19) printf 'GARBAGE %s\r\n\r\n' $RANDOM | timeout 2 python3 -c "import socket,sys; s=socket.create_connection(('127.0.0.1',19180)); s.sendall(sys.stdin.buffer.read()); s.recv(100)" 2>/dev/null
        curl -s -o /dev/null -H "X-Big: $(head -c 2000 /dev/zero | tr '\0' a)" $U/index.html ;;
    20) curl -s -o /dev/null -X PATCH -H 'Content-Type: application/json' -d '"1m"' http://$ADMIN/config/apps/http/grace_period
        curl -s -o /dev/null http://$ADMIN/config/apps/http/servers ;;
    21) curl -s -o /dev/null -X OPTIONS $U/; curl -s -o /dev/null -r 0-99 $U/img/pic.png; curl -s -o /dev/null $U/ ;;
  esac
  sleep 0.$((3 + $(r 6)))
done
caddy stop --address $ADMIN >/dev/null 2>&1 || kill $CADDY
wait $CADDY 2>/dev/null
kill $SRV; wait $SRV 2>/dev/null
