import { describe, expect, it } from 'vitest';
import {
  classifyAttachment,
  extensionForMimeType,
  isUnsafeToOpen,
  MAX_ATTACHMENT_NAME,
  nameWords,
  sanitizeAttachmentName,
} from '../../shared/domain/admissibility/documents.js';
import type { DocumentKind } from '../../shared/model/admissibility.js';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('nameWords', () => {
  it.each([
    ['Annexe 2 – fiche de candidature.pdf', ['annexe', '2', 'fiche', 'de', 'candidature', 'pdf']],
    ['annexe_2_fiche_candidature', ['annexe', '2', 'fiche', 'candidature']],
    ['annexe2', ['annexe', '2']],
    ['LettreMotivation', ['lettre', 'motivation']],
    ['AVIS_CHEF_ÉTABLISSEMENT', ['avis', 'chef', 'etablissement']],
    ["avis chef d'établissement", ['avis', 'chef', 'd', 'etablissement']],
    ['C.V.', ['c', 'v']],
  ])('%s', (name, words) => {
    expect(nameWords(name)).toEqual(words);
  });
});

describe('classifyAttachment', () => {
  const cases: [string, string, DocumentKind][] = [
    // annexe 2
    ['Annexe 2.pdf', PDF, 'annexe2'],
    ['annexe_2_fiche_candidature.pdf', PDF, 'annexe2'],
    ['ANNEXE2_DURAND.pdf', PDF, 'annexe2'],
    ['Annexe II - Durand.docx', DOCX, 'annexe2'],
    ['AnnexeII.pdf', PDF, 'annexe2'],
    ['Fiche de candidature CSTI.pdf', PDF, 'annexe2'],
    ['fiche_candidature_relais.odt', 'application/vnd.oasis.opendocument.text', 'annexe2'],
    ['Formulaire de candidature.pdf', PDF, 'annexe2'],
    ['Annexe 2 – fiche de candidature DURAND.pdf', PDF, 'annexe2'],
    // avis du chef d'établissement
    ["avis chef d'établissement.pdf", PDF, 'avis_chef'],
    ['Avis du chef d’établissement - Martin.pdf', PDF, 'avis_chef'],
    ['avis_CE.pdf', PDF, 'avis_chef'],
    ['avis_CE_Martin.pdf', PDF, 'avis_chef'],
    ['AVIS PRINCIPAL.pdf', PDF, 'avis_chef'],
    ['Avis proviseure signé.pdf', PDF, 'avis_chef'],
    ['avis IEN.pdf', PDF, 'avis_chef'],
    ['Avis motivé.pdf', PDF, 'avis_chef'],
    ['visa du chef d établissement.pdf', PDF, 'avis_chef'],
    // CV
    ['CV.pdf', PDF, 'cv'],
    ['CV_Camille_DURAND.docx', DOCX, 'cv'],
    ['DURAND-cv.pdf', PDF, 'cv'],
    ['Curriculum Vitae.pdf', PDF, 'cv'],
    ['C.V. Durand.pdf', PDF, 'cv'],
    ['cvDurand.pdf', PDF, 'cv'],
    // lettre de motivation
    ['lettre de motivation.pdf', PDF, 'lettre_motivation'],
    ['Lettre de motivation – NGUYEN.docx', DOCX, 'lettre_motivation'],
    ['LM.pdf', PDF, 'lettre_motivation'],
    ['LM_Durand.pdf', PDF, 'lettre_motivation'],
    ['LettreMotivation.pdf', PDF, 'lettre_motivation'],
    ['lettre_motiv.docx', DOCX, 'lettre_motivation'],
    ['Motivations.pdf', PDF, 'lettre_motivation'],
    ['Lettre de candidature.pdf', PDF, 'lettre_motivation'],
    // anything else
    ['image001.png', 'image/png', 'autre'],
    ['Scan_20260513.pdf', PDF, 'autre'],
    ['Candidature DURAND.pdf', PDF, 'autre'],
    ['arrêté de nomination.pdf', PDF, 'autre'],
    ['piece-jointe-3.pdf', PDF, 'autre'],
    ['', PDF, 'autre'],
    // words inside other words do not count
    ['cvs.pdf', PDF, 'autre'],
    ['helm.pdf', PDF, 'autre'],
    ['ravissant.pdf', PDF, 'autre'],
    ['annexe 12.pdf', PDF, 'autre'],
  ];
  it.each(cases)('%s (%s) → %s', (name, mime, kind) => {
    expect(classifyAttachment(name, mime)).toBe(kind);
  });

  it('prefers the annexe 2 when a name says several things', () => {
    expect(classifyAttachment('Annexe 2 avec CV et lettre de motivation.pdf', PDF)).toBe('annexe2');
    expect(classifyAttachment('Avis CE sur la lettre de motivation.pdf', PDF)).toBe('avis_chef');
  });

  it('falls back on the text hint when the name says nothing', () => {
    expect(classifyAttachment('Scan_001.pdf', PDF, 'ANNEXE 2 — Fiche de candidature au poste de professeur relais')).toBe('annexe2');
    expect(classifyAttachment('doc.pdf', PDF, 'Avis motivé du chef d’établissement : favorable')).toBe('avis_chef');
    expect(classifyAttachment('doc.pdf', PDF, 'Curriculum vitae — Camille Durand')).toBe('cv');
    expect(classifyAttachment('doc.pdf', PDF, 'Objet : lettre de motivation')).toBe('lettre_motivation');
    expect(classifyAttachment('doc.pdf', PDF, 'Bonjour')).toBe('autre');
  });

  it('lets the name win over the hint, and never reads a hint for images', () => {
    expect(classifyAttachment('CV.pdf', PDF, 'Annexe 2')).toBe('cv');
    expect(classifyAttachment('image001.png', 'image/png', 'Annexe 2')).toBe('autre');
  });
});

describe('sanitizeAttachmentName', () => {
  it.each([
    ['Annexe 2.pdf', PDF, 'Annexe 2.pdf'],
    ['../../evil.exe', 'application/octet-stream', 'evil.exe'],
    ['C:\\Windows\\system32\\evil.bat', 'application/octet-stream', 'evil.bat'],
    ['/etc/passwd', 'text/plain', 'passwd.txt'],
    ['CON', 'application/octet-stream', '_CON'],
    ['nul.txt', 'text/plain', '_nul.txt'],
    ['com1.pdf', PDF, '_com1.pdf'],
    ['console.pdf', PDF, 'console.pdf'],
    ['rapport\u202Efdp.exe', PDF, 'rapportfdp.exe'],
    ['a\u200bb\ufeff.pdf', PDF, 'ab.pdf'],
    ['avis\u0007\u0000chef\u001b.pdf', PDF, 'avischef.pdf'],
    ['Avis: CE?.pdf', PDF, 'Avis_ CE_.pdf'],
    ['.htaccess', 'text/plain', 'htaccess.txt'],
    ['..', PDF, 'piece-jointe-4.pdf'],
    ['   ', PDF, 'piece-jointe-4.pdf'],
    [null, PDF, 'piece-jointe-4.pdf'],
    [null, 'application/x-unknown', 'piece-jointe-4'],
    ['CV', DOCX, 'CV.docx'],
    ['lettre. ', PDF, 'lettre.pdf'],
    ['e\u0301cole.pdf', PDF, 'école.pdf'],
    ['archive.tar.gz', 'application/gzip', 'archive.tar.gz'],
  ])('%j (%s) → %j', (raw, mime, expected) => {
    expect(sanitizeAttachmentName(raw, mime, 4)).toBe(expected);
  });

  it(`keeps at most ${MAX_ATTACHMENT_NAME} characters, extension kept, surrogate pairs whole`, () => {
    const long = sanitizeAttachmentName(`${'a'.repeat(300)}.pdf`, PDF, 1);
    expect(long).toHaveLength(MAX_ATTACHMENT_NAME);
    expect(long.endsWith('a.pdf')).toBe(true);
    const emoji = sanitizeAttachmentName(`${'😀'.repeat(200)}.pdf`, PDF, 1);
    expect(Array.from(emoji)).toHaveLength(MAX_ATTACHMENT_NAME);
    expect(emoji).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('never returns a name with a path, a control character or an invisible mark', () => {
    const nasty = ['../x', 'a/b\\c', '\u0000', '\u202e', 'x\u0085y', 'CON.', 'nul ', '. .', 'a'.repeat(1000), '\u2066x\u2069.pdf'];
    for (const raw of nasty) {
      const name = sanitizeAttachmentName(raw, PDF, 9);
      expect(name).not.toMatch(/[/\\\p{Cc}\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u);
      expect(Array.from(name).length).toBeLessThanOrEqual(MAX_ATTACHMENT_NAME);
      expect(name).not.toMatch(/^\.|[. ]$/);
      expect(name.length).toBeGreaterThan(0);
    }
  });
});

describe('isUnsafeToOpen: an allow-list of formats without programs or macros', () => {
  it.each([
    ['evil.exe', true],
    ['rapportfdp.exe', true],
    ['script.JS', true],
    ['macro.docm', true],
    ['page.html', true],
    ['dessin.svg', true],
    ['raccourci.lnk', true],
    ['_CON', true],
    ['complement.xll', true],
    ['notes.one', true],
    ['bureau.rdp', true],
    ['lien.fileloc', true],
    ['ancien-format.doc', true],
    ['dossier.zip', true],
    ['Annexe 2.pdf', false],
    ['Tableau.XLSX', false],
    ['scan.tiff', false],
    ['CV.docx', false],
    ['photo.jpg', false],
    ['lettre.odt', false],
  ])('%s → %s', (name, unsafe) => {
    expect(isUnsafeToOpen(name)).toBe(unsafe);
  });
});

describe('extensionForMimeType', () => {
  it('knows the documents candidates send, ignores parameters and case', () => {
    expect(extensionForMimeType('application/pdf')).toBe('pdf');
    expect(extensionForMimeType('Application/PDF; name="x"')).toBe('pdf');
    expect(extensionForMimeType(DOCX)).toBe('docx');
    expect(extensionForMimeType('application/x-unknown')).toBeNull();
  });
});
