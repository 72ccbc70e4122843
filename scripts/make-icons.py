"""Draws the extension icon (a rounded blue tile with three transcript lines) as PNGs. Run once; outputs are committed."""
import struct, zlib, sys

def png(size, path):
    s = size
    rows = []
    r = s * 0.22
    for y in range(s):
        row = bytearray([0])
        for x in range(s):
            # rounded square mask
            cx = min(max(x + 0.5, r), s - r); cy = min(max(y + 0.5, r), s - r)
            inside = (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r
            col = (0, 0, 0, 0)
            if inside:
                col = (0, 174, 236, 255)
                # three text lines, the middle one highlighted (pink)
                for i, (w, c) in enumerate([(0.62, (255, 255, 255, 255)), (0.72, (255, 102, 153, 255)), (0.5, (255, 255, 255, 255))]):
                    top = s * (0.28 + i * 0.17); h = max(1.0, s * 0.09)
                    if top <= y < top + h and s * 0.2 <= x < s * (0.2 + w):
                        col = c
            row += bytes(col)
        rows.append(bytes(row))
    raw = b''.join(rows)
    def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    data = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', s, s, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')
    open(path, 'wb').write(data)

for n in (16, 32, 48, 128):
    png(n, f'public/icon/{n}.png')
