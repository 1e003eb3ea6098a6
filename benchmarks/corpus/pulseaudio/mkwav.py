#!/usr/bin/env python3
"""Write a short sine-tone WAV: mkwav.py OUT RATE CHANNELS SECONDS FREQ"""
import math, struct, sys, wave
out, rate, ch, secs, freq = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
with wave.open(out, "wb") as w:
    w.setnchannels(ch); w.setsampwidth(2); w.setframerate(rate)
    frames = bytearray()
    for i in range(int(rate * secs)):
        v = int(8000 * math.sin(2 * math.pi * freq * i / rate))
        frames += struct.pack("<h", v) * ch
    w.writeframes(bytes(frames))
