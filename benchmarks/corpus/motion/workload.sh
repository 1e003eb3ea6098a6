#!/bin/bash
# Randomised workload for the Motion daemon with fake network cameras on 127.0.0.1:40501-40509,
# webcontrol on 40580, camera streams on 40581-40587. Processes are stopped by their recorded PIDs.
D=/work/round27/motion
R=$D/run
LOG=$R/motion.log
rm -rf "$R"; mkdir -p "$R/media"
cd "$R"
PY=/usr/bin/python3
declare -A CAM

start_cam() { # name port mode [fps]
  $PY $D/cams.py $2 $3 $4 >>$R/cams.out 2>&1 & CAM[$1]=$!
}
stop_cam() { [ -n "${CAM[$1]}" ] && kill ${CAM[$1]} 2>/dev/null; wait ${CAM[$1]} 2>/dev/null; CAM[$1]=; }

write_conf() {
  cat > $R/motion.conf <<CONF
daemon off
setup_mode off
log_file $LOG
log_level 9
log_type all
target_dir $R/media
pid_file $R/motion.pid
width 320
height 240
framerate $(shuf -n1 -e 4 5 6)
text_left %\$
text_right %Y-%m-%d\n%T-%q
threshold $((RANDOM % 800 + 600))
minimum_motion_frames 1
event_gap $((RANDOM % 4 + 3))
pre_capture 2
post_capture 3
picture_output first
picture_filename %v-%Y%m%d%H%M%S-%q
movie_output on
movie_max_time 15
movie_codec $(shuf -n1 -e mkv mp4 msmpeg4)
movie_filename %t-%v-%Y%m%d%H%M%S
snapshot_filename %v-%Y%m%d%H%M%S-snapshot
on_event_start /bin/true
on_event_end $R/no-such-script.sh %v
on_camera_lost /bin/echo lost %t
on_camera_found /bin/echo found %t
webcontrol_port 40580
webcontrol_localhost on
webcontrol_parms 2
webcontrol_interface 1
webcontrol_auth_method 1
webcontrol_authentication admin:s3cret
webcontrol_lock_minutes 1
webcontrol_lock_attempts 10
stream_localhost on
stream_maxrate 2
$(shuf -n1 -e 'bogus_option 1' 'netcam_tolerant_check on' 'output_pictures on' '')
camera $R/cam1.conf
camera $R/cam2.conf
camera $R/cam3.conf
camera $R/cam4.conf
camera $R/cam5.conf
camera $R/cam6.conf
$(shuf -n1 -e "camera $R/cam7.conf" "camera $R/missing-cam.conf" '')
CONF
  printf 'camera_id 1\ncamera_name front\nnetcam_url http://127.0.0.1:40501/stream.mjpg\nstream_port 40581\n' > $R/cam1.conf
  printf 'camera_id 2\ncamera_name garden\nnetcam_url http://127.0.0.1:40502/snap.jpg\nnetcam_params keepalive=off\nstream_port 40582\n' > $R/cam2.conf
  printf 'camera_id 3\ncamera_name garage\nnetcam_url http://127.0.0.1:40503/stream.mjpg\nstream_port 40583\n' > $R/cam3.conf
  printf 'camera_id 4\ncamera_name broken\nnetcam_url http://127.0.0.1:40504/stream.mjpg\nstream_port 40584\n' > $R/cam4.conf
  printf 'camera_id 5\ncamera_name ghost\nnetcam_url http://127.0.0.1:40509/never.mjpg\nstream_port 40585\n' > $R/cam5.conf
  printf 'camera_id 6\ncamera_name porch\nnetcam_url mjpeg://127.0.0.1:40506/stream.mjpg\nframerate 1\nstream_port 40586\n' > $R/cam6.conf
  printf 'camera_id 7\ncamera_name attic\nnetcam_url %s\nstream_port 40587\n' "$(shuf -n1 -e 'foo://127.0.0.1:40507/x' 'http://127.0.0.1:40503/stream.mjpg')" > $R/cam7.conf
}

MP=
start_motion() { motion -n -c $R/motion.conf -d 9 >>$R/motion.out 2>&1 & MP=$!; }
stop_motion() { [ -n "$MP" ] && kill -TERM $MP 2>/dev/null; wait $MP 2>/dev/null; MP=; }

write_conf
start_cam front 40501 mjpeg 6
start_cam garden 40502 jpeg
start_cam garage 40503 mjpeg 5
start_cam broken 40504 garbage
start_cam porch 40506 mjpeg 0.5
sleep 1.5
start_motion
sleep 8

END=$((SECONDS + 70 + RANDOM % 20))
step=0
while [ $SECONDS -lt $END ]; do
  step=$((step + 1))
  $PY $D/wc.py 40580 $((RANDOM % 8 + 4)) &
  W=$!
  case $((RANDOM % 9)) in
    0) stop_cam garage; sleep $((RANDOM % 6 + 4)); start_cam garage 40503 mjpeg 5 ;;
    1) stop_cam porch; sleep $((RANDOM % 8 + 6)); start_cam porch 40506 mjpeg 0.5 ;;
    2) $PY $D/stream.py $(shuf -n1 -e 40581 40582 40583 40586) $((RANDOM % 4 + 1)) $(shuf -n1 -e / /stream /substream /current /bogus) ;;
    3) $PY $D/stream.py 40585 1 & S1=$!; $PY $D/stream.py 40581 2 & S2=$!; $PY $D/stream.py 40581 2; wait $S1 $S2 ;;
    4) $PY $D/stream.py $(shuf -n1 -e 40584 40585 40586) 2 /substream ;;
    5) kill -USR1 $MP; sleep 1 ;;
    6) stop_cam broken; sleep 2; start_cam broken 40504 garbage ;;
    *) sleep $((RANDOM % 4 + 1)) ;;
  esac
  wait $W
  if [ $step -eq 5 ]; then # one reload of everything: SIGHUP or webcontrol restart of all threads
    if [ $((RANDOM % 2)) -eq 0 ]; then kill -HUP $MP; else $PY $D/wc.py 40580 0 restartall; fi
    sleep 5
  fi
done
# last requests: a camera thread is told to quit, all threads restart, then a few more commands
$PY - <<'PYEND'
import base64, urllib.request
def get(p):
    r = urllib.request.Request("http://127.0.0.1:40580" + p)
    r.add_header("Authorization", "Basic " + base64.b64encode(b"admin:s3cret").decode())
    try:
        urllib.request.urlopen(r, timeout=5).read()
    except Exception:
        pass
get("/4/action/quit")
PYEND
sleep 6
$PY $D/wc.py 40580 6
stop_motion
for c in front garden garage broken porch; do stop_cam $c; done
head -n 2500 $LOG > $D/motion.log
wc -l $LOG $D/motion.log
