# Writes small test media for the mpv workload: WAV tones, Y4M videos, SRT subtitles,
# an M3U playlist and a few broken files. Usage: makemedia.py DIR
import math, os, random, struct, sys, wave
d = sys.argv[1]; os.makedirs(d, exist_ok=True)
random.seed(41)
for i, (rate, ch, secs) in enumerate([(44100, 2, 3), (22050, 1, 2), (48000, 2, 4), (8000, 1, 1)]):
    w = wave.open(os.path.join(d, f"tone{i}.wav"), "wb")
    w.setnchannels(ch); w.setsampwidth(2); w.setframerate(rate)
    f = 220 * (i + 1)
    frames = bytearray()
    for n in range(rate * secs):
        v = int(8000 * math.sin(2 * math.pi * f * n / rate))
        frames += struct.pack("<h", v) * ch
    w.writeframes(bytes(frames)); w.close()
for i, (wd, ht, fps, nf) in enumerate([(64, 48, 10, 25), (32, 32, 5, 12), (80, 60, 25, 40)]):
    with open(os.path.join(d, f"clip{i}.y4m"), "wb") as o:
        o.write(f"YUV4MPEG2 W{wd} H{ht} F{fps}:1 Ip A1:1 C420jpeg\n".encode())
        for k in range(nf):
            o.write(b"FRAME\n")
            o.write(bytes([(x + k * 7) % 256 for x in range(wd * ht)]))
            o.write(bytes([128]) * (wd * ht // 2))
with open(os.path.join(d, "subs.srt"), "w") as o:
    for k in range(5):
        o.write(f"{k+1}\n00:00:0{k},000 --> 00:00:0{k},900\nline {k}\n\n")
with open(os.path.join(d, "bad.srt"), "w") as o:
    o.write("this is not\na subtitle file\n")
with open(os.path.join(d, "list.m3u"), "w") as o:
    o.write("#EXTM3U\ntone1.wav\nclip1.y4m\nmissing.wav\n")
with open(os.path.join(d, "junk.wav"), "wb") as o:
    o.write(os.urandom(2000))
with open(os.path.join(d, "trunc.y4m"), "wb") as o:
    o.write(open(os.path.join(d, "clip0.y4m"), "rb").read()[:3000])
with open(os.path.join(d, "empty.wav"), "wb") as o:
    pass
