/** A MinHash signature as a BLOB: its uint32 values, little-endian. */
export function encodeSignature(signature: Uint32Array): Buffer {
  const out = Buffer.alloc(signature.length * 4);
  for (let i = 0; i < signature.length; i++) out.writeUInt32LE(signature[i]!, i * 4);
  return out;
}

/** The signature stored by `encodeSignature`. */
export function decodeSignature(blob: Buffer): Uint32Array {
  const out = new Uint32Array(blob.length >>> 2);
  for (let i = 0; i < out.length; i++) out[i] = blob.readUInt32LE(i * 4);
  return out;
}
