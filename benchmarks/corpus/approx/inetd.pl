#!/usr/bin/perl
# Minimal inetd replacement: runs one approx process per TCP connection (stdin/stdout = socket),
# as user approx; while the flag file exists it (wrongly) runs it as root.
use strict; use warnings; use IO::Socket::INET;
my ($port, $flag) = @ARGV;
my $l = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => $port, Listen => 64, ReuseAddr => 1) or die "listen: $!";
$SIG{CHLD} = 'IGNORE';
while (1) {
  my $c = $l->accept or next;
  my $pid = fork;
  if (defined $pid && $pid == 0) {
    $SIG{CHLD} = "DEFAULT"; close $l; open(STDIN, '<&', $c) or exit 1; open(STDOUT, '>&', $c) or exit 1; close $c;
    my @cmd = ('/usr/sbin/approx');
    unshift @cmd, qw(setpriv --reuid=approx --regid=approx --init-groups) unless -e $flag;
    exec @cmd or exit 1;
  }
  close $c;
}
