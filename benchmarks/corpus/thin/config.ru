# Small Rack app served by Thin; Rack::CommonLogger writes the access lines to rack.errors.
use Rack::CommonLogger
run lambda { |env|
  path = env["PATH_INFO"]
  case path
  when "/" then [200, {"Content-Type" => "text/plain"}, ["ok\n"]]
  when %r{\A/items/(\d+)\z} then [200, {"Content-Type" => "application/json"}, [%({"id":#{$1}}\n)]]
  when "/echo" then body = env["rack.input"].read; [200, {"Content-Type" => "text/plain"}, [body]]
  when "/slow" then sleep(rand * 1.5); [200, {"Content-Type" => "text/plain"}, ["slow\n"]]
  when "/hang" then sleep 20; [200, {}, ["late\n"]]
  when "/error" then raise ArgumentError, "bad parameter #{env["QUERY_STRING"]}"
  when "/nomethod" then nil.fetch(:x)
  when "/nilbody" then [200, {"Content-Type" => "text/plain"}, nil]
  when "/badstatus" then ["abc", {"Content-Type" => "text/plain"}, ["?"]]
  when "/redirect" then [302, {"Location" => "/"}, []]
  when "/big" then [200, {"Content-Type" => "text/plain"}, ["x" * 200_000]]
  else [404, {"Content-Type" => "text/plain"}, ["not found\n"]]
  end
}
