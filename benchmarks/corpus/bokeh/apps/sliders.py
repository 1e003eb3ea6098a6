from bokeh.io import curdoc
from bokeh.models import Slider, Div
s = Slider(start=0, end=10, value=1, step=1, title="s")
d = Div(text="v=1")
def cb(attr, old, new):
    d.text = "v=%s" % new
    if new == 9:
        raise ValueError("nine is not allowed")
s.on_change("value", cb)
curdoc().add_root(s)
curdoc().add_root(d)
