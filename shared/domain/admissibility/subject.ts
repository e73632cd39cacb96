// Reading the subject of an application mail against the pattern the call published, e.g. CSTI's
// « Candidature Relais territorial du réseau <réseau> – NOM PRÉNOM ».
//
// How it reads:
// - the pattern is cut into literal words, separators (dashes) and placeholders: « <réseau> » (any
//   « <…> » naming a réseau, poste, site or lieu), a run of dots « ……… » after « réseau » (as the printed
//   call writes it), « NOM PRÉNOM » / « PRÉNOM NOM » (or « <nom> <prénom> »); any other « <…> » is free text;
// - the subject loses its « Re: », « TR: », « Fwd: »… prefixes and « [tags] », then is cut into words and
//   separators: – — ‒ ― − : ; / | ( ) and a hyphen with a space on one side at least (a hyphen inside a word,
//   « Jean-Pierre », stays in the word);
// - words are compared folded (case, accents); the connector words just before the réseau (« du réseau »)
//   may be missing; a missing separator is tolerated; extra separators are ignored;
// - the subject is aligned with the pattern at the lowest cost (known réseau < part of a réseau's name <
//   unknown réseau < no réseau; two name words < one < none; any extra or missing word of the literal text
//   is a departure from the pattern), so that a réseau whose name holds a dash (« Côte Bleue – La Nerthe »)
//   is read whole;
// - the réseau is recognised among the call's réseaux by folded comparison without « réseau » and articles
//   (« cote bleue la nerthe », « Côte-Bleue – Nerthe » → « Réseau Côte Bleue – La Nerthe »); a part of one
//   name only (« Nerthe ») is accepted when it designates a single réseau;
// - NOM PRÉNOM is split by case: the words written in capitals are the nom (with a lower-case particle
//   just before them: « de LA FONTAINE »), the others the prénom, whatever their order; when case does not
//   tell (all capitals or none), the pattern's order decides: for NOM PRÉNOM the last word is the prénom and
//   the words before it the nom (PRÉNOM NOM: the first word is the prénom). The nom is returned in capitals;
//   a prénom written all in capitals or all in lower case gets initial capitals (« JEAN-PIERRE » → « Jean-Pierre »).
// A subject that departs from the pattern in more than half of its literal words is not read at all: only a
//   réseau named exactly somewhere in it is reported.

export interface SubjectParse {
  /** The subject follows the pattern: nothing to report. */
  matches: boolean;
  /** One of the given réseaux; the text as written when no réseau is given; null when absent or unknown. */
  network: string | null;
  nom: string | null;
  prenom: string | null;
  /** French, for the secretariat. */
  problems: string[];
}

type NameOrder = 'nom_prenom' | 'prenom_nom';

interface Token {
  dash: boolean;
  text: string;
  folded: string;
}

type Element =
  | { kind: 'word'; folded: string; optional: boolean }
  | { kind: 'dash' }
  | { kind: 'network' }
  | { kind: 'name'; order: NameOrder }
  | { kind: 'other' };

const PREFIXES = /^\s*(?:(?:re|tr|fwd?|aw|wg|sv|vs|rv|réf|ref|antw)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*|\[[^\]]{0,40}\]\s*)+/i;
const SEPARATORS = /[‒–—―−:;/|()[\]{}]/g;
const MAX_SUBJECT = 500;
/**
 * Words and dashes read at most: the alignment costs about the cube of their number (0.2 ms for a real
 * subject of 15 tokens, close to a second for 500 characters of short words), and a real subject has fewer
 * than 30. Beyond, the rest is ignored (and the subject departs from the pattern anyway).
 */
const MAX_TOKENS = 40;
/** A réseau (or free text) is read in at most this many words and separators. */
const MAX_PLACEHOLDER_TOKENS = 12;

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/’/g, "'");
}

function tokenize(text: string): Token[] {
  const spaced = text
    .normalize('NFC')
    .replace(/[‐‑]/g, '-')
    .replace(SEPARATORS, ' – ')
    .replace(/-{2,}/g, ' – ')
    .replace(/(^|\s)-+|-+(?=\s|$)/g, '$1 – ')
    .replace(/[^\p{L}\p{N}'’.\-–\s]/gu, ' ');
  const tokens: Token[] = [];
  for (const raw of spaced.split(/\s+/)) {
    if (raw === '–') {
      tokens.push({ dash: true, text: '–', folded: '-' });
      continue;
    }
    let cleaned = raw.replace(/^[.'’-]+/, '').replace(/['’-]+$/, '');
    // A final full stop goes, except in initials (« J. », « J.-P. »).
    if (!/^(?:\p{L}\.-?)+$/u.test(cleaned)) cleaned = cleaned.replace(/[.'’-]+$/, '');
    if (!cleaned || !/[\p{L}\p{N}]/u.test(cleaned)) continue;
    tokens.push({ dash: false, text: cleaned, folded: fold(cleaned) });
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// The pattern.

const PLACEHOLDER = /<([^<>]*)>|(?<!\p{L})(NOM\s+PR[ÉE]NOM|PR[ÉE]NOM\s+NOM)(?!\p{L})|(?:…|\.{3})[….]*/giu;
const CONNECTORS = new Set(['du', 'de', 'des', 'd', "d'", 'la', 'le', 'les', 'l', "l'", 'au', 'aux', 'reseau', 'reseaux']);

function placeholderOf(whole: string, inner: string | undefined, previous: Element | undefined): Element {
  if (inner !== undefined) {
    const folded = fold(inner);
    if (/prenom|(^|[^a-z])nom([^a-z]|$)/.test(folded)) return { kind: 'name', order: /^\W*prenom/.test(folded) ? 'prenom_nom' : 'nom_prenom' };
    if (/reseau|poste|site|lieu|etablissement/.test(folded)) return { kind: 'network' };
    return { kind: 'other' };
  }
  if (/nom/i.test(whole)) return { kind: 'name', order: /^pr/i.test(whole) ? 'prenom_nom' : 'nom_prenom' };
  // Dots: a réseau when they follow « réseau », else free text.
  return previous?.kind === 'word' && previous.folded.startsWith('reseau') ? { kind: 'network' } : { kind: 'other' };
}

function parsePattern(pattern: string): Element[] {
  const elements: Element[] = [];
  const literal = (text: string) => {
    for (const token of tokenize(text)) elements.push(token.dash ? { kind: 'dash' } : { kind: 'word', folded: token.folded, optional: false });
  };
  const source = pattern.normalize('NFC');
  let last = 0;
  for (const m of source.matchAll(PLACEHOLDER)) {
    literal(source.slice(last, m.index));
    const element = placeholderOf(m[0], m[1], elements[elements.length - 1]);
    const previous = elements[elements.length - 1];
    // « <nom> <prénom> »: one name.
    if (!(element.kind === 'name' && previous?.kind === 'name')) elements.push(element);
    last = m.index + m[0].length;
  }
  literal(source.slice(last));
  // The connector words just before a réseau (« du réseau ») may be missing.
  elements.forEach((element, index) => {
    if (element.kind !== 'network') return;
    for (let k = index - 1; k >= 0; k -= 1) {
      const before = elements[k]!;
      if (before.kind !== 'word' || !CONNECTORS.has(before.folded)) break;
      before.optional = true;
    }
  });
  return elements;
}

// ---------------------------------------------------------------------------------------------
// Réseaux.

const ARTICLES = new Set(['la', 'le', 'les', 'l', 'du', 'de', 'des', 'd', 'reseau', 'reseaux']);

/** « Réseau Côte-Bleue – La Nerthe » → 'cote bleue nerthe'. */
function networkKey(words: readonly string[]): string {
  return words
    .flatMap((w) => w.replace(/^[ld]'/, '').split(/[-'.]+/))
    .filter((w) => w !== '' && !ARTICLES.has(w))
    .join(' ');
}

type NetworkMatch = { kind: 'exact' | 'partial'; name: string } | { kind: 'ambiguous'; names: string[] } | { kind: 'unknown' };

class NetworkFinder {
  private readonly keys: { name: string; key: string }[];
  constructor(readonly names: readonly string[]) {
    this.keys = names.map((name) => ({ name, key: networkKey(tokenize(name).filter((t) => !t.dash).map((t) => t.folded)) }));
  }

  find(words: readonly string[], partialAllowed = true): NetworkMatch {
    const key = networkKey(words);
    if (!key) return { kind: 'unknown' };
    const exact = this.keys.filter((k) => k.key === key);
    if (exact.length === 1) return { kind: 'exact', name: exact[0]!.name };
    if (exact.length > 1) return { kind: 'ambiguous', names: exact.map((k) => k.name) };
    if (!partialAllowed || key.length < 3) return { kind: 'unknown' };
    const partial = this.keys.filter((k) => ` ${k.key} `.includes(` ${key} `));
    if (partial.length === 1) return { kind: 'partial', name: partial[0]!.name };
    if (partial.length > 1) return { kind: 'ambiguous', names: partial.map((k) => k.name) };
    return { kind: 'unknown' };
  }
}

// ---------------------------------------------------------------------------------------------
// Names.

const PARTICLES = new Set(['de', 'du', 'des', "d'", 'd’', 'le', 'la', 'van', 'von', 'der', 'den', 'di', 'da', 'del', 'della', 'dos', 'das', 'ben', 'el', 'al', 'ter']);

function isCapitals(word: string): boolean {
  return word === word.toLocaleUpperCase('fr-FR') && word !== word.toLocaleLowerCase('fr-FR');
}

function initialCapitals(word: string): string {
  return word.toLocaleLowerCase('fr-FR').replace(/(^|[-'’\s])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toLocaleUpperCase('fr-FR'));
}

/**
 * Splits the words written for « NOM PRÉNOM »: the words in capitals are the nom (with the lower-case
 * particles just before them), the others the prénom; when case does not tell, the order of the pattern does
 * (NOM PRÉNOM: the last word is the prénom). A single word is a nom without prénom.
 */
export function splitNomPrenom(words: readonly string[], order: NameOrder = 'nom_prenom'): { nom: string | null; prenom: string | null } {
  const list = words.filter((w) => w.trim() !== '');
  if (list.length === 0) return { nom: null, prenom: null };
  const capitals = list.map(isCapitals);
  let nomWords: string[];
  let prenomWords: string[];
  if (list.length > 1 && capitals.some(Boolean) && !capitals.every(Boolean)) {
    const inNom = [...capitals];
    for (let i = list.length - 2; i >= 0; i -= 1) {
      if (!inNom[i] && inNom[i + 1] && PARTICLES.has(list[i]!.toLocaleLowerCase('fr-FR'))) inNom[i] = true;
    }
    nomWords = list.filter((_, i) => inNom[i]);
    prenomWords = list.filter((_, i) => !inNom[i]);
  } else if (list.length === 1) {
    nomWords = list;
    prenomWords = [];
  } else if (order === 'nom_prenom') {
    nomWords = list.slice(0, -1);
    prenomWords = list.slice(-1);
  } else {
    prenomWords = list.slice(0, 1);
    nomWords = list.slice(1);
  }
  const prenomText = prenomWords.join(' ');
  const prenomCase = prenomText === prenomText.toLocaleUpperCase('fr-FR') || prenomText === prenomText.toLocaleLowerCase('fr-FR');
  return {
    nom: nomWords.join(' ').toLocaleUpperCase('fr-FR'),
    prenom: prenomWords.length === 0 ? null : prenomCase ? initialCapitals(prenomText) : prenomText,
  };
}

// ---------------------------------------------------------------------------------------------
// Alignment.

// Costs, in tenths: lower is a better reading.
const COST = {
  optionalSkipped: 2,
  dashInserted: 2,
  dashSkipped: 5,
  deviation: 50,
  networkPartial: 10,
  networkUnknown: 80,
  networkMissing: 120,
  oneNameWord: 40,
  noName: 100,
  otherMissing: 50,
  extra: 100,
} as const;

type Step =
  | { kind: 'literal' }
  | { kind: 'deviation' }
  | { kind: 'network'; from: number; to: number; match: NetworkMatch | null }
  | { kind: 'name'; from: number; to: number; order: NameOrder }
  | { kind: 'extra'; from: number };

interface Reading {
  cost: number;
  steps: Step[];
}

function align(elements: readonly Element[], tokens: readonly Token[], finder: NetworkFinder | null): Reading {
  const n = tokens.length;
  const memo = new Map<number, Reading>();
  const words = (from: number, to: number) => tokens.slice(from, to).map((t) => t.folded);

  const best = (i: number, j: number): Reading => {
    const id = i * (n + 1) + j;
    const known = memo.get(id);
    if (known) return known;
    let result: Reading = { cost: Infinity, steps: [] };
    const consider = (cost: number, step: Step | null, next: () => Reading) => {
      if (cost >= result.cost) return;
      const rest = next();
      if (cost + rest.cost < result.cost) result = { cost: cost + rest.cost, steps: step ? [step, ...rest.steps] : rest.steps };
    };
    const element = elements[i];
    const token = tokens[j];
    if (!element) {
      if (j >= n) result = { cost: 0, steps: [] };
      else if (tokens.slice(j).every((t) => t.dash)) result = { cost: COST.dashInserted, steps: [] };
      else result = { cost: COST.extra, steps: [{ kind: 'extra', from: j }] };
    } else if (element.kind === 'word' || element.kind === 'dash') {
      if (element.kind === 'word') {
        if (token && !token.dash && token.folded === element.folded) consider(0, { kind: 'literal' }, () => best(i + 1, j + 1));
        if (element.optional) consider(COST.optionalSkipped, null, () => best(i + 1, j));
        consider(COST.deviation, { kind: 'deviation' }, () => best(i + 1, j));
      } else {
        if (token?.dash) consider(0, null, () => best(i + 1, j + 1));
        consider(COST.dashSkipped, null, () => best(i + 1, j));
      }
      if (token?.dash) consider(COST.dashInserted, null, () => best(i, j + 1));
      else if (token) consider(COST.deviation, { kind: 'deviation' }, () => best(i, j + 1));
    } else if (element.kind === 'network' || element.kind === 'other') {
      if (token && !token.dash) {
        for (let to = j + 1; to <= Math.min(n, j + MAX_PLACEHOLDER_TOKENS); to += 1) {
          if (tokens[to - 1]!.dash) continue;
          if (element.kind === 'other') {
            consider(0, null, () => best(i + 1, to));
            continue;
          }
          const match = finder ? finder.find(words(j, to)) : null;
          if (finder && !networkKey(words(j, to))) continue;
          const cost = !match ? 0 : match.kind === 'exact' ? 0 : match.kind === 'partial' ? COST.networkPartial : COST.networkUnknown;
          consider(cost, { kind: 'network', from: j, to, match }, () => best(i + 1, to));
        }
      }
      if (element.kind === 'network') consider(COST.networkMissing, { kind: 'network', from: j, to: j, match: null }, () => best(i + 1, j));
      else consider(COST.otherMissing, { kind: 'deviation' }, () => best(i + 1, j));
    } else {
      let end = j;
      while (end < n && !tokens[end]!.dash) end += 1;
      for (let to = end; to >= j; to -= 1) {
        const count = to - j;
        const cost = count >= 2 ? 0 : count === 1 ? COST.oneNameWord : COST.noName;
        consider(cost, { kind: 'name', from: j, to, order: element.order }, () => best(i + 1, to));
      }
    }
    memo.set(id, result);
    return result;
  };
  return best(0, 0);
}

function textOf(tokens: readonly Token[]): string {
  return tokens.map((t) => t.text).join(' ');
}

/**
 * Reads a mail subject against a call's subject pattern. `networks`: the réseaux (or sites) of the call's
 * posts, as the app writes them. A pattern without placeholder (or empty) asks for nothing: it always matches.
 */
export function parseApplicationSubject(subject: string, pattern: string, networks: readonly string[]): SubjectParse {
  const elements = parsePattern(pattern);
  const none: SubjectParse = { matches: true, network: null, nom: null, prenom: null, problems: [] };
  if (!elements.some((e) => e.kind === 'network' || e.kind === 'name' || e.kind === 'other')) return none;

  const tokens = tokenize(subject.slice(0, MAX_SUBJECT).replace(PREFIXES, '')).slice(0, MAX_TOKENS);
  if (!tokens.some((t) => !t.dash)) return { matches: false, network: null, nom: null, prenom: null, problems: ['L’objet du message est vide.'] };
  const finder = networks.length > 0 ? new NetworkFinder(networks) : null;
  const offModel = `L’objet ne suit pas le modèle « ${pattern.trim()} ».`;

  const reading = align(elements, tokens, finder);
  const required = elements.filter((e) => e.kind === 'word' && !e.optional).length;
  const matched = reading.steps.filter((s) => s.kind === 'literal').length;
  if (required > 0 && matched < Math.ceil(required / 2)) {
    // Too far from the pattern to read names: only a réseau named in full somewhere.
    let network: string | null = null;
    if (finder) {
      search: for (let from = 0; from < tokens.length; from += 1) {
        for (let to = tokens.length; to > from; to -= 1) {
          const found = finder.find(tokens.slice(from, to).map((t) => t.folded), false);
          if (found.kind === 'exact') {
            network = found.name;
            break search;
          }
        }
      }
    }
    return { matches: false, network, nom: null, prenom: null, problems: [offModel] };
  }

  const problems: string[] = [];
  if (reading.steps.some((s) => s.kind === 'deviation')) problems.push(offModel);
  let network: string | null = null;
  let nom: string | null = null;
  let prenom: string | null = null;
  let networkSeen = false;
  let nameSeen = false;
  for (const step of reading.steps) {
    if (step.kind === 'network' && !networkSeen) {
      networkSeen = true;
      const written = textOf(tokens.slice(step.from, step.to));
      if (step.to === step.from) problems.push('Le réseau n’est pas indiqué dans l’objet.');
      else if (!step.match) network = written;
      else if (step.match.kind === 'exact' || step.match.kind === 'partial') network = step.match.name;
      else if (step.match.kind === 'ambiguous') problems.push(`« ${written} » désigne plusieurs réseaux de l’appel : ${step.match.names.join(', ')}.`);
      else problems.push(`Réseau non reconnu : « ${written} ». Réseaux de l’appel : ${networks.join(', ')}.`);
    } else if (step.kind === 'name' && !nameSeen) {
      nameSeen = true;
      const split = splitNomPrenom(
        tokens.slice(step.from, step.to).map((t) => t.text),
        step.order,
      );
      nom = split.nom;
      prenom = split.prenom;
      if (!nom) problems.push('Le nom et le prénom ne sont pas indiqués dans l’objet.');
      else if (!prenom) problems.push('Le prénom n’est pas indiqué dans l’objet.');
    } else if (step.kind === 'extra') {
      const rest = tokens.slice(step.from);
      while (rest[0]?.dash) rest.shift();
      while (rest[rest.length - 1]?.dash) rest.pop();
      problems.push(`Texte en trop à la fin de l’objet : « ${textOf(rest)} ».`);
    }
  }
  return { matches: problems.length === 0, network, nom, prenom, problems };
}

/** Whether a pattern asks for anything to be read (a réseau, a name…). */
export function patternHasPlaceholder(pattern: string): boolean {
  return parsePattern(pattern).some((e) => e.kind === 'network' || e.kind === 'name' || e.kind === 'other');
}
