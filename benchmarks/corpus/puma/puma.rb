# Puma cluster configuration (logs go to puma.log via stdout_redirect)
directory "/work/round31/puma"
rackup "/work/round31/puma/config.ru"
environment "production"
bind "tcp://127.0.0.1:25081"
workers Integer(ENV.fetch("PUMA_WORKERS", "2"))
threads 1, 3
pidfile "/tmp/round31-r31f/puma/puma.pid"
state_path "/tmp/round31-r31f/puma/puma.state"
stdout_redirect "/work/round31/puma/puma.log", "/work/round31/puma/puma.log", true
activate_control_app "tcp://127.0.0.1:25082", { auth_token: "r31f" }
log_requests true
debug
worker_timeout 6
worker_boot_timeout 20
worker_shutdown_timeout 3
first_data_timeout 3
persistent_timeout 2
max_fast_inline 2
