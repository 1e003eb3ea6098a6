-- private prosody for the biboumi workload
run_as_root = true
daemonize = false
pidfile = "/work/round29/biboumi/run/prosody.pid"
data_path = "/work/round29/biboumi/run/prosody-data"
plugin_paths = {}
admins = {}
modules_enabled = { "roster"; "saslauth"; "disco"; "ping"; "register"; "dialback"; "posix"; }
modules_disabled = { "s2s"; "tls"; }
c2s_ports = { 27001 }
c2s_interfaces = { "127.0.0.1" }
component_ports = { 27002 }
component_interface = "127.0.0.1"
s2s_ports = {}
http_ports = {}
https_ports = {}
c2s_require_encryption = false
allow_unencrypted_plain_auth = true
authentication = "internal_plain"
storage = "internal"
allow_registration = false
log = { info = "/work/round29/biboumi/run/prosody.log"; }
VirtualHost "localhost"
Component "irc.localhost"
  component_secret = "bibsecret"
