import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The API listens on 127.0.0.1 only, yet any web page can still reach it through DNS rebinding
 * (evil.example resolving to 127.0.0.1). A browser always sends the name it resolved in Host, so
 * anything but our own loopback host and port is refused before a handler runs.
 */
export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return [`127.0.0.1:${port}`, `localhost:${port}`].includes(hostHeader.toLowerCase());
}

export function bearerToken(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match?.[1] ?? null;
}

/** Constant-time comparison, so response timing does not leak how much of a guess was right. */
export function tokensMatch(expected: string, given: string | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** 256 random bits, URL-safe, so it can be pasted in a shell or a BI tool's header field. */
export function generateApiToken(): string {
  return `sl_${randomBytes(32).toString('base64url')}`;
}
