# Small Rack app served by Puma (it does no logging of its own).
run lambda { |env|
  path = env["PATH_INFO"]
  case path
  when "/" then [200, {"Content-Type" => "text/plain"}, ["ok\n"]]
  when %r{\A/items/(\d+)\z} then [200, {"Content-Type" => "application/json"}, [%({"id":#{$1}}\n)]]
  when "/echo" then body = env["rack.input"].read; [200, {"Content-Type" => "text/plain"}, [body]]
  when "/slow" then sleep(rand * 1.5); [200, {"Content-Type" => "text/plain"}, ["slow\n"]]
  when "/hang" then sleep 30; [200, {}, ["late\n"]]
  when "/error" then raise ArgumentError, "bad parameter #{env["QUERY_STRING"]}"
  when "/nomethod" then nil.fetch(:x)
  when "/badresponse" then [200, {"Content-Type" => "text/plain"}, nil]
  when "/redirect" then [302, {"Location" => "/"}, []]
  when "/big" then [200, {"Content-Type" => "text/plain"}, ["x" * 200_000]]
  else [404, {"Content-Type" => "text/plain"}, ["not found\n"]]
  end
}
