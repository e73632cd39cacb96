export type Checked = { ok: true; value: string } | { ok: false; message: string };

// Deliberately simple: one @, a dot in the domain, no spaces. Real validity is proven by the mail arriving.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function checkEmail(text: string): Checked {
  const value = text.trim().toLowerCase();
  if (!value) return { ok: false, message: 'Adresse mail manquante.' };
  if (!EMAIL.test(value) || value.includes('..')) {
    return { ok: false, message: `« ${text.trim()} » n’est pas une adresse mail valide (exemple : prenom.nom@ac-aix-marseille.fr).` };
  }
  return { ok: true, value };
}

/** Accepts the usual French ways of writing a phone number and gives back "06 12 34 56 78" (or +XX … for abroad). */
export function checkPhone(text: string): Checked {
  const raw = text.trim();
  if (!raw) return { ok: false, message: 'Numéro de téléphone manquant.' };
  if (!/^[+\d\s.\-()/]+$/.test(raw)) {
    return { ok: false, message: `« ${raw} » contient des caractères qui ne sont pas ceux d’un numéro de téléphone.` };
  }
  let digits = raw.replace(/[^\d+]/g, '');
  if (digits.startsWith('0033')) digits = '+33' + digits.slice(4);
  if (digits.startsWith('+33')) {
    const rest = digits.slice(3).replace(/^0/, '');
    if (rest.length !== 9) return { ok: false, message: `« ${raw} » : un numéro français compte 10 chiffres.` };
    digits = '0' + rest;
  }
  if (/^0\d{9}$/.test(digits)) {
    return { ok: true, value: digits.replace(/(\d{2})(?=\d)/g, '$1 ').trim() };
  }
  if (/^\+\d{8,15}$/.test(digits)) return { ok: true, value: digits };
  if (/^\d{9}$/.test(digits) && /^[1-9]/.test(digits)) {
    // Spreadsheets drop the leading zero of numbers stored as numbers.
    return { ok: true, value: ('0' + digits).replace(/(\d{2})(?=\d)/g, '$1 ').trim() };
  }
  return { ok: false, message: `« ${raw} » n’est pas un numéro de téléphone valide (exemple : 06 12 34 56 78).` };
}
