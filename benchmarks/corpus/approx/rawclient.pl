#!/usr/bin/perl
# Malformed HTTP clients for workload.sh: rawclient.pl MODE PORT
use strict; use warnings; use IO::Socket::INET;
my ($mode, $port) = @ARGV;
my $s = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $port, Timeout => 5) or exit 0;
my %req = (
  badline  => "GARBAGE\r\n\r\n",
  longline => "GET /debian/" . ('x' x 70000) . " HTTP/1.1\r\nHost: x\r\n\r\n",
  proto    => "GET /debian/dists/bookworm/Release.gpg HTTP/7.1\r\nHost: x\r\n\r\n",
  eof      => "GET /debian/dists/bookworm/Release.gpg HTTP/1.1\r\nHost: x\r\n",
  badhdr   => "GET /debian/dists/bookworm/Release.gpg HTTP/1.1\r\nHost: x\r\nthis is no header\r\n\r\n",
  badlen   => "GET /robots.txt HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
  delete   => "DELETE /debian/dists/bookworm/Release.gpg HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
);
print $s $req{$mode} // "\r\n";
shutdown($s, 1) if $mode eq 'eof';
local $SIG{ALRM} = sub { exit 0 }; alarm 8;
1 while sysread($s, my $b, 65536);
