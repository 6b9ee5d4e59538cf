// The lookup page takes one credential: the receipt's secret or the applicant's mobile phone, told apart here.
/** What the applicant typed: a mobile phone number (digits, spaces, dots, +84) or else the receipt's secret. */
export function credentialOf(text: string): { secret?: string; phone?: string } {
  const value = text.trim();
  const digits = value.replace(/[\s.\-()]/g, "");
  return /^(\+?84|0)\d{9}$/.test(digits) ? { phone: value } : { secret: value };
}
