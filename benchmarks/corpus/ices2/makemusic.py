import math, os, random, struct, subprocess, sys, wave
out = sys.argv[1]; n = int(sys.argv[2]); rnd = random.Random(int(sys.argv[3]))
os.makedirs(out, exist_ok=True)
words = "blue red night river song dawn echo glass train road fire rain stone".split()
for i in range(n):
    rate = rnd.choice([44100, 44100, 44100, 22050, 48000])
    ch = rnd.choice([2, 2, 2, 1])
    dur = rnd.uniform(0.6, 3.0)
    f = rnd.uniform(200, 900)
    wav = os.path.join(out, "t%03d.wav" % i)
    with wave.open(wav, "wb") as w:
        w.setnchannels(ch); w.setsampwidth(2); w.setframerate(rate)
        frames = bytearray()
        for k in range(int(rate * dur)):
            v = int(8000 * math.sin(2 * math.pi * f * k / rate))
            frames += struct.pack("<h", v) * ch
        w.writeframes(bytes(frames))
    args = ["oggenc", "-Q", "-q", str(rnd.choice([-1, 0, 2])), "-o", os.path.join(out, "t%03d.ogg" % i)]
    if rnd.random() < 0.8:
        args += ["-t", " ".join(rnd.sample(words, 2)).title()]
    if rnd.random() < 0.7:
        args += ["-a", rnd.choice(["The Loops", "Sine Wave", "DJ Test", "Ωmega"])]
    if rnd.random() < 0.3:
        args += ["-c", "comment=take %d" % rnd.randint(1, 9)]
    subprocess.run(args + [wav], check=True)
    os.remove(wav)
# damaged files
good = sorted(p for p in os.listdir(out) if p.endswith(".ogg"))
for j in range(3):
    data = open(os.path.join(out, good[j]), "rb").read()
    open(os.path.join(out, "cut%d.ogg" % j), "wb").write(data[: len(data) // 3])
open(os.path.join(out, "noise.ogg"), "wb").write(bytes(rnd.randrange(256) for _ in range(5000)))
open(os.path.join(out, "empty.ogg"), "wb").close()
data = open(os.path.join(out, good[5]), "rb").read()
open(os.path.join(out, "dup.ogg"), "wb").write(data + data)
