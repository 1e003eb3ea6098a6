vcl 4.1;
import std;
backend default { .host = "127.0.0.1"; .port = "35910"; .probe = { .url = "/"; .interval = 2s; .timeout = 1s; .window = 3; .threshold = 2; } }
backend dead { .host = "127.0.0.1"; .port = "35911"; }
sub vcl_recv {
  if (req.url ~ "^/dead") { set req.backend_hint = dead; }
  if (req.url ~ "^/purge") { return (purge); }
  if (req.url ~ "^/pipe") { return (pipe); }
  if (req.url ~ "^/synth") { return (synth(std.integer(regsub(req.url, "^/synth/", ""), 418))); }
}
