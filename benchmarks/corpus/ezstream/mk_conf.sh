#!/bin/bash
# mk_conf.sh OUT.xml INTAKE_TYPE FILENAME [key=value ...]: writes an ezstream config
out=$1; type=$2; file=$3; shift 3
port=47010; pass=hackme; mount=/live.ogg; shuffle=No; once=No; enc=; attempts=3; meta=; fmt=Ogg; refresh=-1; noupd=No; user=source; proto=HTTP; tls=None; fstr='@a@ - @t@'
for kv in "$@"; do declare "$kv"; done
cat > $out <<X
<?xml version="1.0" encoding="UTF-8"?>
<ezstream>
  <servers><server><protocol>$proto</protocol><hostname>127.0.0.1</hostname><port>$port</port>
    <user>$user</user><password>$pass</password><tls>$tls</tls><reconnect_attempts>$attempts</reconnect_attempts></server></servers>
  <streams><stream><mountpoint>$mount</mountpoint><format>$fmt</format>$( [ -n "$enc" ] && echo "<encoder>$enc</encoder>")
    <stream_name>R36 Test</stream_name><stream_genre>Tones</stream_genre><stream_bitrate>16</stream_bitrate>
    <stream_samplerate>8000</stream_samplerate><stream_channels>1</stream_channels></stream></streams>
  <intakes><intake><type>$type</type><filename>$file</filename><shuffle>$shuffle</shuffle><stream_once>$once</stream_once></intake></intakes>
  <metadata>$( [ -n "$meta" ] && echo "<program>$meta</program>")<format_str>$fstr</format_str><refresh_interval>$refresh</refresh_interval><normalize_strings>Yes</normalize_strings><no_updates>$noupd</no_updates></metadata>
  <decoders><decoder><name>OggDec</name><program>oggdec -Q -R -b 16 -e 1 -s 1 -o - @T@</program><file_ext>.ogg</file_ext></decoder>
    <decoder><name>Bogus</name><program>/nonexistent/decoder @T@</program><file_ext>.wav</file_ext></decoder></decoders>
  <encoders><encoder><name>OggEnc</name><format>Ogg</format><program>oggenc -Q -r -B 16 -C 1 -R 8000 -q 0 -t "@M@" -</program></encoder>
    <encoder><name>Broken</name><format>Ogg</format><program>false</program></encoder></encoders>
</ezstream>
X
chmod 600 $out
