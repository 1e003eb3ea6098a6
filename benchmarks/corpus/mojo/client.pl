#!/usr/bin/perl
# Raw and WebSocket clients for workload.sh: client.pl MODE [PORT]
use strict; use warnings;
use IO::Socket::INET;
my ($mode, $port) = (shift, shift // 26100);
sub conn { IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $port, Timeout => 5) or exit 0 }
sub drain { my $s = shift; local $SIG{ALRM} = sub { die "t\n" }; alarm(shift // 3); eval { 1 while sysread($s, my $b, 65536) }; alarm 0 }
if ($mode eq 'bigheader') {
  my $s = conn(); print $s "GET /items HTTP/1.1\r\nHost: x\r\nX-Junk: " . ('a' x 9000) . "\r\n\r\n"; drain($s);
} elsif ($mode eq 'bigline') {
  my $s = conn(); print $s "GET /" . ('p' x 9000) . " HTTP/1.1\r\nHost: x\r\n\r\n"; drain($s);
} elsif ($mode eq 'bigbody') {
  my $n = 300000 + int rand 100000;
  my $s = conn(); print $s "POST /items HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: $n\r\n\r\n" . ('name=' . 'z' x ($n - 5)); drain($s);
} elsif ($mode eq 'idle') {
  my $s = conn(); print $s "GET /items HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab"; drain($s, 6);
} elsif ($mode eq 'garbage') {
  my $s = conn(); print $s "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" . join('', map { chr int rand 256 } 1 .. 200) . "\r\n\r\n"; drain($s);
} elsif ($mode eq 'reset') {
  my $s = conn(); print $s "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"; setsockopt($s, SOL_SOCKET, SO_LINGER, pack('ii', 1, 0)); close $s;
} elsif ($mode eq 'ws') {
  require Mojo::UserAgent; require Mojo::IOLoop;
  my $ua = Mojo::UserAgent->new;
  my $n = 1 + int rand 4;
  $ua->websocket("ws://127.0.0.1:$port/ws" => sub {
    my ($ua, $tx) = @_;
    return Mojo::IOLoop->stop unless $tx->is_websocket;
    $tx->on(message => sub { my ($tx, $m) = @_; if (--$n > 0) { $tx->send('msg' . int rand 1000) } else { $tx->finish(1000 + int rand 2) } });
    $tx->on(finish => sub { Mojo::IOLoop->stop });
    $tx->send('hello' . int rand 1000);
  });
  Mojo::IOLoop->timer(5 => sub { Mojo::IOLoop->stop });
  Mojo::IOLoop->start;
}
