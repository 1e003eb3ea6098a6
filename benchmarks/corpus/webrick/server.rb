require 'webrick'
require 'webrick/httpproxy'
dir = File.expand_path(__dir__)
logger = WEBrick::Log.new($stderr, WEBrick::Log::DEBUG)
srv = WEBrick::HTTPServer.new(Port: 37200, BindAddress: '127.0.0.1', Logger: logger,
  DocumentRoot: File.join(dir, 'docroot'), RequestTimeout: 3,
  DocumentRootOptions: { FancyIndexing: true, UserDir: 'public_html' })
srv.mount_proc('/ok') { |req, res| res.body = "ok #{req.query['n']}\n" }
srv.mount_proc('/boom') { |req, res| raise ArgumentError, "bad value #{req.query['n']}" }
srv.mount_proc('/nil') { |req, res| nil.fetch }
srv.mount_proc('/deny') { |req, res| raise WEBrick::HTTPStatus::Forbidden, "denied #{req.path}" }
srv.mount_proc('/chunk') { |req, res| res.chunked = true; res.body = "chunked\n" }
srv.mount_proc('/nolen') { |req, res| r, w = IO.pipe; w.write("pipe\n"); w.close; res.body = r }
srv.mount_proc('/redir') { |req, res| res.set_redirect(WEBrick::HTTPStatus::Found, '/ok') }
srv.mount_proc('/post') { |req, res| res.body = "got #{req.body.to_s.bytesize}\n" }
srv.mount('/cgi', WEBrick::HTTPServlet::CGIHandler, File.join(dir, 'cgi', 'bad.cgi'))
srv.mount('/cgiok', WEBrick::HTTPServlet::CGIHandler, File.join(dir, 'cgi', 'ok.cgi'))
srv.mount('/abstract', WEBrick::HTTPServlet::AbstractServlet)
htpasswd = WEBrick::HTTPAuth::Htpasswd.new(File.join(dir, 'htpasswd'))
basic = WEBrick::HTTPAuth::BasicAuth.new(Realm: 'basicrealm', UserDB: htpasswd, Logger: logger)
srv.mount_proc('/secret') { |req, res| basic.authenticate(req, res); res.body = "secret\n" }
htdigest = WEBrick::HTTPAuth::Htdigest.new(File.join(dir, 'htdigest'))
digest = WEBrick::HTTPAuth::DigestAuth.new(Realm: 'digestrealm', UserDB: htdigest, Logger: logger)
srv.mount_proc('/digest') { |req, res| digest.authenticate(req, res); res.body = "digest\n" }
srv.mount_proc('/remount') { |req, res|
  srv.unmount('/tmpmnt'); srv.mount_proc('/tmpmnt') { |q, r| r.body = "tmp\n" }; res.body = "remounted\n" }
proxy = WEBrick::HTTPProxyServer.new(Port: 37201, BindAddress: '127.0.0.1', Logger: logger, RequestTimeout: 3)
old = WEBrick::HTTPServer.new(Port: 37202, BindAddress: '127.0.0.1', Logger: logger, RequestTimeout: 3,
  RequestHandler: proc { |req, res| res['x-old'] = '1' })
old.mount_proc('/') { |req, res| res.body = "old\n" }
trap('TERM') { srv.shutdown; proxy.shutdown; old.shutdown }
trap('INT') { srv.shutdown; proxy.shutdown; old.shutdown }
ts = [Thread.new { proxy.start }, Thread.new { old.start }]
srv.start
ts.each(&:join)
