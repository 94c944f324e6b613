"""Writes the image fixtures of tests/it/images.rs: one small file of every kind folio embeds,
and two broken ones. Run it from this folder with Python 3 and Pillow; the files are committed,
so the tests need neither."""

import struct
import zlib

from PIL import Image, ImageCms

W, H = 48, 32


def gradient(mode):
    image = Image.new("RGB", (W, H))
    image.putdata([(x * 5, y * 7, 160) for y in range(H) for x in range(W)])
    return image.convert(mode)


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png(width, height, ihdr_tail, idat):
    head = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">II", width, height) + ihdr_tail)
    return head + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def adam7(rgb):
    """An interlaced 8-bit RGB PNG: the seven Adam7 passes, each row with filter 0."""
    passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
    raw = b""
    for x0, y0, dx, dy in passes:
        for y in range(y0, H, dy):
            row = b"".join(bytes(rgb.getpixel((x, y))) for x in range(x0, W, dx))
            if row:
                raw += b"\0" + row
    return png(W, H, bytes([8, 2, 0, 0, 1]), zlib.compress(raw))


deep = b"".join(b"\0" + b"".join(struct.pack(">HHH", *(c * 257 for c in gradient("RGB").getpixel((x, y)))) for x in range(W)) for y in range(H))
open("deep.png", "wb").write(png(W, H, bytes([16, 2, 0, 0, 0]), zlib.compress(deep)))
keyed = gradient("RGB").quantize(16)
keyed.save("keyed.png", transparency=0)
open("interlaced.png", "wb").write(adam7(gradient("RGB")))
srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
gradient("RGB").save("profiled.png", icc_profile=srgb)
gradient("CMYK").save("cmyk.jpg", quality=80)
gradient("L").save("gray.jpg", quality=80)
frames = [gradient("RGB").quantize(32), Image.new("RGB", (W, H), (255, 0, 0)).quantize(2)]
frames[0].save("anim.gif", save_all=True, append_images=frames[1:], duration=100, loop=0)
gradient("RGBA").save("photo.webp", quality=80)
good = open("interlaced.png", "rb").read()
open("corrupt.png", "wb").write(good[:-40] + chunk(b"IEND", b""))
open("huge.png", "wb").write(png(50_000, 50_000, bytes([8, 2, 0, 0, 0]), zlib.compress(b"\0" * 64)))
