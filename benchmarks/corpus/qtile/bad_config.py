from libqtile.config import Key, Screen
from libqtile.lazy import lazy
keys = [Key(["mod4"], "nosuchkeysym", lazy.layout.down())]
screens = [Screen()]
layouts = undefined_name
