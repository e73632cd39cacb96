import type { Call, IsoDate, Post } from '../model/entities.js';
import { AGENT_STATUSES, type AgentStatus, isDisciplineCode } from '../model/referential.js';
import { checkEmail } from './contact.js';
import { formatFrenchDate, parseFrenchDate } from './dates.js';
import { cleanMultiline, cleanText } from './text.js';
import type { FieldErrors } from '../contract/errors.js';

export interface PostDraft {
  /** Present for a post that already exists. */
  id?: number;
  label: string;
  site: string;
  places: string;
}

/** A call as the form holds it (dates as typed). */
export interface CallDraft {
  title: string;
  reference: string;
  academie: string;
  employer: string;
  location: string;
  category: string;
  description: string;
  acceptedStatuses: string[];
  acceptedDisciplines: string[];
  deadline: string;
  interviewStart: string;
  interviewEnd: string;
  interviewPlace: string;
  presidedBy: string;
  panelSize: string;
  contactEmail: string;
  subjectPattern: string;
  posts: PostDraft[];
}

export type PostInput = { id?: number; label: string; site: string; places: number };
export type CallInput = Omit<Call, 'id' | 'archivedAt' | 'createdAt' | 'updatedAt' | 'posts'> & { posts: PostInput[] };

export function emptyCallDraft(): CallDraft {
  return {
    title: '',
    reference: '',
    academie: '',
    employer: '',
    location: '',
    category: '',
    description: '',
    acceptedStatuses: [],
    acceptedDisciplines: [],
    deadline: '',
    interviewStart: '',
    interviewEnd: '',
    interviewPlace: '',
    presidedBy: '',
    panelSize: '',
    contactEmail: '',
    subjectPattern: '',
    posts: [{ label: '', site: '', places: '1' }],
  };
}

export function draftFromCall(call: Call): CallDraft {
  return {
    title: call.title,
    reference: call.reference,
    academie: call.academie,
    employer: call.employer,
    location: call.location,
    category: call.category,
    description: call.description,
    acceptedStatuses: [...call.acceptedStatuses],
    acceptedDisciplines: [...call.acceptedDisciplines],
    deadline: formatFrenchDate(call.deadline),
    interviewStart: formatFrenchDate(call.interviewStart),
    interviewEnd: formatFrenchDate(call.interviewEnd),
    interviewPlace: call.interviewPlace,
    presidedBy: call.presidedBy,
    panelSize: call.panelSize === null ? '' : String(call.panelSize),
    contactEmail: call.contactEmail,
    subjectPattern: call.subjectPattern,
    posts: call.posts.map((p: Post) => ({ id: p.id, label: p.label, site: p.site, places: String(p.places) })),
  };
}

export type CallCheck = { ok: true; value: CallInput } | { ok: false; errors: FieldErrors; value: null };

/** Checks a call draft; errors are keyed by field, and by `posts.<index>.<field>` for posts. */
export function checkCallDraft(draft: CallDraft): CallCheck {
  const errors: FieldErrors = {};
  const date = (field: keyof CallDraft, label: string): IsoDate | null => {
    const text = String(draft[field]).trim();
    if (!text) return null;
    const parsed = parseFrenchDate(text);
    if (!parsed.ok) {
      errors[field] = `${label} : ${parsed.message}`;
      return null;
    }
    return parsed.iso;
  };
  const title = cleanText(draft.title);
  if (!title) errors.title = 'L’intitulé de l’appel est obligatoire.';
  else if (title.length > 300) errors.title = 'L’intitulé : 300 caractères au plus.';

  const deadline = date('deadline', 'Date limite');
  const interviewStart = date('interviewStart', 'Début des entretiens');
  const interviewEnd = date('interviewEnd', 'Fin des entretiens');
  if (interviewStart && interviewEnd && interviewEnd < interviewStart) {
    errors.interviewEnd = 'La fin des entretiens précède leur début.';
  }
  if (deadline && interviewStart && interviewStart < deadline) {
    errors.interviewStart = 'Les entretiens commencent avant la date limite de dépôt.';
  }

  let panelSize: number | null = null;
  if (draft.panelSize.trim()) {
    const n = Number(draft.panelSize.trim());
    if (!Number.isInteger(n) || n < 1 || n > 50) errors.panelSize = 'La taille du jury est un nombre entier de 1 à 50.';
    else panelSize = n;
  }

  let contactEmail = '';
  if (draft.contactEmail.trim()) {
    const mail = checkEmail(draft.contactEmail);
    if (mail.ok) contactEmail = mail.value;
    else errors.contactEmail = mail.message;
  }

  const acceptedStatuses: AgentStatus[] = [];
  for (const s of draft.acceptedStatuses) {
    if ((AGENT_STATUSES as readonly string[]).includes(s)) acceptedStatuses.push(s as AgentStatus);
    else errors.acceptedStatuses = `Statut inconnu : « ${s} ».`;
  }
  const acceptedDisciplines: string[] = [];
  for (const d of draft.acceptedDisciplines) {
    if (isDisciplineCode(d)) acceptedDisciplines.push(d);
    else errors.acceptedDisciplines = `Discipline inconnue : « ${d} ».`;
  }

  const posts: PostInput[] = [];
  if (draft.posts.length === 0) errors.posts = 'Un appel compte au moins un poste.';
  draft.posts.forEach((p, i) => {
    const label = cleanText(p.label);
    if (!label) errors[`posts.${i}.label`] = `Poste ${i + 1} : l’intitulé est obligatoire.`;
    const places = Number(p.places.trim());
    if (!p.places.trim() || !Number.isInteger(places) || places < 1 || places > 999) {
      errors[`posts.${i}.places`] = `Poste ${i + 1} : le nombre de places est un entier de 1 à 999.`;
    }
    posts.push({ ...(p.id !== undefined ? { id: p.id } : {}), label, site: cleanText(p.site), places });
  });

  if (Object.keys(errors).length > 0) return { ok: false, errors, value: null };
  return {
    ok: true,
    value: {
      title,
      reference: cleanText(draft.reference),
      academie: cleanText(draft.academie),
      employer: cleanText(draft.employer),
      location: cleanText(draft.location),
      category: cleanText(draft.category),
      description: cleanMultiline(draft.description),
      acceptedStatuses,
      acceptedDisciplines,
      deadline,
      interviewStart,
      interviewEnd,
      interviewPlace: cleanText(draft.interviewPlace),
      presidedBy: cleanText(draft.presidedBy),
      panelSize,
      contactEmail,
      subjectPattern: cleanText(draft.subjectPattern),
      posts,
    },
  };
}
