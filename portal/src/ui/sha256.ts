/**
 * SHA-256 of files and texts, computed in the browser: files are never uploaded. Web Crypto where
 * the page is a secure context, else a JavaScript implementation (loaded only then).
 */
import { toHex } from "../audit/hex";

export type Hex = `0x${string}`;

async function digest(bytes: Uint8Array): Promise<Hex> {
  if (globalThis.crypto?.subtle) {
    const buf = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
    return toHex(new Uint8Array(buf));
  }
  const { sha256 } = await import("@noble/hashes/sha2.js");
  return toHex(sha256(bytes));
}

export async function sha256File(file: Blob): Promise<{ hash: Hex; size: number }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { hash: await digest(bytes), size: bytes.length };
}

/** The hash of a text as clearctl computes it: SHA-256 of its UTF-8 bytes. */
export function sha256Text(text: string): Promise<Hex> {
  return digest(new TextEncoder().encode(text));
}
