# Minimal PSGI app for the starman workload (no logging of its own).
use strict;
my $app = sub {
    my $env = shift;
    my $p = $env->{PATH_INFO};
    if ($p eq '/') { return [200, ['Content-Type' => 'text/plain'], ["ok\n"]] }
    if ($p eq '/echo') {
        my $in = $env->{'psgi.input'}; my $body = '';
        while ($in->read(my $buf, 8192)) { $body .= $buf }
        return [200, ['Content-Type' => 'text/plain'], [$body]];
    }
    if ($p eq '/die') { die "boom in handler\n" }
    if ($p eq '/die2') { my $h = undef; return $h->{x}->method() }
    if ($p eq '/slow') { select(undef, undef, undef, 0.3 + rand()); return [200, ['Content-Type' => 'text/plain'], ["slow\n"]] }
    if ($p eq '/stream') {
        return sub { my $w = shift->([200, ['Content-Type' => 'text/plain']]); $w->write("part$_\n") for 1..3; $w->close };
    }
    if ($p eq '/big') { return [200, ['Content-Type' => 'text/plain'], ['x' x (50000 + int rand 200000)]] }
    if ($p eq '/bad') { return [200, ['Content-Type', 'text/plain', 'X-Odd'], ["bad headers\n"]] }
    if ($p eq '/auth') {
        my $a = $env->{HTTP_AUTHORIZATION} || '';
        return $a eq 'Basic YWxpY2U6czNjcmV0' ? [200, ['Content-Type' => 'text/plain'], ["welcome\n"]]
             : [401, ['Content-Type' => 'text/plain', 'WWW-Authenticate' => 'Basic realm="r35"'], ["denied\n"]];
    }
    return [404, ['Content-Type' => 'text/plain'], ["not found\n"]];
};
