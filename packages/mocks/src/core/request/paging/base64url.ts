/**
 * base64url without padding, on `btoa`/`atob` (Node 20 and browsers alike; no Buffer in core).
 *
 * @example
 * fromBase64Url(toBase64Url(new Uint8Array([1, 2, 3]))); // Uint8Array [1, 2, 3]
 */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * Decodes base64url (no padding); `undefined` if the text is not base64url, or not the canonical encoding of its
 * bytes. See {@link toBase64Url}.
 */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  // The last character carries 2 or 4 bits that atob drops: "…MF1" decodes like "…MF0". Only the canonical
  // spelling is accepted, so that a token changed in any character is refused.
  return toBase64Url(bytes) === text ? bytes : undefined;
}
