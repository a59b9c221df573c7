/**
 * A dossier code (mã hồ sơ) as the provincial one-stop system prints it on the receipt ("Giấy
 * tiếp nhận hồ sơ và hẹn trả kết quả"), e.g. `000.00.20.H38-250712-0001`: letters, digits and
 * the separators such codes use. Shared by the command schema and the console, which checks a
 * typed or scanned code before it sends it.
 */
export const dossierCodePattern = /^[0-9A-Za-z][0-9A-Za-z.\-_/:]*$/;
export const dossierCodeMaxLength = 60;

/** Whether `code` (already trimmed) is a dossier code the server takes. */
export function isDossierCode(code: string): boolean {
  return code.length > 0 && code.length <= dossierCodeMaxLength && dossierCodePattern.test(code);
}
