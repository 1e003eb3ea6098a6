#!/bin/bash
# Rygel workload: private netns r33e-ryg (loopback with multicast), own session bus; log = rygel's stderr.
HERE=$(cd "$(dirname "$0")" && pwd)
NS=r33e-ryg
LOG=${LOG:-/tmp/round33-r33e/rygel-full.log}
MEDIA=/tmp/round33-r33e/media
ip netns list | grep -q "^$NS" || { ip netns add $NS; ip netns exec $NS sh -c 'ip link set lo up; ip link set lo multicast on; ip route add 239.0.0.0/8 dev lo'; }
rm -rf /tmp/round33-r33e/ryghome $MEDIA; mkdir -p $MEDIA/music $MEDIA/pics $MEDIA/video
for i in 1 2 3 4; do python3 $HERE/mkmedia.py wav $MEDIA/music/tone$i.wav; python3 $HERE/mkmedia.py png $MEDIA/pics/img$i.png; done
python3 $HERE/mkmedia.py junk $MEDIA/video/broken.mp4
ip netns exec $NS $HERE/run-rygel.sh > $LOG 2>&1 &
echo $! > /tmp/round33-r33e/ryg.pid
sleep 15
ip netns exec $NS python3 $HERE/client.py ${ROUNDS:-400}
RPID=$(pgrep -P $(cat /tmp/round33-r33e/ryg.pid) -x rygel)
kill -TERM $RPID; sleep 3
