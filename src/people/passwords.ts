// Password hashing with node:crypto scrypt (no native build step; docs/adr/0004).
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 64;

/** `scrypt$N$r$p$salt$hash`, base64 parts: the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const key = await scryptAsync(password, Buffer.from(salt, "base64"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let nobody: Promise<string> | undefined;

/**
 * Hashes a login attempt for an account that does not exist (or is disabled) at the same cost as a real
 * one, so the answer's timing does not reveal which account names exist; always false.
 */
export async function verifyAgainstNobody(password: string): Promise<false> {
  nobody ??= hashPassword(randomBytes(18).toString("base64"));
  await verifyPassword(password, await nobody);
  return false;
}

export const MIN_PASSWORD_LENGTH = 12;

/** The shipped list of common passwords (src/people/common-passwords.txt), lower case. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  readFileSync(new URL("./common-passwords.txt", import.meta.url), "utf8")
    .split("\n")
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line && !line.startsWith("#")),
);

/**
 * Vietnamese message when a new password is too weak, or undefined: at least 12 characters, letters and
 * digits, not the account name (nor containing it), not a listed common password.
 */
export function passwordWeakness(password: string, username?: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự`;
  if (!/[A-Za-zÀ-ỹ]/.test(password) || !/[0-9]/.test(password)) return "Mật khẩu phải có cả chữ và số";
  const lower = password.toLowerCase();
  const name = username?.trim().toLowerCase();
  if (name && (lower === name || (name.length >= 4 && lower.includes(name)))) {
    return "Mật khẩu không được là hoặc chứa tên đăng nhập";
  }
  if (COMMON_PASSWORDS.has(lower)) return "Mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác";
  return undefined;
}
