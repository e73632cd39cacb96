// The French messages of spreadsheet intake, in one place so that the guard, the parser, the worker and the
// tests agree on them. Every message names the file, since the secretariat may import several in a row.
import { AppError } from '../../../shared/contract/errors.js';

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

export const MIB = 1024 * 1024;

/** "100 000" the French way. */
export function frenchInteger(n: number): string {
  return integer.format(n);
}

/** 52428800 -> "50 Mo". */
export function megabytes(bytes: number): string {
  return `${decimal.format(bytes / MIB)} Mo`;
}

export const readErrors = {
  empty: (file: string) => new AppError('validation', `Le fichier « ${file} » est vide.`),
  tooBig: (file: string, size: number, max: number) =>
    new AppError('too_large', `Le fichier « ${file} » pèse ${megabytes(size)} : la taille maximale acceptée est de ${megabytes(max)}.`),
  xls: (file: string) =>
    new AppError(
      'validation',
      `Le fichier « ${file} » est au format .xls (Excel 97-2003), qui n’est pas pris en charge : enregistrez-le au format .xlsx ou .csv.`,
    ),
  xlsb: (file: string) =>
    new AppError(
      'validation',
      `Le fichier « ${file} » est un classeur binaire .xlsb, qui n’est pas pris en charge : enregistrez-le au format .xlsx ou .csv.`,
    ),
  ods: (file: string) =>
    new AppError(
      'validation',
      `Le fichier « ${file} » est au format OpenDocument (.ods), qui n’est pas pris en charge : enregistrez-le au format .xlsx ou .csv.`,
    ),
  encrypted: (file: string) =>
    new AppError('validation', `Le classeur « ${file} » est protégé par un mot de passe : enregistrez-en une copie sans mot de passe.`),
  corrupt: (file: string) => new AppError('validation', `Le fichier « ${file} » est endommagé ou n’est pas un classeur Excel lisible.`),
  notSpreadsheet: (file: string) =>
    new AppError('validation', `Le fichier « ${file} » n’est ni un classeur Excel (.xlsx) ni un fichier CSV : il ne peut pas être importé.`),
  markup: (file: string) =>
    new AppError(
      'validation',
      `Le fichier « ${file} » est une page web ou un fichier XML, pas un vrai classeur : ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format .xlsx ou .csv.`,
    ),
  utf16: (file: string) =>
    new AppError('validation', `Le fichier texte « ${file} » est encodé en UTF-16 : enregistrez-le au format « CSV UTF-8 » ou .xlsx.`),
  zip64: (file: string) =>
    new AppError(
      'validation',
      `Le fichier « ${file} » utilise une archive ZIP64, qui n’est pas prise en charge : ouvrez-le dans Excel ou LibreOffice et enregistrez-le de nouveau au format .xlsx.`,
    ),
  tooManyEntries: (file: string, max: number) =>
    new AppError('too_large', `Le fichier « ${file} » contient trop d’éléments internes (plus de ${frenchInteger(max)}) pour être un classeur ordinaire : il n’a pas été lu.`),
  inflatedTooBig: (file: string, max: number) =>
    new AppError('too_large', `Le fichier « ${file} » est trop volumineux une fois décompressé (plus de ${megabytes(max)}) : il n’a pas été lu.`),
  suspiciousCompression: (file: string) =>
    new AppError('too_large', `Le fichier « ${file} » est compressé de façon anormale (archive piégée ou endommagée) : il n’a pas été lu, par sécurité.`),
  forbiddenXml: (file: string) =>
    new AppError('validation', `Le fichier « ${file} » contient des déclarations XML interdites (DOCTYPE ou ENTITY) : il n’a pas été lu, par sécurité.`),
  tooManyMerged: (file: string, max: number) =>
    new AppError('too_large', `Le fichier « ${file} » contient des fusions de cellules trop étendues (plus de ${frenchInteger(max)} cellules fusionnées) : il n’a pas été lu.`),
  tooManyRows: (file: string, sheet: string | null, max: number) =>
    new AppError(
      'too_large',
      `${sheet === null ? 'Une feuille' : `La feuille « ${sheet} »`} du fichier « ${file} » dépasse ${frenchInteger(max)} lignes : découpez le fichier ou supprimez les lignes inutiles.`,
    ),
  tooManyColumns: (file: string, sheet: string, max: number) =>
    new AppError('too_large', `La feuille « ${sheet} » du fichier « ${file} » dépasse ${frenchInteger(max)} colonnes : supprimez les colonnes inutiles.`),
  tooManyCells: (file: string, max: number) =>
    new AppError('too_large', `Le fichier « ${file} » contient trop de cellules (plus de ${frenchInteger(max)}) : découpez-le ou supprimez les feuilles inutiles.`),
  tooManyCellElements: (file: string, max: number) =>
    new AppError(
      'too_large',
      `Le fichier « ${file} » contient trop de cellules (plus de ${frenchInteger(max)}, cellules mises en forme comprises) pour être lu au format .xlsx : supprimez les lignes et colonnes inutiles, ou enregistrez la feuille des candidatures au format .csv.`,
    ),
  tooComplex: (file: string) =>
    new AppError(
      'too_large',
      `Le fichier « ${file} » est trop complexe pour être lu en sécurité : enregistrez-en une copie simplifiée (feuille des candidatures seule) ou au format .csv.`,
    ),
  cancelled: () => new AppError('validation', 'Import annulé.'),
  internal: (file: string) =>
    new AppError('internal', `Erreur interne pendant la lecture du fichier « ${file} » : le détail est dans le journal technique.`),
};
