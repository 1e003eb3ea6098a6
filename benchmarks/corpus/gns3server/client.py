#!/usr/bin/env python3
"""Randomised REST client for the GNS3 server (v3 API) used by workload.sh."""
import json, random, sys, time, urllib.request, urllib.error

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:38110/v3"
STEPS = int(sys.argv[2]) if len(sys.argv) > 2 else 60
R = random.Random()

def call(method, path, body=None, token=None, raw=None, ctype="application/json", form=None):
    data = None
    headers = {}
    if form is not None:
        data = form.encode(); headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif raw is not None:
        data = raw if isinstance(raw, bytes) else raw.encode(); headers["Content-Type"] = ctype
    elif body is not None:
        data = json.dumps(body).encode(); headers["Content-Type"] = ctype
    if token:
        headers["Authorization"] = "Bearer " + token
    req = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            txt = r.read()
            try:
                return r.status, json.loads(txt) if txt else None
            except ValueError:
                return r.status, None
    except urllib.error.HTTPError as e:
        e.read(); return e.code, None
    except Exception as e:
        return 0, None

def login(user, pw):
    st, js = call("POST", "/access/users/login", form=f"username={user}&password={pw}")
    return js["access_token"] if st == 200 and js else None

ADMIN = login("admin", "adminpass")
if not ADMIN:
    print("no admin token"); sys.exit(1)
st, templates = call("GET", "/templates", token=ADMIN)
TPL = {t["template_type"]: t["template_id"] for t in (templates or [])}
projects, nodes, links, drawings, snaps, users = [], {}, {}, {}, {}, []
words = ["lab", "core", "edge", "campus", "dc", "wan", "test", "demo", "branch", "ospf", "bgp", "mpls"]

def pname():
    return f"{R.choice(words)}-{R.choice(words)}-{R.randint(1, 999)}"

def new_project():
    name = pname()
    st, js = call("POST", "/projects", {"name": name, "auto_close": R.random() < 0.5}, ADMIN)
    if st == 201:
        projects.append(js["project_id"]); nodes[js["project_id"]] = []; links[js["project_id"]] = []
        drawings[js["project_id"]] = []; snaps[js["project_id"]] = []
        if R.random() < 0.3:   # same name again -> conflict
            call("POST", "/projects", {"name": name}, ADMIN)

def P():
    return R.choice(projects) if projects else None

def add_node():
    p = P()
    if not p: return
    kind = R.choice(["ethernet_switch", "ethernet_hub", "cloud", "vpcs", "frame_relay_switch", "atm_switch", "nat", "direct"])
    if kind == "direct":
        body = {"name": f"SW{R.randint(1,99)}", "node_type": R.choice(["ethernet_switch", "ethernet_hub", "qemu", "docker", "iou"]),
                "compute_id": R.choice(["local", "local", "nosuchcompute"]), "x": R.randint(-300, 300), "y": R.randint(-300, 300)}
        if body["node_type"] == "qemu": body["properties"] = {"hda_disk_image": "missing.qcow2"}
        if body["node_type"] == "docker": body["properties"] = {"image": "alpine:latest"}
        st, js = call("POST", f"/projects/{p}/nodes", body, ADMIN)
    else:
        tid = TPL.get(kind)
        st, js = call("POST", f"/projects/{p}/templates/{tid}", {"x": R.randint(-300, 300), "y": R.randint(-300, 300)}, ADMIN)
    if st in (200, 201) and js:
        nodes[p].append(js["node_id"])

def node_action():
    p = P()
    if not p or not nodes.get(p): return
    n = R.choice(nodes[p])
    act = R.choice(["start", "stop", "suspend", "reload", "get", "update", "duplicate", "delete", "isolate", "links", "badput"])
    if act in ("start", "stop", "suspend", "reload", "isolate"):
        call("POST", f"/projects/{p}/nodes/{n}/{act}", {}, ADMIN)
    elif act == "get":
        call("GET", f"/projects/{p}/nodes/{n}", token=ADMIN)
    elif act == "update":
        call("PUT", f"/projects/{p}/nodes/{n}", {"name": f"N{R.randint(1,999)}", "x": R.randint(-200, 200)}, ADMIN)
    elif act == "badput":
        call("PUT", f"/projects/{p}/nodes/{n}", {"x": "left", "console": -5}, ADMIN)
    elif act == "duplicate":
        st, js = call("POST", f"/projects/{p}/nodes/{n}/duplicate", {"x": 5, "y": 5}, ADMIN)
        if st in (200, 201) and js: nodes[p].append(js["node_id"])
    elif act == "delete":
        if call("DELETE", f"/projects/{p}/nodes/{n}", token=ADMIN)[0] == 204: nodes[p].remove(n)
    elif act == "links":
        call("GET", f"/projects/{p}/nodes/{n}/links", token=ADMIN)
    if R.random() < 0.2:
        call("POST", f"/projects/{p}/nodes/start", {}, ADMIN) if R.random() < 0.5 else call("POST", f"/projects/{p}/nodes/stop", {}, ADMIN)

def add_link():
    p = P()
    if not p or len(nodes.get(p, [])) < 2: return
    a, b = R.sample(nodes[p], 2)
    body = {"nodes": [{"node_id": a, "adapter_number": 0, "port_number": R.randint(0, 3)},
                      {"node_id": b, "adapter_number": 0, "port_number": R.randint(0, 3)}]}
    st, js = call("POST", f"/projects/{p}/links", body, ADMIN)
    if st == 201 and js:
        links[p].append(js["link_id"])
    if links[p] and R.random() < 0.5:
        l = R.choice(links[p])
        act = R.choice(["delete", "filters", "capture", "reset", "get"])
        if act == "delete":
            call("DELETE", f"/projects/{p}/links/{l}", token=ADMIN); links[p].remove(l)
        elif act == "filters":
            call("PUT", f"/projects/{p}/links/{l}", {"filters": {"frequency_drop": [R.randint(1, 50)]}}, ADMIN)
        elif act == "capture":
            call("POST", f"/projects/{p}/links/{l}/capture/start", {}, ADMIN)
        elif act == "reset":
            call("POST", f"/projects/{p}/links/{l}/reset", {}, ADMIN)
        else:
            call("GET", f"/projects/{p}/links/{l}", token=ADMIN)

def drawing():
    p = P()
    if not p: return
    svg = f'<svg height="{R.randint(50,200)}" width="{R.randint(50,200)}"><rect fill="#ff0000" height="50" width="50"/></svg>'
    st, js = call("POST", f"/projects/{p}/drawings", {"svg": svg, "x": R.randint(0, 100), "y": 10, "z": 1}, ADMIN)
    if st == 201 and js:
        drawings[p].append(js["drawing_id"])
    if drawings[p] and R.random() < 0.4:
        d = R.choice(drawings[p])
        if R.random() < 0.5:
            call("PUT", f"/projects/{p}/drawings/{d}", {"rotation": R.randint(0, 359)}, ADMIN)
        else:
            call("DELETE", f"/projects/{p}/drawings/{d}", token=ADMIN); drawings[p].remove(d)

def project_action():
    p = P()
    if not p: return
    act = R.choice(["close", "open", "update", "duplicate", "snapshot", "restore", "lock", "unlock", "stats", "export", "delete", "file", "getfile"])
    if act == "close": call("POST", f"/projects/{p}/close", {}, ADMIN)
    elif act == "open": call("POST", f"/projects/{p}/open", {}, ADMIN)
    elif act == "update": call("PUT", f"/projects/{p}", {"name": pname(), "scene_width": R.choice([1000, 2000, 3000])}, ADMIN)
    elif act == "duplicate":
        st, js = call("POST", f"/projects/{p}/duplicate", {"name": pname()}, ADMIN)
        if st == 201 and js:
            q = js["project_id"]; projects.append(q); nodes[q] = []; links[q] = []; drawings[q] = []; snaps[q] = []
    elif act == "snapshot":
        st, js = call("POST", f"/projects/{p}/snapshots", {"name": f"snap{R.randint(1, 99)}"}, ADMIN)
        if st == 201 and js: snaps[p].append(js["snapshot_id"])
    elif act == "restore" and snaps.get(p):
        call("POST", f"/projects/{p}/snapshots/{R.choice(snaps[p])}/restore", {}, ADMIN)
    elif act == "lock": call("POST", f"/projects/{p}/lock", {}, ADMIN)
    elif act == "unlock": call("POST", f"/projects/{p}/unlock", {}, ADMIN)
    elif act == "stats": call("GET", f"/projects/{p}/stats", token=ADMIN)
    elif act == "export": call("GET", f"/projects/{p}/export", token=ADMIN)
    elif act == "file": call("POST", f"/projects/{p}/files/notes/readme{R.randint(1,9)}.txt", raw="hello gns3\n", ctype="application/octet-stream", token=ADMIN)
    elif act == "getfile": call("GET", f"/projects/{p}/files/notes/missing{R.randint(1,9)}.txt", token=ADMIN)
    elif act == "delete" and len(projects) > 2:
        if call("DELETE", f"/projects/{p}", token=ADMIN)[0] == 204: projects.remove(p)

def bad_requests():
    act = R.choice(["badjson", "badlogin", "notoken", "badtoken", "badid", "unknown", "wrongtype", "unknownproj", "badtemplate", "newuser", "userlogin", "dupuser"])
    if act == "badjson": call("POST", "/projects", raw='{"name": "broken', token=ADMIN)
    elif act == "badlogin": login(R.choice(["admin", "root", "guest", "alice"]), R.choice(["wrong", "123456", "admin"]))
    elif act == "notoken": call("GET", "/projects")
    elif act == "badtoken": call("GET", "/projects", token="eyJhbGciOiJIUzI1NiJ9.e30.invalidsig")
    elif act == "badid": call("GET", f"/projects/not-a-uuid-{R.randint(1,99)}", token=ADMIN)
    elif act == "unknown": call("GET", "/projects/00000000-0000-4000-8000-%012d" % R.randint(1, 10**9), token=ADMIN)
    elif act == "wrongtype": call("POST", "/projects", {"name": 12345, "scene_height": "tall"}, ADMIN)
    elif act == "unknownproj": call("POST", "/projects/00000000-0000-4000-8000-000000000001/nodes", {"name": "x", "node_type": "vpcs", "compute_id": "local"}, ADMIN)
    elif act == "badtemplate": call("POST", "/templates", {"name": f"tpl{R.randint(1,99)}", "template_type": R.choice(["qemu", "nonsense", "vpcs"]), "compute_id": "local"}, ADMIN)
    elif act == "newuser":
        u = f"user{R.randint(1, 9999)}"
        st, js = call("POST", "/access/users", {"username": u, "password": "Secr3tPassw0rd", "email": f"{u}@example.org"}, ADMIN)
        if st == 201: users.append(u)
    elif act == "userlogin" and users:
        t = login(R.choice(users), "Secr3tPassw0rd")
        if t:
            call("GET", "/access/users/me", token=t)
            call("POST", "/projects", {"name": pname()}, t)   # no privilege
    elif act == "dupuser" and users:
        call("POST", "/access/users", {"username": R.choice(users), "password": "Secr3tPassw0rd"}, ADMIN)

def misc():
    act = R.choice(["version", "computes", "templates", "images", "symbols", "statistics", "iou_license", "appliances", "projects"])
    path = {"version": "/version", "computes": "/computes", "templates": "/templates", "images": "/images",
            "symbols": "/symbols", "statistics": "/statistics", "iou_license": "/iou_license",
            "appliances": "/appliances", "projects": "/projects"}[act]
    call("GET", path, token=ADMIN)

for _ in range(R.randint(2, 4)):
    new_project()
ops = [new_project, add_node, add_node, add_node, node_action, node_action, add_link, drawing, project_action,
       project_action, bad_requests, bad_requests, misc]
for i in range(STEPS):
    R.choice(ops)()
    time.sleep(R.uniform(0.02, 0.2))
