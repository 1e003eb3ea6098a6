import os
D = "/work/round39/jupyterhub"
T = "/tmp/round39-r39f/jh"
c = get_config()
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = 52520
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = 52521
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:52522"
c.ConfigurableHTTPProxy.command = ["/tmp/round39-r39f/npm/bin/configurable-http-proxy"]
c.ConfigurableHTTPProxy.pid_file = T + "/proxy.pid"
c.JupyterHub.db_url = "sqlite:///" + T + "/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = T + "/cookie_secret"
c.JupyterHub.pid_file = T + "/jupyterhub.pid"
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = os.environ.get("R39F_PW", "pw")
c.Authenticator.allow_all = True
c.Authenticator.admin_users = {"admin"}
c.JupyterHub.spawner_class = "simple"
c.Spawner.cmd = ["/tmp/round39-r39f/venv-jh/bin/python", D + "/fakeserver.py"]
c.Spawner.start_timeout = 6
c.Spawner.http_timeout = 8
c.JupyterHub.last_activity_interval = 20
c.JupyterHub.services = [{"name": "wl", "api_token": "r39f-workload-token-0123456789abcdef", "admin": True}]
c.JupyterHub.load_roles = [{"name": "wl-admin", "services": ["wl"], "scopes": ["admin:users", "admin:servers", "list:users", "read:users", "tokens", "access:servers"]}]
c.ConfigurableHTTPProxy.debug = True
c.ConfigurableHTTPProxy.check_running_interval = 4
c.Spawner.poll_interval = 5
c.Spawner.default_url = "/tree"
USERS = ["alice", "bob", "carol", "dave", "erin", "badfrank", "slowgus"]
def pre_spawn_hook(spawner):
    # each user's server gets a fixed port of its own in 52530-52539
    name = spawner.user.name
    spawner.port = 52530 + (USERS.index(name) if name in USERS else 9)
    # users whose names start with "bad" get a server that exits at once, "slow" ones one that never listens
    if spawner.user.name.startswith("bad"):
        spawner.cmd = ["/bin/false"]
    elif spawner.user.name.startswith("slow"):
        spawner.cmd = ["/bin/sleep", "60"]
c.Spawner.pre_spawn_hook = pre_spawn_hook
