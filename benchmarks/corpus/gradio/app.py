import logging
import signal
import sys
import time

# the workload may start this from a shell whose background jobs ignore SIGINT
signal.signal(signal.SIGINT, signal.default_int_handler)

logging.basicConfig(level=logging.DEBUG, stream=sys.stdout,
                    format="%(asctime)s %(levelname)s %(name)s: %(message)s")

import gradio as gr


def greet(name):
    return "Hello " + name


def add(a, b):
    return a + b


def boom(text):
    if text == "gr":
        raise gr.Error("custom failure")
    raise ValueError("boom: " + text)


def slow(secs, progress=gr.Progress()):
    for _ in progress.tqdm(range(int(secs * 4))):
        time.sleep(0.25)
    return "slept %s" % secs


def stream(n):
    out = ""
    for i in range(int(n)):
        out += str(i)
        time.sleep(0.1)
        yield out


with gr.Blocks() as demo:
    t = gr.Textbox()
    o = gr.Textbox()
    a = gr.Number()
    b = gr.Number()
    s = gr.Number()
    gr.Button("greet").click(greet, t, o, api_name="greet")
    gr.Button("add").click(add, [a, b], s, api_name="add")
    gr.Button("boom").click(boom, t, o, api_name="boom")
    gr.Button("slow").click(slow, a, o, api_name="slow", concurrency_limit=2)
    gr.Button("stream").click(stream, a, o, api_name="stream")

demo.queue(max_size=int(sys.argv[2]) if len(sys.argv) > 2 else None)
demo.launch(server_name="127.0.0.1", server_port=int(sys.argv[1]), debug=True, show_error=True, quiet=False)
