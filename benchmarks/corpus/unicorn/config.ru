# small Rack app driven by workload.sh
require 'logger'
unless defined?(APPLOG)
  APPLOG = Logger.new($stderr)
  APPLOG.progname = 'app'
end

run lambda { |env|
  req = Rack::Request.new(env)
  case req.path_info
  when '/'
    [200, { 'Content-Type' => 'text/plain' }, ["hello from #{$$}\n"]]
  when '/echo'
    body = env['rack.input'].read
    APPLOG.info("echo received #{body.bytesize} bytes")
    [200, { 'Content-Type' => 'application/octet-stream' }, [body]]
  when '/sleep'
    s = (req.params['s'] || '1').to_f
    APPLOG.warn("slow request, sleeping #{s}s")
    sleep s
    [200, { 'Content-Type' => 'text/plain' }, ["slept #{s}\n"]]
  when '/boom'
    APPLOG.error("about to fail request #{req.query_string}")
    raise "boom requested (#{req.query_string})"
  when '/div'
    n = req.params['n'].to_i
    [200, { 'Content-Type' => 'text/plain' }, ["#{100 / n}\n"]]
  when '/key'
    h = { 'a' => 1 }
    [200, { 'Content-Type' => 'text/plain' }, ["#{h.fetch(req.params['k'].to_s)}\n"]]
  when '/exit'
    code = (req.params['code'] || '3').to_i
    APPLOG.fatal("worker exiting on request with code #{code}")
    exit!(code)
  when '/chunked'
    n = (req.params['n'] || '3').to_i
    [200, { 'Content-Type' => 'text/plain' }, (1..n).map { |i| "chunk #{i}\n" }]
  when '/debug'
    APPLOG.debug("debug probe from #{req.ip} ua=#{req.user_agent.inspect}")
    [204, {}, []]
  else
    APPLOG.info("no route for #{req.request_method} #{req.path_info}")
    [404, { 'Content-Type' => 'text/plain' }, ["not found\n"]]
  end
}
