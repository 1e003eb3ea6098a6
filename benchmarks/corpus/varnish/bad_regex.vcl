vcl 4.1;
backend b { .host = "127.0.0.1"; .port = "35910"; }
sub vcl_recv { if (req.url ~ "(") { return (pass); } }
sub foo { }
