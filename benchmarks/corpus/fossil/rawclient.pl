#!/usr/bin/perl
# Malformed / odd HTTP clients for workload.sh: rawclient.pl MODE PORT
use strict; use warnings; use IO::Socket::INET;
my ($mode, $port) = @ARGV;
my $s = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $port, Timeout => 5) or exit 0;
my %req = (
  badline => "HELLO THERE\r\n\r\n",
  nouri   => "GET\r\n\r\n",
  proto   => "GET /alpha/timeline SPDY/9\r\nHost: x\r\n\r\n",
  badlen  => "POST /alpha/xfer HTTP/1.0\r\nHost: x\r\nContent-Type: application/x-fossil\r\nContent-Length: 99999\r\n\r\nabc",
  xfer    => "POST /alpha/xfer HTTP/1.0\r\nHost: x\r\nContent-Type: application/x-fossil-uncompressed\r\nContent-Length: 24\r\n\r\npull 0123456789abcdef 1\n",
  hangup  => "GET /alpha/timeline HTTP/1.1\r\nHost: x\r\n",
);
print $s $req{$mode} // "\r\n";
if ($mode eq 'hangup') { close $s; exit 0 }
local $SIG{ALRM} = sub { exit 0 }; alarm 10;
1 while sysread($s, my $b, 65536);
