#!/usr/bin/env python3
"""Write a blackbox exporter config: gen_config.py VARIANT PATH (variants: base, alt, broken-yaml, broken-regexp, broken-prober, broken-field)"""
import random, sys

BASE = """modules:
  http_2xx:
    prober: http
    timeout: 3s
    http:
      preferred_ip_protocol: ip4
  http_ip6:
    prober: http
    timeout: 2s
    http:
      ip_protocol_fallback: false
  http_post:
    prober: http
    timeout: 3s
    http:
      method: POST
      preferred_ip_protocol: ip4
      valid_status_codes: [201]
      headers:
        Content-Type: application/json
        X-Probe: blackbox
      body: '{"probe": true}'
  http_body:
    prober: http
    timeout: 3s
    http:
      preferred_ip_protocol: ip4
      fail_if_body_matches_regexp: ["ERROR"]
      fail_if_body_not_matches_regexp: ["status: (healthy|ok)"]
  http_headers:
    prober: http
    timeout: 3s
    http:
      preferred_ip_protocol: ip4
      fail_if_header_matches:
        - header: X-Deprecated
          regexp: "yes"
          allow_missing: true
      fail_if_header_not_matches:
        - header: Server
          regexp: "^(nginx|Apache)"
        - header: X-Backend
          regexp: "web-[12]"
          allow_missing: %(allow)s
  http_codes:
    prober: http
    timeout: 3s
    http:
      preferred_ip_protocol: ip4
      valid_status_codes: [200, 204]
      valid_http_versions: ["HTTP/1.1"]
  http_http2_only:
    prober: http
    timeout: 3s
    http:
      preferred_ip_protocol: ip4
      valid_http_versions: ["HTTP/2.0"]
  http_noredirect:
    prober: http
    timeout: 3s
    http:
      preferred_ip_protocol: ip4
      follow_redirects: false
  http_ssl_required:
    prober: http
    timeout: 3s
    http:
      preferred_ip_protocol: ip4
      fail_if_not_ssl: true
      tls_config:
        insecure_skip_verify: true
  http_no_ssl:
    prober: http
    timeout: 3s
    http:
      preferred_ip_protocol: ip4
      fail_if_ssl: true
      tls_config:
        insecure_skip_verify: true
  https_verify:
    prober: http
    timeout: 3s
    http:
      preferred_ip_protocol: ip4
  https_ca:
    prober: http
    timeout: 3s
    http:
      preferred_ip_protocol: ip4
      tls_config:
        ca_file: %(ca)s
        server_name: 127.0.0.1
  http_gzip:
    prober: http
    timeout: 3s
    http:
      preferred_ip_protocol: ip4
      compression: gzip
  http_limit:
    prober: http
    timeout: 3s
    http:
      preferred_ip_protocol: ip4
      body_size_limit: %(limit)s
  http_auth:
    prober: http
    timeout: 3s
    http:
      preferred_ip_protocol: ip4
      basic_auth:
        username: probe
        password: %(password)s
  http_missing_ca:
    prober: http
    timeout: 3s
    http:
      preferred_ip_protocol: ip4
      tls_config:
        ca_file: /work/round27/blackbox/run/no-such-ca.pem
  tcp_connect:
    prober: tcp
    timeout: 2s
    tcp:
      preferred_ip_protocol: ip4
  tcp_banner:
    prober: tcp
    timeout: 3s
    tcp:
      preferred_ip_protocol: ip4
      query_response:
        - expect: "^OK banner-server ready ([0-9]+)"
        - send: "PING ${1}"
        - expect: "^PONG"
        - send: "QUIT"
  tcp_starttls:
    prober: tcp
    timeout: 3s
    tcp:
      preferred_ip_protocol: ip4
      query_response:
        - expect: "^220"
        - send: "STARTTLS"
        - expect: "^220 go ahead"
          starttls: true
        - expect: "^250"
      tls_config:
        insecure_skip_verify: true
  tcp_tls:
    prober: tcp
    timeout: 3s
    tcp:
      preferred_ip_protocol: ip4
      tls: true
      tls_config:
        insecure_skip_verify: %(insecure)s
      query_response:
        - expect: "^OK tls"
  tcp_source:
    prober: tcp
    timeout: 2s
    tcp:
      preferred_ip_protocol: ip4
      source_ip_address: 127.0.0.%(src)d
  tcp_bad_source:
    prober: tcp
    timeout: 2s
    tcp:
      preferred_ip_protocol: ip4
      source_ip_address: 127.0.0.300
  icmp:
    prober: icmp
    timeout: 2s
    icmp:
      preferred_ip_protocol: ip4
  icmp_ttl:
    prober: icmp
    timeout: 2s
    icmp:
      preferred_ip_protocol: ip4
      ttl: %(ttl)d
      payload_size: %(payload)d
      dont_fragment: true
  icmp_source:
    prober: icmp
    timeout: 2s
    icmp:
      preferred_ip_protocol: ip4
      source_ip_address: 127.0.0.%(src)d
  icmp_ip6:
    prober: icmp
    timeout: 2s
    icmp:
      ip_protocol_fallback: false
  dns_a:
    prober: dns
    timeout: 3s
    dns:
      preferred_ip_protocol: ip4
      query_name: www.example.test
      query_type: A
      valid_rcodes: [NOERROR]
      validate_answer_rrs:
        fail_if_not_matches_regexp: ["www\\\\.example\\\\.test\\\\.\\\\t300\\\\tIN\\\\tA\\\\t127\\\\.0\\\\.0\\\\..*"]
        fail_if_all_match_regexp: [".*127\\\\.0\\\\.1\\\\..*"]
      validate_authority_rrs:
        fail_if_matches_regexp: [".*evil.*"]
  dns_mx_tcp:
    prober: dns
    timeout: 3s
    dns:
      preferred_ip_protocol: ip4
      transport_protocol: tcp
      query_name: example.test
      query_type: MX
      validate_answer_rrs:
        fail_if_none_matches_regexp: [".*mail\\\\.example\\\\.test.*"]
  dns_txt:
    prober: dns
    timeout: 3s
    dns:
      preferred_ip_protocol: ip4
      query_name: txt.example.test
      query_type: TXT
      validate_answer_rrs:
        fail_if_matches_regexp: [".*hello.*"]
  dns_soa:
    prober: dns
    timeout: 3s
    dns:
      preferred_ip_protocol: ip4
      query_name: example.test
      query_type: SOA
      recursion_desired: false
      validate_additional_rrs:
        fail_if_matches_regexp: [".*bogus.*"]
  dns_nxdomain:
    prober: dns
    timeout: 3s
    dns:
      preferred_ip_protocol: ip4
      query_name: nothing.invalid
      query_type: A
      valid_rcodes: [NXDOMAIN]
  dns_strict:
    prober: dns
    timeout: 3s
    dns:
      preferred_ip_protocol: ip4
      query_name: %(dnsname)s
      query_type: A
  dns_slow:
    prober: dns
    timeout: 2s
    dns:
      preferred_ip_protocol: ip4
      query_name: slow.example.test
      query_type: A
  grpc_plain:
    prober: grpc
    timeout: 3s
    grpc:
      tls: false
      preferred_ip_protocol: ip4
  grpc_service:
    prober: grpc
    timeout: 3s
    grpc:
      tls: false
      service: %(service)s
      preferred_ip_protocol: ip4
  grpc_tls:
    prober: grpc
    timeout: 3s
    grpc:
      tls: true
      preferred_ip_protocol: ip4
      tls_config:
        insecure_skip_verify: %(insecure)s
%(extra)s"""

def main():
    variant, path = sys.argv[1], sys.argv[2]
    v = dict(allow=random.choice(["true", "false"]), ca="/work/round27/blackbox/run/cert.pem",
             limit=random.choice(["64B", "1KiB", "4KiB"]), password=random.choice(["secret", "secret", "wrong"]),
             insecure=random.choice(["true", "true", "false"]), src=random.choice([1, 5, 9]),
             ttl=random.choice([1, 5, 64]), payload=random.choice([56, 1400, 9000]),
             dnsname=random.choice(["broken.example.test", "www.example.test", "api.example.test"]),
             service=random.choice(["orders", "billing", "unknown-svc"]), extra="")
    if variant == "alt":
        v["extra"] = """  http_extra_%d:
    prober: http
    timeout: 1s
""" % random.randint(1, 99)
    text = BASE % v
    if variant == "broken-yaml":
        text += "  bad_module:\n    prober: http\n   timeout: [oops\n"
    elif variant == "broken-regexp":
        text += "  bad_regexp:\n    prober: http\n    http:\n      fail_if_body_matches_regexp: [\"(unclosed\"]\n"
    elif variant == "broken-prober":
        text += "  bad_prober:\n    prober: smtp\n"
    elif variant == "broken-field":
        text += "  bad_field:\n    prober: tcp\n    tcp:\n      no_such_option: 1\n"
    elif variant == "broken-timeout":
        text += "  bad_timeout:\n    prober: tcp\n    timeout: soon\n"
    elif variant == "broken-dns":
        text += "  bad_dns:\n    prober: dns\n    dns:\n      query_type: BOGUS\n"
    open(path, "w").write(text)

main()
