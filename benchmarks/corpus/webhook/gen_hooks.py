#!/usr/bin/env python3
"""Write hooks files for the webhook workload: gen_hooks.py VARIANT PATH"""
import json, random, sys

D = "/work/round27/webhook"
S = D + "/scripts"

def tok(name):
    return {"source": "header", "name": name}

def base():
    return [
        {"id": "deploy", "execute-command": S + "/deploy.sh", "command-working-directory": D + "/run",
         "include-command-output-in-response": True,
         "pass-arguments-to-command": [{"source": "payload", "name": "repository.name"},
                                       {"source": "payload", "name": "ref"},
                                       {"source": "header", "name": "X-Sender"}],
         "pass-environment-to-command": [{"source": "payload", "name": "head_commit.id", "envname": "COMMIT"}],
         "trigger-rule": {"and": [
             {"match": {"type": "value", "value": "s3cr3t", "parameter": tok("X-Token")}},
             {"match": {"type": "regex", "regex": "^refs/heads/(main|dev)$", "parameter": {"source": "payload", "name": "ref"}}}]}},
        {"id": "build", "execute-command": S + "/build.sh", "include-command-output-in-response": True,
         "include-command-output-in-response-on-error": random.choice([True, False]),
         "http-methods": ["POST"],
         "pass-arguments-to-command": [{"source": "query", "name": "project"}, {"source": "query", "name": "code"}]},
        {"id": "notify", "execute-command": S + "/notify.sh", "response-message": "queued",
         "success-http-response-code": 202, "http-methods": ["POST", "PUT"],
         "pass-arguments-to-command": [{"source": "url", "name": "msg"}],
         "pass-environment-to-command": [{"source": "payload", "name": "channel"}],
         "response-headers": [{"name": "X-Queue", "value": "notify"}]},
        {"id": "missing", "execute-command": S + "/does-not-exist.sh", "include-command-output-in-response": True},
        {"id": "spaced", "execute-command": "echo hello world", "response-message": "started"},
        {"id": "signed", "execute-command": S + "/ok.sh", "include-command-output-in-response": True,
         "pass-arguments-to-command": [{"source": "payload", "name": "action"}],
         "trigger-rule": {"match": {"type": "payload-hmac-sha256", "secret": "hmackey", "parameter": tok("X-Hub-Signature-256")}}},
        {"id": "legacy", "execute-command": S + "/ok.sh", "response-message": "legacy accepted",
         "trigger-rule": {"match": {"type": "payload-hash-sha1", "secret": "oldkey", "parameter": tok("X-Hub-Signature")}}},
        {"id": "internal", "execute-command": S + "/ok.sh", "response-message": "internal ok",
         "trigger-rule-mismatch-http-response-code": 403,
         "pass-arguments-to-command": [{"source": "request", "name": "remote-addr"}, {"source": "request", "name": "method"}],
         "trigger-rule": {"match": {"type": "ip-whitelist", "ip-range": "127.0.0.2/32 127.0.0.3"}}},
        {"id": "upload", "execute-command": S + "/upload.sh", "include-command-output-in-response": True,
         "pass-file-to-command": [{"source": "payload", "name": "blob", "base64decode": True},
                                  {"source": "payload", "name": "manifest", "envname": "MANIFEST"}]},
        {"id": "upload-broken", "execute-command": S + "/upload.sh", "command-working-directory": D + "/run/no-such-dir",
         "include-command-output-in-response": True,
         "pass-file-to-command": [{"source": "payload", "name": "manifest", "envname": "MANIFEST"}]},
        {"id": "jsonargs", "execute-command": S + "/ok.sh", "include-command-output-in-response": True,
         "parse-parameters-as-json": [{"source": "payload", "name": "config"}, {"source": "url", "name": "opts"}],
         "pass-arguments-to-command": [{"source": "payload", "name": "config.mode"}, {"source": "url", "name": "opts.level"}],
         "trigger-rule": {"match": {"type": "value", "value": "fast", "parameter": {"source": "payload", "name": "config.mode"}}}},
        {"id": "odd-codes", "execute-command": S + "/ok.sh", "response-message": "odd",
         "success-http-response-code": 799, "trigger-rule-mismatch-http-response-code": 999,
         "trigger-rule": {"match": {"type": "value", "value": "go", "parameter": {"source": "url", "name": "x"}}}},
        {"id": "scalr", "execute-command": S + "/ok.sh", "response-message": "scalr ok",
         "trigger-rule": {"match": {"type": "scalr-signature", "secret": "scalrkey"}}},
        {"id": "soft", "execute-command": S + "/ok.sh", "response-message": "soft ok",
         "trigger-signature-soft-failures": True,
         "trigger-rule": {"or": [
             {"match": {"type": "payload-hmac-sha512", "secret": "k512", "parameter": tok("X-Signature-512")}},
             {"match": {"type": "value", "value": "yes", "parameter": tok("X-Override")}}]}},
        {"id": "xmlhook", "execute-command": S + "/ok.sh", "include-command-output-in-response": True,
         "incoming-payload-content-type": "application/xml",
         "pass-arguments-to-command": [{"source": "payload", "name": "event.-kind"}],
         "trigger-rule": {"not": {"match": {"type": "value", "value": "ignore", "parameter": {"source": "payload", "name": "event.-kind"}}}}},
        {"id": "form", "execute-command": S + "/ok.sh", "include-command-output-in-response": True,
         "pass-arguments-to-command": [{"source": "payload", "name": "user"}, {"source": "request", "name": "bogus-key"}],
         "trigger-rule": {"match": {"type": "regex", "regex": "^[a-z]+$", "parameter": {"source": "payload", "name": "user"}}}},
        {"id": "slow", "execute-command": S + "/slow.sh", "include-command-output-in-response": True,
         "pass-arguments-to-command": [{"source": "url", "name": "t"}]},
        {"id": "whole", "execute-command": S + "/ok.sh", "include-command-output-in-response": True,
         "pass-arguments-to-command": [{"source": "entire-query"}, {"source": "string", "name": "const"}]},
    ]

def extra():
    return [
        {"id": "extra-ping", "execute-command": S + "/ok.sh", "response-message": "pong"},
        {"id": "extra-echo", "execute-command": S + "/ok.sh", "include-command-output-in-response": True,
         "pass-arguments-to-command": [{"source": "raw-request-body"}]},
    ]

def main():
    variant, path = sys.argv[1], sys.argv[2]
    if variant == "base":
        hooks = base()
    elif variant == "trimmed":
        hooks = base()
        random.shuffle(hooks)
        hooks = hooks[: random.randint(8, len(hooks) - 1)]
    elif variant == "grown":
        hooks = base() + [{"id": "hotfix-%d" % random.randint(1, 99), "execute-command": S + "/ok.sh",
                           "response-message": "hotfix"}]
    elif variant == "extra":
        hooks = extra()
    elif variant == "broken":
        text = json.dumps(base(), indent=1)
        cut = random.randint(200, len(text) - 200)
        open(path, "w").write(text[:cut] + random.choice(["\n}}}", "\n: :", "\n\t- x", ""]))
        return
    elif variant == "empty":
        open(path, "w").write("[]\n")
        return
    text = json.dumps(hooks, indent=1)
    open(path, "w").write(text)

main()
