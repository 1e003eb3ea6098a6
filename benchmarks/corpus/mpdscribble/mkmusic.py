import math, os, random, struct, subprocess, sys, wave
out = sys.argv[1]
random.seed(36)
artists = ["Alpha Quartet", "Beta Band", "Gamma Ray", "Delta Blues", "Émile Ørsted"]
os.makedirs(out, exist_ok=True)
def tone(path, secs, freq):
    rate = 8000
    with wave.open(path, "wb") as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(rate)
        w.writeframes(b"".join(struct.pack("<h", int(3000*math.sin(2*math.pi*freq*i/rate))) for i in range(rate*secs)))
n = 0
for a in artists:
    for k in range(4):
        n += 1
        secs = random.choice([12, 20, 32, 36, 40, 45])
        wav = f"/tmp/round36-r36c/t{n}.wav"
        tone(wav, secs, 220 + 20*n)
        args = ["oggenc", "-Q", "-q", "0", "-o", f"{out}/track{n:02d}.ogg"]
        if n % 7 != 0:
            args += ["-a", a, "-t", f"Song {n} ({secs}s)", "-l", f"Album {a[0]}", "-N", str(k+1)]
        elif n % 2:
            args += ["-t", f"Untitled {n}"]
        subprocess.run(args + [wav], check=True)
        os.unlink(wav)
