# Deliberately broken configuration: rackup file that does not exist
directory "/work/round31/puma"
rackup "/work/round31/puma/missing.ru"
bind "tcp://127.0.0.1:25081"
stdout_redirect "/work/round31/puma/puma.log", "/work/round31/puma/puma.log", true
debug
