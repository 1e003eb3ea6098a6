#!/usr/bin/env python3
"""Randomised RPC client for a regtest monerod: python3 client.py PORT ROUNDS [user:pass]"""
import json, random, socket, subprocess, sys, time

port = int(sys.argv[1]); rounds = int(sys.argv[2])
auth = sys.argv[3] if len(sys.argv) > 3 else None
ADDR = "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A"
base = f"http://127.0.0.1:{port}"

def post(path, body, use_auth=True, raw=False):
    data = body if raw else json.dumps(body).encode()
    cmd = ["curl", "-s", "-m", "6", "-H", "Content-Type: application/json", "--data-binary", data.decode("latin-1"), base + path]
    if auth and use_auth:
        cmd[1:1] = ["--digest", "-u", auth]
    try:
        return subprocess.run(cmd, capture_output=True, timeout=10).stdout
    except Exception as e:
        return str(e)

def rpc(method, params=None, use_auth=True):
    return post("/json_rpc", {"jsonrpc": "2.0", "id": "0", "method": method, "params": params or {}}, use_auth)

def height():
    r = rpc("get_block_count")
    try:
        return json.loads(r)["result"]["count"]
    except Exception:
        return 1

def rnd_hash():
    return "%064x" % random.getrandbits(256)

def garbage():
    s = socket.socket(); s.settimeout(3)
    try:
        s.connect(("127.0.0.1", port))
        s.sendall(random.choice([b"GARBAGE\r\n\r\n", b"GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
                                 ''.join(random.choice('abcdefXYZ0123456789!$%&*()<>{}[]:;,. ') for _ in range(120)).encode(),
                                 b"POST /json_rpc HTTP/1.1\r\nContent-Length: 5\r\n\r\n{{{{{"]))
        s.recv(1000)
    except Exception:
        pass
    finally:
        s.close()

actions = [
    lambda: rpc("get_info"),
    lambda: rpc("generateblocks", {"amount_of_blocks": random.randint(1, 6), "wallet_address": ADDR}),
    lambda: rpc("generateblocks", {"amount_of_blocks": 1, "wallet_address": "notanaddress"}),
    lambda: rpc("get_block_header_by_height", {"height": random.randint(0, height() + 5)}),
    lambda: rpc("get_block", {"height": random.randint(0, max(0, height() - 1))}),
    lambda: rpc("get_block", {"hash": rnd_hash()}),
    lambda: rpc("get_block_header_by_hash", {"hash": rnd_hash()}),
    lambda: rpc("get_last_block_header"),
    lambda: rpc("on_get_block_hash", [random.randint(0, height() + 3)]),
    lambda: rpc("get_block_headers_range", {"start_height": 0, "end_height": random.randint(0, height() + 2)}),
    lambda: rpc("get_connections"),
    lambda: rpc("sync_info"),
    lambda: rpc("hard_fork_info"),
    lambda: rpc("get_fee_estimate"),
    lambda: rpc("get_version"),
    lambda: rpc("get_alternate_chains"),
    lambda: rpc("get_bans"),
    lambda: rpc("set_bans", {"bans": [{"host": "127.0.0.%d" % random.randint(50, 99), "ban": True, "seconds": 30}]}),
    lambda: rpc("set_bans", {"bans": [{"host": "300.1.1.1", "ban": True, "seconds": 30}]}),
    lambda: rpc("banned", {"address": "127.0.0.%d" % random.randint(50, 99)}),
    lambda: rpc("get_coinbase_tx_sum", {"height": 0, "count": random.randint(1, 5)}),
    lambda: rpc("get_output_histogram", {"amounts": [], "min_count": 0}),
    lambda: rpc("get_block_template", {"wallet_address": ADDR, "reserve_size": random.choice([8, 300])}),
    lambda: rpc("submit_block", ["%0200x" % random.getrandbits(800)]),
    lambda: rpc("submit_block", ["zz"]),
    lambda: rpc("flush_txpool"),
    lambda: rpc("get_txpool_backlog"),
    lambda: rpc("relay_tx", {"txids": [rnd_hash()]}),
    lambda: rpc("no_such_method"),
    lambda: rpc("get_info", use_auth=False),
    lambda: post("/json_rpc", b"{this is not json", raw=True),
    lambda: post("/get_height", {}),
    lambda: post("/get_transactions", {"txs_hashes": [rnd_hash(), "xyz"]}),
    lambda: post("/send_raw_transaction", {"tx_as_hex": "%0100x" % random.getrandbits(400), "do_not_relay": False}),
    lambda: post("/send_raw_transaction", {"tx_as_hex": "nothex"}),
    lambda: post("/is_key_image_spent", {"key_images": [rnd_hash()]}),
    lambda: post("/get_transaction_pool", {}),
    lambda: post("/get_peer_list", {}),
    lambda: post("/get_limit", {}),
    lambda: post("/set_limit", {"limit_down": random.choice([-1, 0, 8192]), "limit_up": random.choice([-1, 0, 2048])}),
    lambda: post("/out_peers", {"out_peers": random.randint(2, 12)}),
    lambda: post("/in_peers", {"in_peers": random.randint(2, 12)}),
    lambda: post("/mining_status", {}),
    lambda: post("/start_mining", {"miner_address": ADDR, "threads_count": 1, "do_background_mining": False, "ignore_battery": True}),
    lambda: post("/start_mining", {"miner_address": "bad", "threads_count": 1}),
    lambda: post("/stop_mining", {}),
    lambda: post("/save_bc", {}),
    lambda: post("/get_net_stats", {}),
    lambda: post("/pop_blocks", {"nblocks": random.randint(1, 2)}),
    lambda: post("/get_outs", {"outputs": [{"amount": 0, "index": random.randint(0, 50)}]}),
    lambda: post("/get_public_nodes", {}),
    lambda: post("/no_such_endpoint", {}),
    garbage,
]

for i in range(rounds):
    random.choice(actions)()
    time.sleep(random.uniform(0.15, 0.6))
time.sleep(0.3)
post("/stop_mining", {})
