# nsca-ng server config for the workload
listen = "127.0.0.1:45101"
command_file = "@RUN@/nagios.cmd"
temp_directory = "@RUN@/tmp"
pid_file = "@RUN@/nsca-ng.pid"
log_level = 5
timeout = 4
max_command_size = 4096
max_queue_size = 1

authorize "web01" {
	password = "web01-secret-key"
	hosts = "web01"
	services = { "HTTP@web01", "Disk.*@web01", "Load@web01" }
}
authorize "db02" {
	password = "db02-other-key"
	hosts = { "db02", "db02-replica" }
	services = { ".*@db02", "Replication@db02-replica" }
}
authorize "admin" {
	password = "admin-master-key"
	commands = { "SCHEDULE_.*", "ACKNOWLEDGE_.*", "DISABLE_.*", "ENABLE_.*" }
	hosts = ".*"
}
authorize "readonly" {
	password = "readonly-key-123"
	commands = "NONEXISTENT_NEVER"
}
