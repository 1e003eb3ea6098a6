import sys
from PIL import Image, ImageDraw

d = sys.argv[1]
a = Image.new("RGB", (640, 480))
dr = ImageDraw.Draw(a)
for y in range(480):
    dr.line([(0, y), (639, y)], fill=(y % 256, 100, 255 - y % 256))
dr.ellipse([200, 120, 440, 360], fill=(240, 200, 180))
a.save(d + "/a.jpg", quality=90)
b = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
ImageDraw.Draw(b).rectangle([50, 50, 250, 250], fill=(0, 200, 0, 180))
b.save(d + "/b.png")
Image.new("P", (50, 50), 3).save(d + "/c.gif")
Image.new("RGB", (1800, 1200), (30, 60, 90)).save(d + "/big.jpg", quality=95)
Image.new("RGB", (120, 80), (200, 10, 10)).save(d + "/small.webp")
Image.new("L", (400, 100), 128).save(d + "/gray.jpg")
open(d + "/broken.jpg", "w").write("not an image\n")
open(d + "/empty.png", "w").close()
