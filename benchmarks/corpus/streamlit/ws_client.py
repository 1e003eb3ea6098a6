"""Minimal Streamlit websocket client: one randomised session (no logging)."""
import asyncio, random, sys
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg

PORT = int(sys.argv[1])
MODES = ["", "", "", "mode=ok&n=5", "mode=boom", "mode=slow", "mode=stop", "mode=cache", "mode=rerun&n=0"]


def msg(**kw):
    m = BackMsg()
    for k, v in kw.items():
        if k == "rerun_script":
            m.rerun_script.query_string = v
        elif k == "file_urls_request":
            m.file_urls_request.request_id = "r1"
            m.file_urls_request.file_names.append("a.txt")
            m.file_urls_request.session_id = v
        else:
            setattr(m, k, v)
    return m.SerializeToString()


async def drain(ws, t):
    try:
        while True:
            await asyncio.wait_for(ws.recv(), t)
    except Exception:
        pass


async def main():
    origin = "http://evil.example" if random.random() < 0.08 else f"http://127.0.0.1:{PORT}"
    try:
        ws = await websockets.connect(f"ws://127.0.0.1:{PORT}/_stcore/stream",
                                      subprotocols=["streamlit"], origin=origin,
                                      max_size=None, open_timeout=5)
    except Exception:
        return
    try:
        for _ in range(random.randint(1, 4)):
            await ws.send(msg(rerun_script=random.choice(MODES)))
            await drain(ws, random.choice([0.2, 0.5, 1.0]))
            extra = random.random()
            if extra < 0.15:
                await ws.send(msg(stop_script=True))
            elif extra < 0.25:
                await ws.send(msg(clear_cache=True))
            elif extra < 0.4:
                await ws.send(msg(app_heartbeat=True))
            elif extra < 0.45:
                await ws.send(msg(load_git_info=True))
            elif extra < 0.5:
                await ws.send(msg(set_run_on_save=True))
            elif extra < 0.54:
                await ws.send(msg(debug_disconnect_websocket=True))
            elif extra < 0.57:
                await ws.send(msg(debug_shutdown_runtime=True))
            elif extra < 0.62:
                await ws.send(msg(file_urls_request="nosuch"))
            elif extra < 0.66:
                await ws.send(b"\xff\xff\xff\x07garbage")
                break
            elif extra < 0.69:
                await ws.send("text frame")
                break
            await drain(ws, 0.3)
        if random.random() < 0.3:
            ws.transport.abort()
        else:
            await ws.close()
    except Exception:
        pass


asyncio.run(main())
