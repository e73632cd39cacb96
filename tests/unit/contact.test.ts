import { describe, expect, it } from 'vitest';
import { checkEmail, checkPhone } from '../../shared/domain/contact.js';
import { matchDiscipline } from '../../shared/domain/disciplines.js';

describe('checkEmail', () => {
  it.each([
    ['Prenom.NOM@AC-Aix-Marseille.FR', 'prenom.nom@ac-aix-marseille.fr'],
    ['  camille.martin@ac-aix-marseille.fr ', 'camille.martin@ac-aix-marseille.fr'],
    ['jean-marie.o-neil@ac-nancy-metz.fr', 'jean-marie.o-neil@ac-nancy-metz.fr'],
  ])('accepts %j and normalises it to %j', (text, value) => {
    expect(checkEmail(text)).toEqual({ ok: true, value });
  });

  it.each(['prenom.nom', 'prenom.nom@ac-aix-marseille', 'prenom nom@ac-aix-marseille.fr', 'a@@b.fr', 'prenom..nom@ac-lyon.fr', '@ac-lyon.fr', 'x@y.f'])(
    'refuses %j with a French message quoting it',
    (text) => {
      const result = checkEmail(text);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).toContain(`« ${text} »`);
        expect(result.message).toContain('n’est pas une adresse mail valide');
      }
    },
  );

  it('says the address is missing when empty', () => {
    expect(checkEmail('  ')).toEqual({ ok: false, message: 'Adresse mail manquante.' });
  });
});

describe('checkPhone', () => {
  it.each([
    ['0612345678', '06 12 34 56 78'],
    ['06.12.34.56.78', '06 12 34 56 78'],
    ['06-12-34-56-78', '06 12 34 56 78'],
    ['06 12 34 56 78', '06 12 34 56 78'],
    ['+33 6 12 34 56 78', '06 12 34 56 78'],
    ['+33 (0)6 12 34 56 78', '06 12 34 56 78'],
    ['0033612345678', '06 12 34 56 78'],
    ['612345678', '06 12 34 56 78'], // a spreadsheet dropped the leading zero
    ['0491123456', '04 91 12 34 56'],
    ['+41 22 123 45 67', '+41221234567'], // abroad: kept international
  ])('accepts %j as %j', (text, value) => {
    expect(checkPhone(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['06 12 AB 56 78', 'contient des caractères'],
    ['tel: 0612345678', 'contient des caractères'],
    ['06 12 34', 'n’est pas un numéro de téléphone valide'],
    ['06123456789', 'n’est pas un numéro de téléphone valide'],
    ['012345678', 'n’est pas un numéro de téléphone valide'],
    ['+33 6 12 34', 'un numéro français compte 10 chiffres'],
    ['', 'Numéro de téléphone manquant.'],
  ])('refuses %j (%s)', (text, fragment) => {
    const result = checkPhone(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(fragment);
  });
});

describe('matchDiscipline', () => {
  it.each([
    ['SVT', 'svt'],
    ['Sciences de la vie et de la Terre', 'svt'],
    ['sciences de la vie et de la terre', 'svt'],
    ['Physique chimie', 'physique-chimie'],
    ['Physique-Chimie', 'physique-chimie'],
    ['maths', 'mathematiques'],
    ['Mathématiques', 'mathematiques'],
    ['  TECHNOLOGIE ', 'technologie'],
    ['Éducation physique et sportive', 'eps'],
    ['Histoire-géographie', 'histoire-geographie'],
    ['professeur documentaliste', 'documentation'],
  ])('%j is %j', (written, code) => {
    expect(matchDiscipline(written)).toBe(code);
  });

  it.each(['Astrologie', 'mathématiques appliquées', '', '   ', '-'])('%j is unknown', (written) => {
    expect(matchDiscipline(written)).toBeNull();
  });
});
