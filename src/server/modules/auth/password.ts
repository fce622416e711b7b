import { hash, verify } from "@node-rs/argon2";

/** Password rules shared by the CLI and the user-management API. */
export const PASSWORD_MIN_LENGTH = 8;

/** Hashes a password with argon2id, the library default (OWASP parameters: 19 MiB, 2 iterations). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

/** Verifies a password against a stored argon2 hash; false for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the login is unknown, so timing tells nothing. */
let dummyHash: Promise<string> | undefined;
/** Returns the dummy hash, computing it once. */
export function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}`);
  return dummyHash;
}
