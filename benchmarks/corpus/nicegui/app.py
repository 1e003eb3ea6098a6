import asyncio
import logging
import sys

logging.basicConfig(level=logging.DEBUG, stream=sys.stdout,
                    format="%(asctime)s %(levelname)s %(name)s: %(message)s")
for name in ("socketio.server", "engineio.server"):
    logging.getLogger(name).setLevel(logging.DEBUG)

from nicegui import app, ui


def fail():
    raise RuntimeError("button handler failed")


@ui.page("/")
def index():
    ui.label("hello")
    ui.button("ok", on_click=lambda: ui.notify("ok"))
    ui.button("fail", on_click=fail)
    ui.input("name", on_change=lambda e: None)


@ui.page("/boom")
def boom():
    raise ValueError("page build failed")


@ui.page("/slow", response_timeout=1)
async def slow():
    await asyncio.sleep(3)
    ui.label("late")


@app.get("/api/add")
def add(a: int, b: int):
    return {"sum": a + b}


ui.run(host="127.0.0.1", port=int(sys.argv[1]), reload=False, show=False, uvicorn_logging_level="debug",
       show_welcome_message=True, reconnect_timeout=2)
