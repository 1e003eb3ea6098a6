# Puma single-mode configuration used for part of the run
directory "/work/round31/puma"
rackup "/work/round31/puma/config.ru"
environment "development"
bind "tcp://127.0.0.1:25081"
threads 0, 4
pidfile "/tmp/round31-r31f/puma/puma.pid"
state_path "/tmp/round31-r31f/puma/puma.state"
stdout_redirect "/work/round31/puma/puma.log", "/work/round31/puma/puma.log", true
activate_control_app "tcp://127.0.0.1:25082", { auth_token: "r31f" }
log_requests true
debug
first_data_timeout 3
persistent_timeout 2
