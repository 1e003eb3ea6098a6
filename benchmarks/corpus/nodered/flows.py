#!/usr/bin/env python3
"""Print a randomised Node-RED flow set (JSON) for the round-19 workload.
usage: flows.py VARIANT   (VARIANT: good | broken | extra | small)"""
import json, random, sys, secrets

variant = sys.argv[1] if len(sys.argv) > 1 else "good"
def nid(): return secrets.token_hex(8)
T1 = "a1a1a1a1a1a1a1a1"
T2 = "b2b2b2b2b2b2b2b2"
flows = [{"id": T1, "type": "tab", "label": "api", "disabled": False, "info": ""}]
def add(tab, **kw):
    kw.setdefault("id", nid()); kw["z"] = tab; kw.setdefault("x", random.randint(100, 900)); kw.setdefault("y", random.randint(40, 900))
    kw.setdefault("wires", []); flows.append(kw); return kw["id"]
def nm(base):
    # some nodes are named, some are not (then the log shows their id)
    return base if random.random() < 0.8 else ""

resp = add(T1, type="http response", name=nm("reply"), statusCode="", headers={})
errfn = add(T1, type="function", name=nm("error-handler"), func=
    "const src = msg.error && msg.error.source ? msg.error.source.type : 'unknown';\n"
    "if (src === 'http response') { return null; }\n"
    "node.warn('handling error from ' + src + ': ' + (msg.error ? msg.error.message : '?'));\n"
    "if (msg.res) { msg.statusCode = msg.error && /not a number|missing/.test(msg.error.message) ? 400 : 500; msg.payload = {error: msg.error.message}; return msg; }\n"
    "return null;", outputs=1, wires=[[resp]])
add(T1, type="catch", name=nm("catch-all"), scope=None, uncaught=False, wires=[[errfn]])

# heartbeat
beatdbg = add(T1, type="debug", name=nm("beat-out"), active=True, tosidebar=False, console=True, tostatus=False, complete="payload", targetType="msg")
beatfn = add(T1, type="function", name=nm("beat"), func=
    "let n = (context.get('n') || 0) + 1; context.set('n', n);\n"
    "node.status({fill:'green', shape:'dot', text:'beat ' + n});\n"
    "if (n % 5 === 0) { node.warn('heartbeat ' + n + ' skipped a slot'); }\n"
    "msg.payload = 'heartbeat ' + n + ' at ' + new Date(msg.payload).toISOString(); return msg;", outputs=1, wires=[[beatdbg]])
add(T1, type="inject", name=nm("tick"), props=[{"p": "payload"}], repeat=str(random.choice([5, 6, 7, 8])), once=True, onceDelay="1", topic="", payload="", payloadType="date", wires=[[beatfn]])

# GET /hello/:name
tpl = add(T1, type="template", name=nm("hello-page"), field="payload", fieldType="msg", format="handlebars", syntax="mustache", template="Hello {{req.params.name}}!", output="str", wires=[[resp]])
greet = add(T1, type="function", name=nm("greet"), func=
    "const who = msg.req.params.name;\n"
    "if (who.startsWith('x')) { node.warn('suspicious visitor ' + who); }\n"
    "node.log('greeting ' + who + ' from ' + msg.req.ip);\n"
    "const count = (flow.get('visits') || 0) + 1; flow.set('visits', count);\n"
    "node.debug('visit counter is now ' + count);\n"
    "node.trace('greet handled request ' + msg._msgid);\n"
    "return msg;", outputs=1, wires=[[tpl]])
add(T1, type="http in", name=nm("hello"), url="/hello/:name", method="get", upload=False, wires=[[greet]])

# POST /echo (JSON)
store = add(T1, type="function", name=nm("store"), func=
    "const p = msg.payload;\n"
    "if (typeof p !== 'object' || p === null || p.id === undefined) { node.error('missing id in payload', msg); return null; }\n"
    "if (p.size > 500) { node.warn('item ' + p.id + ' is large: ' + p.size + ' units'); }\n"
    "node.log('stored item ' + p.id + ' with ' + Object.keys(p).length + ' fields');\n"
    "global.set('last', p.id); msg.payload = {ok: true, id: p.id}; return msg;", outputs=1, wires=[[resp]])
js = add(T1, type="json", name=nm("parse"), property="payload", action="obj", pretty=False, wires=[[store]])
add(T1, type="http in", name=nm("echo"), url="/echo", method="post", upload=False, wires=[[js]])

# GET /compute?n=
comp = add(T1, type="function", name=nm("compute"), func=
    "const n = parseInt(msg.req.query.n, 10);\n"
    "if (isNaN(n)) { throw new Error('not a number: ' + msg.req.query.n); }\n"
    "if (n < 0) { node.error('negative input ' + n, msg); return null; }\n"
    "if (n > 1000) { node.warn('large input ' + n); }\n"
    "let s = 0; for (let i = 0; i <= n; i++) { s += i; }\n"
    "node.log('computed sum to ' + n + ' = ' + s);\n"
    "msg.payload = String(s); return msg;", outputs=1, wires=[[resp]])
add(T1, type="http in", name=nm("compute-in"), url="/compute", method="get", upload=False, wires=[[comp]])

# GET /fetch?port=&path= -> http request
req = add(T1, type="http request", name=nm("upstream"), method="GET", ret="txt", paytoqs="ignore", url="", tls="", persist=False, proxy="", insecureHTTPParser=False, authType="", senderr=True, headers=[], wires=[[resp]])
seturl = add(T1, type="function", name=nm("route"), func=
    "const port = msg.req.query.port || '25150';\n"
    "msg.url = 'http://' + (msg.req.query.host || '127.0.0.1') + ':' + port + (msg.req.query.path || '/');\n"
    "node.debug('forwarding to ' + msg.url);\n"
    "delete msg.headers; return msg;", outputs=1, wires=[[req]])
add(T1, type="http in", name=nm("fetch"), url="/fetch", method="get", upload=False, wires=[[seturl]])

# GET /slow -> delay
dly = add(T1, type="delay", name=nm("hold"), pauseType="delayv", timeout="1", timeoutUnits="seconds", rate="1", nbRateUnits="1", rateUnits="second", randomFirst="1", randomLast="5", randomUnits="seconds", drop=False, allowrate=False, outputs=1, wires=[[resp]])
slowfn = add(T1, type="function", name=nm("slow-prep"), func="msg.delay = parseInt(msg.req.query.ms || '500', 10); node.log('holding request for ' + msg.delay + ' ms'); msg.payload = 'slow done'; return msg;", outputs=1, wires=[[dly]])
add(T1, type="http in", name=nm("slow"), url="/slow", method="get", upload=False, wires=[[slowfn]])

# GET /file?name= -> file in
fin = add(T1, type="file in", name=nm("read-file"), filename="filename", filenameType="msg", format="utf8", chunk=False, sendError=False, encoding="none", allProps=False, wires=[[resp]])
fprep = add(T1, type="change", name=nm("file-path"), rules=[{"t": "set", "p": "filename", "pt": "msg", "to": "'/tmp/r19nr/files/' & req.query.name", "tot": "jsonata"}], wires=[[fin]])
add(T1, type="http in", name=nm("file"), url="/file", method="get", upload=False, wires=[[fprep]])

# POST /csv -> csv + xml
csvfn = add(T1, type="function", name=nm("csv-count"), func="const rows = Array.isArray(msg.payload) ? msg.payload.length : 1; node.log('parsed ' + rows + ' csv rows'); msg.payload = {rows}; return msg;", outputs=1, wires=[[resp]])
csvn = add(T1, type="csv", name=nm("csv"), sep=",", hdrin=True, hdrout="none", multi="mult", ret="\\n", temp="", skip="0", strings=True, include_empty_strings="", include_null_values="", wires=[[csvfn]])
add(T1, type="http in", name=nm("csv-in"), url="/csv", method="post", upload=False, wires=[[csvn]])
xmlfn = add(T1, type="function", name=nm("xml-keys"), func="node.log('xml document with root ' + Object.keys(msg.payload)[0]); msg.payload = 'ok'; return msg;", outputs=1, wires=[[resp]])
xmln = add(T1, type="xml", name=nm("xml"), property="payload", attr="", chr="", wires=[[xmlfn]])
add(T1, type="http in", name=nm("xml-in"), url="/xml", method="post", upload=False, wires=[[xmln]])

# GET /run?cmd= -> exec
execout = add(T1, type="function", name=nm("exec-result"), func="const rc = msg.payload && msg.payload.code !== undefined ? msg.payload.code : 0; node.log('command finished with code ' + rc); msg.payload = 'rc=' + rc; return msg;", outputs=1, wires=[[resp]])
ex = add(T1, type="exec", name=nm("runner"), command="", addpay="payload", append="", useSpawn="true", timer="2", winHide=False, oldrc=False, wires=[[], [], [execout]])
exprep = add(T1, type="function", name=nm("cmd-prep"), func="msg.payload = (msg.req.query.cmd || 'true'); node.debug('running ' + msg.payload); return msg;", outputs=1, wires=[[ex]])
add(T1, type="http in", name=nm("run"), url="/run", method="get", upload=False, wires=[[exprep]])

if variant in ("extra", "broken"):
    flows.append({"id": T2, "type": "tab", "label": "extra-%d" % random.randint(1, 99), "disabled": False, "info": ""})
    d2 = add(T2, type="debug", name=nm("extra-out"), active=True, tosidebar=False, console=True, tostatus=False, complete="payload", targetType="msg")
    sw = add(T2, type="switch", name=nm("parity"), property="payload", propertyType="msg", rules=[{"t": "cont", "v": "dice 0 ", "vt": "str"}, {"t": "else"}], checkall="true", repair=False, outputs=2, wires=[[], [d2]])
    f2 = add(T2, type="function", name=nm("dice"), func="msg.payload = Math.floor(Math.random()*%d); if (msg.payload > %d) node.warn('dice rolled high: ' + msg.payload); msg.payload = 'dice ' + msg.payload + ' of ' + %d; return msg;" % (random.randint(6, 20), 4, random.randint(6, 20)), outputs=1, wires=[[sw]])
    add(T2, type="inject", name=nm("roll"), props=[{"p": "payload"}], repeat=str(random.choice([3, 4])), once=True, onceDelay="0.5", topic="", payload="", payloadType="date", wires=[[f2]])
if variant == "broken":
    add(T1, type="function", name=nm("bad-code"), func="let x = (1 + ;\nreturn msg;", outputs=1, wires=[[]])
    add(T1, type=random.choice(["mystery-node", "contrib-widget", "legacy-sensor"]), name="orphan", wires=[[]])
if variant == "small":
    flows = [f for f in flows if f.get("type") not in ("exec",) and f.get("name") not in ("runner", "cmd-prep", "run")]
print(json.dumps(flows))
