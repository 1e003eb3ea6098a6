#!/usr/bin/perl
# Small inventory service used to exercise Mojolicious logging (round31 r31g)
use Mojolicious::Lite -signatures;
use Mojo::IOLoop;

my $state = $ENV{R31G_STATE} // '/tmp/round31-r31g/mojo';
die "Refusing to start: maintenance flag present\n" if -e "$state/broken";
app->log->path("$state/mojo.log");
app->log->level('trace');
app->secrets(['r31g-not-secret-1']) unless $ENV{R31G_NOSECRET};
app->config(hypnotoad => {
  listen             => ['http://127.0.0.1:26100'],
  workers            => 2,
  pid_file           => $ENV{R31G_PIDFILE} // "$state/hypnotoad.pid",
  heartbeat_interval => 1,
  heartbeat_timeout  => 4,
  graceful_timeout   => 3,
  inactivity_timeout => 3,
  upgrade_timeout    => 20,
  accepts            => 150,
  clients            => 20,
});

my %items = (1 => {name => 'bolt', qty => 40}, 2 => {name => 'nut', qty => 12}, 3 => {name => 'washer', qty => 0});

get '/' => sub ($c) { $c->render(template => 'index', count => scalar keys %items) };

get '/hello/:name' => sub ($c) {
  my $name = $c->param('name');
  $c->app->log->debug("Greeting $name");
  $c->render(text => "Hello $name!");
};

get '/items' => sub ($c) { $c->render(json => \%items) };

get '/items/:id' => sub ($c) {
  my $id = $c->param('id');
  my $item = $items{$id};
  unless ($item) {
    $c->log->warn("Item $id does not exist");
    return $c->render(json => {error => 'no such item'}, status => 404);
  }
  $c->log->info("Item $id has only $item->{qty} left") if $item->{qty} < 5;
  $c->render(json => $item);
};

post '/items' => sub ($c) {
  my $v = $c->validation;
  $v->required('name')->like(qr/^\w{2,20}$/);
  $v->required('qty')->num(0, 1000);
  if ($v->has_error) {
    $c->log->info('Rejected item: invalid ' . join(',', @{$v->failed}));
    return $c->render(json => {error => 'invalid'}, status => 400);
  }
  my $id = 1 + (sort { $b <=> $a } keys %items)[0];
  $items{$id} = {name => $v->param('name'), qty => $v->param('qty')};
  $c->log->info("Created item $id ($items{$id}{name})");
  $c->render(json => {id => $id}, status => 201);
};

del '/items/:id' => sub ($c) {
  my $id = $c->param('id');
  delete $items{$id} ? $c->log->info("Deleted item $id") : $c->log->warn("Cannot delete missing item $id");
  $c->rendered(204);
};

post '/login' => sub ($c) {
  my $user = $c->param('user') // '';
  my $pass = $c->param('pass') // '';
  if ($pass eq "secret-$user") {
    $c->session(user => $user);
    $c->log->info("User $user logged in");
    return $c->render(text => 'welcome');
  }
  $c->log->warn("Failed login for user $user");
  $c->render(text => 'denied', status => 401);
};

get '/me' => sub ($c) {
  my $user = $c->session('user');
  return $c->render(text => 'anonymous', status => 403) unless $user;
  $c->render(text => "you are $user");
};

get '/logout' => sub ($c) { $c->session(expires => 1); $c->redirect_to('/') };

get '/report' => sub ($c) { $c->render(template => 'report', format => 'txt') };

get '/nosuch' => sub ($c) { $c->render(template => 'does/not/exist') };

get '/inline' => sub ($c) { $c->render(inline => 'Inline <%= $n %>', n => int rand 100) };

get '/die' => sub ($c) { die "Intentional failure number " . int(rand 1000) . "\n" };

get '/crash' => sub ($c) { my $h; $h->{x}->method_on_undef };

get '/slow' => sub ($c) {
  my $ms = int(rand 400);
  Mojo::IOLoop->timer($ms / 1000 => sub { $c->render(text => "slept $ms ms") });
};

get '/block' => sub ($c) {
  my $s = $c->param('s') // 1;
  $c->log->warn("Blocking worker for $s seconds");
  my $end = time + $s;
  1 while time < $end;    # busy, so the worker misses its heartbeats
  $c->render(text => "blocked $s");
};

get '/bigcookie' => sub ($c) { $c->cookie(big => 'x' x 5000); $c->render(text => 'ok') };

get '/signed' => sub ($c) {
  my $v = $c->signed_cookie('token');
  $c->signed_cookie(token => 'v' . int rand 99) unless defined $v;
  $c->render(text => $v // 'none');
};

get '/handler' => sub ($c) { $c->render(template => 'index', count => 0, handler => 'nonexistent') };

get '/proxy' => sub ($c) {
  my $url = $c->param('ok') ? 'http://127.0.0.1:26100/items' : 'http://127.0.0.1:26199/nothing';
  $c->log->debug("Forwarding request to $url");
  $c->proxy->get_p($url)->catch(sub ($e) {
    $c->log->error("Proxy to backend failed: $e");
    $c->render(text => "proxy failed", status => 502);
  });
};

websocket '/ws' => sub ($c) {
  $c->log->debug('WebSocket opened');
  $c->on(message => sub ($c, $msg) { $c->log->debug("WebSocket message: $msg"); $c->send("echo: $msg") });
  $c->on(finish  => sub ($c, $code, $reason = undef) { $c->log->debug("WebSocket closed with status $code") });
};

app->max_request_size(262144);
app->start;
__DATA__
@@ index.html.ep
<h1>Inventory</h1><p><%= $count %> items</p>
@@ report.txt.ep
% for my $i (1 .. 3) {
line <%= $i %>
% }
