#!/usr/bin/env python3
"""Write storage/config.json for the workload: python3 make_config.py [good|badjson|unknownplugin]"""
import json, sys
mode = sys.argv[1] if len(sys.argv) > 1 else "good"
OK = "http://127.0.0.1:30102"; DEAD = "http://127.0.0.1:30103"
cfg = {
  "bridge": {"name": "HB Round29", "username": "0E:29:29:29:29:01", "port": 30100, "pin": "031-45-154",
             "bind": ["127.0.0.1"], "advertiser": "avahi"},
  "ports": {"start": 30110, "end": 30130},
  "accessories": [
    {"accessory": "DummySwitch", "name": "Dummy One"},
    {"accessory": "DummySwitch", "name": "Dummy Stateful", "stateful": True},
    {"accessory": "DummySwitch", "name": "Dummy Dimmer", "dimmer": True, "brightness": 40},
    {"accessory": "DummySwitch", "name": "Dummy Random", "random": True, "time": 800},
  ],
  "platforms": [
    {"platform": "HttpWebHooks", "webhook_port": "30101", "webhook_listen_host": "127.0.0.1",
     "cache_directory": "./storage/webhooks-persist",
     "sensors": [
        {"id": "contact1", "name": "Contact One", "type": "contact", "autoRelease": True, "autoReleaseTime": 1500},
        {"id": "motion1", "name": "Motion One", "type": "motion"},
        {"id": "temp1", "name": "Temp One", "type": "temperature"},
        {"id": "hum1", "name": "Humidity One", "type": "humidity"},
        {"id": "leak1", "name": "Leak One", "type": "leak"},
        {"id": "smoke1", "name": "Smoke One", "type": "smoke"}],
     "switches": [
        {"id": "switch1", "name": "Switch Good", "on_url": OK + "/on", "off_url": OK + "/off"},
        {"id": "switch2", "name": "Switch Dead", "on_url": DEAD + "/on", "off_url": DEAD + "/off", "on_method": "POST", "on_body": "{\"on\": true}"}],
     "pushbuttons": [{"id": "push1", "name": "Push One", "push_url": OK + "/push"}],
     "lights": [{"id": "light1", "name": "Light One", "on_url": OK + "/lon", "off_url": OK + "/loff",
                 "brightness_url": OK + "/bri?v=%brightnessPlaceholder"}],
     "thermostats": [{"id": "thermo1", "name": "Thermo One", "set_target_temperature_url": OK + "/t?v=%f",
                      "set_target_heating_cooling_state_url": DEAD + "/s?v=%b"}],
     "outlets": [{"id": "outlet1", "name": "Outlet One", "on_url": OK + "/oon", "off_url": DEAD + "/ooff"}],
     "security": [{"id": "sec1", "name": "Security One", "set_state_url": OK + "/sec/%d"}],
     "garagedooropeners": [{"id": "garage1", "name": "Garage One", "open_url": OK + "/open", "close_url": DEAD + "/close"}],
     "lockmechanisms": [{"id": "lock1", "name": "Lock One", "open_url": OK + "/unlock", "close_url": OK + "/lock"}],
     "windowcoverings": [{"id": "cover1", "name": "Cover One", "open_url": OK + "/copen", "close_url": OK + "/cclose"}],
    },
    {"platform": "cmdSwitch2", "name": "CMD Switch",
     "_bridge": {"username": "0E:29:29:29:29:02", "port": 30104, "bind": ["127.0.0.1"]},
     "switches": [
        {"name": "Cmd Good", "on_cmd": "true", "off_cmd": "true", "state_cmd": "test -e storage/cmdflag", "polling": True, "interval": 3},
        {"name": "Cmd Fail", "on_cmd": "sh -c 'printf \"cannot switch on\" >&2; exit 3'", "off_cmd": "false", "state_cmd": "sh -c 'printf \"state unknown\" >&2; exit 1'"},
        {"name": "Cmd Slow", "on_cmd": "sleep 3", "off_cmd": "true", "timeout": 1}]},
  ],
}
if mode == "unknownplugin":
    cfg["accessories"].append({"accessory": "NoSuchAccessory", "name": "Ghost"})
    cfg["platforms"].append({"platform": "NoSuchPlatform", "name": "Ghost Platform"})
    cfg["accessories"].append({"name": "No Type"})
path = "storage/config.json"
with open(path, "w") as f:
    if mode == "badjson":
        f.write(json.dumps(cfg)[:-40] + ",,,}")
    else:
        json.dump(cfg, f, indent=2)
