from bokeh.io import curdoc
args = curdoc().session_context.request.arguments
if b"1" in args.get("fail", [b"0"]):
    raise RuntimeError("requested failure")
from bokeh.models import Div
curdoc().add_root(Div(text="ok"))
