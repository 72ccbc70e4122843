/** Minimal WAV (RIFF PCM) reading and writing, mono, for the synthetic corpus and the CLI. */

export interface Pcm {
  sampleRate: number;
  /** Mono samples in [-1, 1]; multi-channel input is mixed down. */
  samples: Float32Array;
}

/**
 * Parse a RIFF WAVE file: PCM 8/16/24/32-bit integer or 32/64-bit float, any channel count.
 * Tolerates a streamed header (data size 0 or 0xFFFFFFFF, as espeak-ng --stdout writes it).
 */
export function parseWav(buf: Buffer): Pcm {
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE')
    throw new Error('not a RIFF WAVE file');
  let pos = 12;
  let format = 0;
  let channels = 0;
  let sampleRate = 0;
  let bits = 0;
  while (pos + 8 <= buf.length) {
    const id = buf.toString('ascii', pos, pos + 4);
    let size = buf.readUInt32LE(pos + 4);
    const body = pos + 8;
    if (id === 'fmt ') {
      format = buf.readUInt16LE(body);
      channels = buf.readUInt16LE(body + 2);
      sampleRate = buf.readUInt32LE(body + 4);
      bits = buf.readUInt16LE(body + 14);
      // WAVE_FORMAT_EXTENSIBLE: the real format is the sub-format GUID's first two bytes.
      if (format === 0xfffe && size >= 26) format = buf.readUInt16LE(body + 24);
    } else if (id === 'data') {
      if (size === 0 || size === 0xffffffff || body + size > buf.length) size = buf.length - body;
      if (!channels || !sampleRate || !bits) throw new Error('WAVE data before its format chunk');
      return { sampleRate, samples: decode(buf.subarray(body, body + size), format, channels, bits) };
    }
    pos = body + size + (size & 1);
  }
  throw new Error('WAVE file has no data chunk');
}

function decode(data: Buffer, format: number, channels: number, bits: number): Float32Array {
  const bytes = bits / 8;
  const frames = Math.floor(data.length / (bytes * channels));
  const out = new Float32Array(frames);
  const read = (o: number): number => {
    if (format === 3 && bits === 32) return data.readFloatLE(o);
    if (format === 3 && bits === 64) return data.readDoubleLE(o);
    if (format !== 1) throw new Error(`unsupported WAVE format ${format} (${bits}-bit)`);
    if (bits === 16) return data.readInt16LE(o) / 32768;
    if (bits === 8) return (data.readUInt8(o) - 128) / 128;
    if (bits === 24) return data.readIntLE(o, 3) / 8388608;
    if (bits === 32) return data.readInt32LE(o) / 2147483648;
    throw new Error(`unsupported PCM width ${bits}`);
  };
  for (let f = 0; f < frames; f++) {
    let s = 0;
    for (let c = 0; c < channels; c++) s += read((f * channels + c) * bytes);
    out[f] = s / channels;
  }
  return out;
}

/** 16-bit mono PCM WAV. */
export function wavBytes(pcm: Pcm): Buffer {
  const n = pcm.samples.length;
  const buf = Buffer.alloc(44 + n * 2);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + n * 2, 4);
  buf.write('WAVEfmt ', 8, 'ascii');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(pcm.sampleRate, 24);
  buf.writeUInt32LE(pcm.sampleRate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++) buf.writeInt16LE(Math.round(Math.max(-1, Math.min(1, pcm.samples[i] as number)) * 32767), 44 + i * 2);
  return buf;
}
