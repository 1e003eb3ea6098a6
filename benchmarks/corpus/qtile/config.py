from libqtile import layout
from libqtile.config import Group, Key, Match, Screen
from libqtile.lazy import lazy

mod = "mod4"
keys = [
    Key([mod], "j", lazy.layout.down()),
    Key([mod], "k", lazy.layout.up()),
    Key([mod], "space", lazy.next_layout()),
    Key([mod], "w", lazy.window.kill()),
    Key([mod], "f", lazy.window.toggle_floating()),
    Key([mod], "Return", lazy.spawn("xmessage -geometry 300x80 hello")),
    Key([mod, "control"], "r", lazy.reload_config()),
    Key([mod], "Tab", lazy.screen.next_group()),
]
groups = [Group(i) for i in "123"] + [Group("mail", matches=[Match(wm_class="xev")])]
for g in groups[:3]:
    keys.append(Key([mod], g.name, lazy.group[g.name].toscreen()))
    keys.append(Key([mod, "shift"], g.name, lazy.window.togroup(g.name)))
layouts = [layout.Columns(), layout.Max(), layout.MonadTall(), layout.Stack(num_stacks=2)]
floating_layout = layout.Floating(float_rules=[*layout.Floating.default_float_rules, Match(title="float-me")])
screens = [Screen()]
follow_mouse_focus = True
auto_fullscreen = True
wmname = "LG3D"
