// What the planner hands out: a candidate's convocation (an editable A4 letter, a mail draft with the
// invitation attached) and a member's own schedule (calendar, mail draft). Every date and time is the Paris
// wall-clock time the planner placed; the .ics carries the Europe/Paris zone (shared/domain/planner/ics.ts).
// The app does not know anyone's gender: the letters say « Madame, Monsieur, » and avoid agreeing participles.
import { AlignmentType, Document, Packer, Paragraph, Tab, TextRun, type IParagraphStyleOptions } from 'docx';
import { parisDateOf } from '../../../shared/domain/dates.js';
import { weekdayName } from '../../../shared/domain/planner/text.js';
import { buildIcs, type IcsEvent } from '../../../shared/domain/planner/ics.js';
import { foldText, slugOf } from '../../../shared/domain/text.js';
import { findAcademie } from '../../../shared/domain/admissibility/facts.js';
import { buildDraftMail } from '../mail/write-mail.js';

export interface ConvocationData {
  call: { title: string; reference: string; academie: string; contactEmail: string; place: string; presidedBy: string };
  candidate: { id: number; nom: string; prenom: string; label: string; email: string; postLabel: string };
  slot: { date: string; start: string; end: string; roomLabel: string };
  now: Date;
}

export interface MemberScheduleData {
  call: ConvocationData['call'];
  member: { id: number; name: string; email: string };
  interviews: { candidateId: number; date: string; start: string; end: string; roomLabel: string; candidateLabel: string; postLabel: string }[];
  now: Date;
}

export const CONVOCATION_ICS_NAME = 'convocation.ics';
export const MEMBER_ICS_NAME = 'entretiens.ics';
const ICS_MIME = 'text/calendar; method=PUBLISH; charset=utf-8';
const UID_DOMAIN = 'commission-recrutement';
/** Shown where the secretariat has not given the place yet: visible, to be completed in the draft. */
const PLACE_TO_COMPLETE = '[lieu à compléter]';
const NBSP = '\u00a0';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** '2026-06-03' → « mercredi 3 juin 2026 » (« 1er » for the first of the month); without the weekday on demand. */
export function frenchLongDate(iso: string, withWeekday = true): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const day = Number(m[3]);
  const text = `${day === 1 ? '1er' : day} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  return withWeekday ? `${weekdayName(iso)} ${text}` : text;
}

/** '09:00' → « 9 h 00 », with no-break spaces so that a line never ends between the hour and « h ». */
export function frenchTime(hhmm: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  return m ? `${Number(m[1])}${NBSP}h${NBSP}${m[2]}` : hhmm;
}

// Each académie's heading as written in its letters, and the city of its rectorat for « <ville>, le … ».
// Normandie has two historical seats (Caen, Rouen): no city is guessed, the letter says « Le … ».
const ACADEMIE_LETTERHEADS: Record<string, { heading: string; city: string | null }> = {
  'Aix-Marseille': { heading: 'Académie d’Aix-Marseille', city: 'Aix-en-Provence' },
  Amiens: { heading: 'Académie d’Amiens', city: 'Amiens' },
  Besançon: { heading: 'Académie de Besançon', city: 'Besançon' },
  Bordeaux: { heading: 'Académie de Bordeaux', city: 'Bordeaux' },
  'Clermont-Ferrand': { heading: 'Académie de Clermont-Ferrand', city: 'Clermont-Ferrand' },
  Corse: { heading: 'Académie de Corse', city: 'Ajaccio' },
  Créteil: { heading: 'Académie de Créteil', city: 'Créteil' },
  Dijon: { heading: 'Académie de Dijon', city: 'Dijon' },
  Grenoble: { heading: 'Académie de Grenoble', city: 'Grenoble' },
  Guadeloupe: { heading: 'Académie de la Guadeloupe', city: 'Les Abymes' },
  Guyane: { heading: 'Académie de la Guyane', city: 'Cayenne' },
  'La Réunion': { heading: 'Académie de La Réunion', city: 'Saint-Denis' },
  Lille: { heading: 'Académie de Lille', city: 'Lille' },
  Limoges: { heading: 'Académie de Limoges', city: 'Limoges' },
  Lyon: { heading: 'Académie de Lyon', city: 'Lyon' },
  Martinique: { heading: 'Académie de la Martinique', city: 'Schœlcher' },
  Mayotte: { heading: 'Académie de Mayotte', city: 'Mamoudzou' },
  Montpellier: { heading: 'Académie de Montpellier', city: 'Montpellier' },
  'Nancy-Metz': { heading: 'Académie de Nancy-Metz', city: 'Nancy' },
  Nantes: { heading: 'Académie de Nantes', city: 'Nantes' },
  Nice: { heading: 'Académie de Nice', city: 'Nice' },
  Normandie: { heading: 'Académie de Normandie', city: null },
  'Orléans-Tours': { heading: 'Académie d’Orléans-Tours', city: 'Orléans' },
  Paris: { heading: 'Académie de Paris', city: 'Paris' },
  Poitiers: { heading: 'Académie de Poitiers', city: 'Poitiers' },
  Reims: { heading: 'Académie de Reims', city: 'Reims' },
  Rennes: { heading: 'Académie de Rennes', city: 'Rennes' },
  Strasbourg: { heading: 'Académie de Strasbourg', city: 'Strasbourg' },
  Toulouse: { heading: 'Académie de Toulouse', city: 'Toulouse' },
  Versailles: { heading: 'Académie de Versailles', city: 'Versailles' },
};

/** The letterhead of the call's académie as typed (« Aix-Marseille », « Académie d’Aix-Marseille »…). */
export function letterhead(academie: string): { heading: string; city: string | null } {
  const known = findAcademie(academie);
  if (known && ACADEMIE_LETTERHEADS[known.name]) return ACADEMIE_LETTERHEADS[known.name]!;
  const typed = academie.trim();
  if (!typed) return { heading: '', city: null };
  if (/^(academie|rectorat|region academique)\b/.test(foldText(typed))) return { heading: typed, city: null };
  return { heading: `Académie ${/^[aeiouyhéèêâîôû]/i.test(typed) ? 'd’' : 'de '}${typed}`, city: null };
}

/** « Aix-en-Provence, le 20 mai 2026 », or « Le 20 mai 2026 » when the académie's city is unknown. */
export function letterDateLine(academie: string, now: Date): string {
  const date = frenchLongDate(parisDateOf(now), false);
  const { city } = letterhead(academie);
  return city ? `${city}, le ${date}` : `Le ${date}`;
}

function slug(text: string): string {
  return slugOf(text) || 'appel';
}

/** Stable per call and candidate: a convocation sent again replaces the event in the candidate's calendar. */
export function convocationUid(call: ConvocationData['call'], candidateId: number): string {
  return `convocation-${slug(call.reference || call.title)}-${candidateId}@${UID_DOMAIN}`;
}

/** Stable per call and interview (one per candidate): the same in every member's calendar. */
export function interviewUid(call: ConvocationData['call'], candidateId: number): string {
  return `entretien-${slug(call.reference || call.title)}-${candidateId}@${UID_DOMAIN}`;
}

function callWithReference(call: ConvocationData['call']): string {
  return call.reference.trim() ? `${call.title} (réf. ${call.reference.trim()})` : call.title;
}

/** French quotation marks, with the no-break spaces that keep them on the line of the words they enclose. */
function quoted(text: string): string {
  return `«${NBSP}${text.trim()}${NBSP}»`;
}

function timeRange(start: string, end: string): string {
  return `de ${frenchTime(start)} à ${frenchTime(end)}`;
}

function joinNonEmpty(parts: string[], separator: string): string {
  return parts.map((p) => p.trim()).filter(Boolean).join(separator);
}

function organizerOf(call: ConvocationData['call']): { name: string; email: string } | undefined {
  return call.contactEmail.trim() ? { name: 'Secrétariat de la commission de recrutement', email: call.contactEmail.trim() } : undefined;
}

/** « Dans le cadre de votre candidature au poste de … (appel « … », réf. …), … », tolerant of empty fields. */
function candidatureSentence(data: ConvocationData): string {
  const post = data.candidate.postLabel.trim();
  const reference = data.call.reference.trim();
  const appeal = `appel ${quoted(data.call.title)}${reference ? `, réf. ${reference}` : ''}`;
  return `Dans le cadre de votre candidature${post ? ` au poste de ${post}` : ''} (${appeal}), la commission de recrutement vous recevra en entretien :`;
}

function contactSentence(call: ConvocationData['call']): string {
  const email = call.contactEmail.trim();
  const reference = call.reference.trim();
  return email
    ? `En cas d’empêchement ou pour toute question, écrivez sans délai à ${email}${reference ? ` en rappelant la référence ${reference}` : ''}.`
    : 'En cas d’empêchement ou pour toute question, prévenez sans délai le secrétariat de la commission.';
}

const BRING_SENTENCE = 'Merci de vous présenter quelques minutes avant l’heure indiquée, avec une pièce d’identité en cours de validité.';
const POLITENESS = 'Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.';

function convocationDetails(data: ConvocationData): [string, string][] {
  return [
    ['Date', frenchLongDate(data.slot.date)],
    ['Heure', timeRange(data.slot.start, data.slot.end)],
    ['Lieu', data.call.place.trim() || PLACE_TO_COMPLETE],
    ...(data.slot.roomLabel.trim() ? ([['Salle', data.slot.roomLabel.trim()]] as [string, string][]) : []),
  ];
}

// ---------------------------------------------------------------------------------------------
// The letter.

const FONT = 'Arial';
/** Twentieths of a point; A4 is 210 × 297 mm. */
const A4 = { width: 11_906, height: 16_838 };
const CM = 567;

// Named styles, so that the secretariat changes one style in Word or LibreOffice rather than each paragraph.
const LETTER_STYLES: IParagraphStyleOptions[] = [
  { id: 'Academie', name: 'En-tête académie', basedOn: 'Normal', next: 'Service', quickFormat: true, run: { bold: true, size: 26 }, paragraph: { spacing: { after: 40 } } },
  { id: 'Service', name: 'En-tête service', basedOn: 'Normal', next: 'Service', quickFormat: true, run: { size: 18 }, paragraph: { spacing: { after: 0 } } },
  {
    id: 'LieuDate',
    name: 'Lieu et date',
    basedOn: 'Normal',
    next: 'Destinataire',
    quickFormat: true,
    paragraph: { alignment: AlignmentType.RIGHT, spacing: { before: 480, after: 240 } },
  },
  { id: 'Destinataire', name: 'Destinataire', basedOn: 'Normal', next: 'Objet', quickFormat: true, paragraph: { indent: { left: 9 * CM }, spacing: { after: 0 } } },
  { id: 'Objet', name: 'Objet', basedOn: 'Normal', next: 'Corps', quickFormat: true, run: { bold: true }, paragraph: { spacing: { before: 600, after: 360 } } },
  { id: 'Corps', name: 'Corps de la lettre', basedOn: 'Normal', next: 'Corps', quickFormat: true, paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: 200 } } },
  {
    id: 'Modalites',
    name: 'Modalités de l’entretien',
    basedOn: 'Normal',
    next: 'Corps',
    quickFormat: true,
    // Hanging indent with a tab at the same place: a long place wraps under its value, not under its label.
    paragraph: { indent: { left: 3 * CM, hanging: 2 * CM }, leftTabStop: 3 * CM, spacing: { after: 80 } },
  },
  { id: 'Signature', name: 'Signature', basedOn: 'Normal', next: 'Signature', quickFormat: true, paragraph: { indent: { left: 9 * CM }, spacing: { after: 0 }, keepNext: true, keepLines: true } },
];

function para(style: string, text: string, spacing?: { before?: number; after?: number }): Paragraph {
  return new Paragraph({ style, children: [new TextRun(text)], ...(spacing ? { spacing } : {}) });
}

/** The convocation letter (.docx, A4), editable: every paragraph carries a named style. */
export async function convocationDocx(data: ConvocationData): Promise<Uint8Array> {
  const { call, candidate } = data;
  const head = letterhead(call.academie);
  const addressee = joinNonEmpty([candidate.prenom, candidate.nom], ' ') || candidate.label;
  const children: Paragraph[] = [
    ...(head.heading ? [para('Academie', head.heading)] : []),
    para('Service', 'Commission de recrutement'),
    para('Service', call.title),
    ...(call.reference.trim() ? [para('Service', `Réf. : ${call.reference.trim()}`)] : []),
    ...(call.contactEmail.trim() ? [para('Service', `Contact : ${call.contactEmail.trim()}`)] : []),
    para('LieuDate', letterDateLine(call.academie, data.now)),
    para('Destinataire', addressee),
    new Paragraph({ style: 'Objet', children: [new TextRun('Objet : convocation à l’entretien')] }),
    para('Corps', 'Madame, Monsieur,'),
    para('Corps', candidatureSentence(data)),
    ...convocationDetails(data).map(
      ([label, value], i, all) =>
        new Paragraph({
          style: 'Modalites',
          children: [new TextRun({ text: `${label} :`, bold: true }), new TextRun({ children: [new Tab(), value] })],
          ...(i === all.length - 1 ? { spacing: { after: 240 } } : {}),
        }),
    ),
    para('Corps', BRING_SENTENCE),
    para('Corps', contactSentence(call)),
    para('Corps', POLITENESS),
    para('Signature', 'Pour la commission de recrutement,', { before: 480, after: 0 }),
    para('Signature', call.presidedBy.trim() || 'La présidence de la commission'),
  ];
  const document = new Document({
    title: `Convocation à l’entretien – ${candidate.label}`,
    subject: call.title,
    creator: 'Commission de recrutement',
    lastModifiedBy: 'Commission de recrutement',
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language: { value: 'fr-FR' } }, paragraph: { spacing: { line: 264 } } },
      },
      paragraphStyles: LETTER_STYLES,
    },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: { top: 2 * CM, bottom: 2 * CM, left: 2.5 * CM, right: 2 * CM, header: CM, footer: CM },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

// ---------------------------------------------------------------------------------------------
// The candidate's invitation and mail.

/**
 * RFC 5545 wants SEQUENCE to grow when a sent event changes its time; calendars (Outlook first) ignore a copy
 * whose SEQUENCE is not higher. Minutes since 2026 grow with every re-sent version without storing a counter.
 */
function revisionOf(now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.UTC(2026, 0, 1)) / 60_000));
}

export function convocationIcs(data: ConvocationData): string {
  const { call, candidate, slot } = data;
  const event: IcsEvent = {
    uid: convocationUid(call, candidate.id),
    sequence: revisionOf(data.now),
    start: { date: slot.date, time: slot.start },
    end: { date: slot.date, time: slot.end },
    summary: `Entretien – ${call.title}`,
    location: joinNonEmpty([call.place, slot.roomLabel], ' – '),
    description: [
      'Convocation à l’entretien devant la commission de recrutement.',
      ...(candidate.postLabel.trim() ? [`Poste : ${candidate.postLabel.trim()}`] : []),
      `Appel : ${callWithReference(call)}`,
      ...(slot.roomLabel.trim() ? [`Salle : ${slot.roomLabel.trim()}`] : []),
      'Se munir d’une pièce d’identité en cours de validité.',
      ...(call.contactEmail.trim() ? [`Contact : ${call.contactEmail.trim()}`] : []),
    ].join('\n'),
  };
  return buildIcs([event], { now: data.now, organizer: organizerOf(call), calendarName: `Entretien – ${call.title}` });
}

function convocationMailText(data: ConvocationData): string {
  const { call } = data;
  return [
    'Madame, Monsieur,',
    '',
    candidatureSentence(data),
    '',
    ...convocationDetails(data).map(([label, value]) => `${label} : ${value}`),
    '',
    BRING_SENTENCE,
    '',
    `L’invitation jointe (${CONVOCATION_ICS_NAME}) ajoute ce rendez-vous à votre agenda.`,
    '',
    contactSentence(call),
    '',
    POLITENESS,
    '',
    call.presidedBy.trim() || 'La présidence de la commission',
    `Commission de recrutement – ${call.title}`,
  ].join('\n');
}

/** « Convocation à l’entretien – <appel> – NOM Prénom ». */
export function convocationSubject(data: ConvocationData): string {
  const name = data.candidate.label.trim() || joinNonEmpty([data.candidate.nom, data.candidate.prenom], ' ');
  return `Convocation à l’entretien – ${data.call.title} – ${name}`;
}

/** The mail draft (.eml) to the candidate, the invitation attached. */
export function convocationEml(data: ConvocationData): Uint8Array {
  const { candidate } = data;
  const email = candidate.email.trim();
  return buildDraftMail({
    // No From: the mail client fills in the account that sends it.
    from: null,
    to: email ? [{ name: joinNonEmpty([candidate.prenom, candidate.nom], ' '), address: email }] : [],
    subject: convocationSubject(data),
    text: convocationMailText(data),
    attachments: [{ fileName: CONVOCATION_ICS_NAME, mimeType: ICS_MIME, content: new TextEncoder().encode(convocationIcs(data)) }],
    date: data.now,
  });
}

// ---------------------------------------------------------------------------------------------
// A member's schedule.

function sortedInterviews(data: MemberScheduleData): MemberScheduleData['interviews'] {
  return [...data.interviews].sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.start !== b.start ? (a.start < b.start ? -1 : 1) : a.candidateId - b.candidateId,
  );
}

export function memberIcs(data: MemberScheduleData): string {
  const { call } = data;
  const events: IcsEvent[] = sortedInterviews(data).map((i) => ({
    uid: interviewUid(call, i.candidateId),
    sequence: revisionOf(data.now),
    start: { date: i.date, time: i.start },
    end: { date: i.date, time: i.end },
    summary: `Entretien – ${i.candidateLabel}`,
    location: joinNonEmpty([call.place, i.roomLabel], ' – '),
    description: [
      `Commission de recrutement : ${callWithReference(call)}`,
      `Candidature : ${i.candidateLabel}`,
      ...(i.postLabel.trim() ? [`Poste : ${i.postLabel.trim()}`] : []),
      ...(i.roomLabel.trim() ? [`Salle : ${i.roomLabel.trim()}`] : []),
    ].join('\n'),
  }));
  return buildIcs(events, { now: data.now, organizer: organizerOf(call), calendarName: `Entretiens – ${call.title}` });
}

/** « Vos entretiens – <appel> ». */
export function memberScheduleSubject(data: MemberScheduleData): string {
  return `Vos entretiens – ${data.call.title}`;
}

function memberMailText(data: MemberScheduleData): string {
  const { call } = data;
  const interviews = sortedInterviews(data);
  const lines = [`Bonjour ${data.member.name.trim()},`.replace(' ,', ','), ''];
  if (interviews.length === 0) {
    lines.push(`Aucun entretien ne vous est attribué pour l’instant dans la commission ${quoted(callWithReference(call))}.`);
  } else {
    const count = interviews.length === 1 ? 'votre entretien' : `vos ${interviews.length} entretiens`;
    lines.push(`Voici ${count} pour la commission ${quoted(callWithReference(call))} :`);
    let day = '';
    for (const i of interviews) {
      if (i.date !== day) {
        day = i.date;
        lines.push('', frenchLongDate(i.date));
      }
      const room = i.roomLabel.trim() ? `, ${i.roomLabel.trim()}` : '';
      const post = i.postLabel.trim() ? ` (${i.postLabel.trim()})` : '';
      lines.push(`  – ${timeRange(i.start, i.end)}${room} : ${i.candidateLabel}${post}`);
    }
    lines.push('', `Lieu : ${call.place.trim() || PLACE_TO_COMPLETE}`, '');
    // A PUBLISH calendar updates the events it contains; it cannot remove one that is no longer in it.
    lines.push(
      `Le calendrier joint (${MEMBER_ICS_NAME}) ajoute ces entretiens à votre agenda. Si le planning change, le calendrier qui vous sera envoyé mettra à jour les mêmes rendez-vous ; un entretien qui vous serait retiré reste à supprimer de votre agenda.`,
    );
  }
  lines.push('');
  if (call.contactEmail.trim()) lines.push(`Pour toute question : ${call.contactEmail.trim()}`, '');
  lines.push('Le secrétariat de la commission de recrutement');
  return lines.join('\n');
}

/** The mail draft (.eml) to the member, their calendar attached. */
export function memberScheduleEml(data: MemberScheduleData): Uint8Array {
  const email = data.member.email.trim();
  return buildDraftMail({
    from: null,
    to: email ? [{ name: data.member.name.trim(), address: email }] : [],
    subject: memberScheduleSubject(data),
    text: memberMailText(data),
    attachments: [{ fileName: MEMBER_ICS_NAME, mimeType: ICS_MIME, content: new TextEncoder().encode(memberIcs(data)) }],
    date: data.now,
  });
}
