//! Who said what: statements attributed to a named speaker.
//!
//! **Reporting words** (matching forms, a leading و/ف allowed): verbs قال، أكد، أعلن، أضاف، أوضح،
//! صرّح، أشار، ذكر، كتب، تابع، لفت، شدد، اعتبر، أفاد، نوّه (perfect forms, masculine and feminine);
//! participles مضيفاً، مشيراً، موضحاً، مؤكداً، لافتاً، منوهاً، مشدداً، معتبراً (they continue the
//! sentence's speaker); attributions وفق/وفقاً لـ، حسب، بحسب; and `نقل … عن X` (the speaker is X).
//!
//! **Speaker**: the first PER name within ten tokens after the verb, else the first ORG name
//! (`قالت المتحدثة باسم الخارجية الروسية ماريا زاخاروفا` → the person); a country only right
//! after the verb (`أكدت روسيا`); else a name ending at most three tokens before the verb
//! (`توكاييف قال`، `توكايف، قد أكد`); else a headline `NAME: …` at the start of a line. The search
//! stops at `:`, at `أن/إن`, at a quotation of four words or more, and at the end of the sentence.
//!
//! **Continuations** are resolved conservatively: a reporting word with no named speaker
//! (`وأضاف: …`, `مشيراً إلى أن …`, `وذكر النائب أن …`) takes the speaker of the previous
//! attribution when it is a participle in the same sentence, or when the previous statement ended
//! at most 400 bytes before with no other person named in between and no contrast word
//! (بينما، في حين، فيما، من جهته، بدوره …) before the verb. After a relative pronoun
//! (`اللجنة التي قالت`) the speaker is the name right before it, or nobody. A reporting verb whose
//! speaker is not found breaks the chain: later continuations do not reach back past it.
//!
//! **Text**: words in «…», “…” or "…" (four words or more: shorter ones are terms, not
//! statements) after the speaker or right after `:`/`أن`; else, after `:`, the rest of the
//! sentence (direct); else, after `أن/إن/بأن`, the rest of the sentence up to the next reporting
//! word (reported speech, `direct = false`); else a quotation closing right before the verb
//! (`«…»، قال توكاييف`). An attribution at the start of a sentence (`وحسب فولودين سيتضح …`)
//! attributes the rest of the sentence.

use super::doc::{DocCtx, MentionRef};
use crate::model::Quote;
use crate::model::Token;
use crate::model::EntityType;
use crate::model::TokenKind;

const VERBS: &[&str] = &[
    "قال", "قالت", "اكد", "اكدت", "اعلن", "اعلنت", "اضاف", "اضافت", "اوضح", "اوضحت", "صرح", "صرحت", "اشار", "اشارت",
    "ذكر", "ذكرت", "كتب", "كتبت", "تابع", "تابعت", "لفت", "لفتت", "شدد", "شددت", "اعتبر", "اعتبرت", "افاد", "افادت",
    "نوه", "نوهت",
];
const PARTICIPLES: &[&str] = &["مضيفا", "مضيفه", "مشيرا", "مشيره", "موضحا", "موضحه", "موكدا", "موكده", "لافتا", "لافته", "منوها", "منوهه", "مشددا", "مشدده", "معتبرا", "معتبره"];
const ATTRIBUTION: &[&str] = &["وفق", "وفقا", "حسب", "بحسب"];
const RELAY: &[&str] = &["نقل", "نقلت"];
/// Words that bring in another subject (`بينما قال …`, `من جهته أكد …`).
const CONTRAST: &[&str] = &["بينما", "حين", "فيما", "جهته", "جهتها", "جانبه", "جانبها", "بدوره", "بدورها", "المقابل"];
/// Words that join a new clause (`في حين`, `بينما`).
const CONNECTORS: &[&str] = &["في", "حين", "بينما", "فيما", "و", "كما", "ثم"];
const COMPLEMENTIZERS: &[&str] = &["ان", "انه", "انها", "بان", "بانه", "بانها", "فان", "فانه", "انهم"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    Verb,
    Participle,
    Attribution,
    Relay,
}

fn without_conj(norm: &str) -> &str {
    for p in ["و", "ف"] {
        if let Some(r) = norm.strip_prefix(p) {
            if r.chars().count() >= 3 {
                return r;
            }
        }
    }
    norm
}

fn reporting(t: &Token) -> Option<Word> {
    if t.kind != TokenKind::Arabic || t.boiler || t.mention.is_some() {
        return None;
    }
    let cands = [t.norm.as_str(), without_conj(&t.norm)];
    let any = |list: &[&str]| cands.iter().any(|c| list.contains(c));
    if any(VERBS) {
        Some(Word::Verb)
    } else if any(PARTICIPLES) {
        Some(Word::Participle)
    } else if any(ATTRIBUTION) {
        Some(Word::Attribution)
    } else if any(RELAY) {
        Some(Word::Relay)
    } else {
        None
    }
}

/// Is `t` a reporting verb (`قال`, `أعلن`, `أكد` …; not a participle or attribution)?
pub fn is_reporting_verb(t: &Token) -> bool {
    reporting(t) == Some(Word::Verb)
}

/// Is `t` a complementizer (`أن`, `إن`, `بأن`, `فإن` …)?
pub fn is_complementizer(t: &Token) -> bool {
    t.kind == TokenKind::Arabic && COMPLEMENTIZERS.contains(&t.norm.as_str())
}

/// A quoted span: tokens of the opening and closing marks.
#[derive(Debug, Clone, Copy)]
struct Span {
    open: usize,
    close: usize,
    words: usize,
}

fn quoted_spans(toks: &[Token], text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut guillemet: Option<usize> = None;
    let mut curly: Option<usize> = None;
    let mut straight: Option<usize> = None;
    let mut push = |open: usize, close: usize| {
        let words = toks[open + 1..close].iter().filter(|t| t.kind != TokenKind::Punct).count();
        out.push(Span { open, close, words });
    };
    for (k, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Punct {
            continue;
        }
        // A straight quote never pairs across a line break.
        if let Some(o) = straight {
            if text[toks[o].end..t.start].contains('\n') {
                straight = None;
            }
        }
        match t.text {
            "«" => guillemet = Some(k),
            "»" => {
                if let Some(o) = guillemet.take() {
                    push(o, k);
                }
            }
            "“" => curly = Some(k),
            "”" => {
                if let Some(o) = curly.take() {
                    push(o, k);
                }
            }
            "\"" => match straight.take() {
                Some(o) => push(o, k),
                None => straight = Some(k),
            },
            _ => {}
        }
    }
    crate::sort::by_key(&mut out, |s| s.open);
    out
}

/// A speaker found for a reporting word.
#[derive(Debug, Clone, Copy)]
struct Event {
    /// Token of the reporting word.
    at: usize,
    /// Index of the speaker's mention.
    mention: usize,
    /// Byte end of the statement attributed (for continuations).
    until: usize,
}

struct Reader<'d, 'a> {
    d: &'d DocCtx<'a>,
    toks: &'d [Token<'a>],
    spans: Vec<Span>,
    /// Tokens inside dates.
    dated: Vec<bool>,
}

impl<'d, 'a> Reader<'d, 'a> {
    fn mention(&self, k: usize) -> Option<(usize, &'d MentionRef<'a>)> {
        let i = self.toks.get(k)?.mention?;
        Some((i, &self.d.mentions[i]))
    }

    /// Last token of the mention covering `k`.
    fn mention_end(&self, k: usize) -> usize {
        let m = self.toks[k].mention;
        let mut e = k;
        while e + 1 < self.toks.len() && self.toks[e + 1].mention == m {
            e += 1;
        }
        e
    }

    fn span_opening_at(&self, k: usize) -> Option<Span> {
        self.spans.iter().copied().find(|s| s.open == k)
    }

    fn is_complementizer(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.kind == TokenKind::Arabic && COMPLEMENTIZERS.contains(&t.norm.as_str()))
    }

    /// The speaker after a verb at `v`: (mention index, last token of the mention).
    fn speaker_after(&self, v: usize) -> Option<(usize, usize)> {
        let sentence = self.toks[v].sentence;
        let mut first_org = None;
        let mut k = v + 1;
        while k < self.toks.len() && k <= v + 10 {
            let t = &self.toks[k];
            // The subject comes before the time adverbial: `أعلنت اللجنة، اليوم، فوز المرشح X`.
            if t.sentence != sentence || t.is_punct(":") || self.is_complementizer(k) || self.dated[k] {
                break;
            }
            if let Some(s) = self.span_opening_at(k) {
                if s.words >= 4 {
                    break;
                }
            }
            if let Some((i, m)) = self.mention(k) {
                let e = self.mention_end(k);
                match m.kind {
                    EntityType::Per => return Some((i, e)),
                    EntityType::Org if first_org.is_none() => first_org = Some((i, e)),
                    EntityType::Loc if k == v + 1 && first_org.is_none() => return Some((i, e)),
                    _ => {}
                }
                k = e + 1;
                continue;
            }
            k += 1;
        }
        first_org
    }

    /// A speaker named just before the verb at `v` (`توكاييف قال`، `روسيا أكدت`); not for a verb
    /// with a conjunction (`…، وأضاف`), whose subject is the clause's before.
    fn speaker_before(&self, v: usize) -> Option<(usize, usize)> {
        let sentence = self.toks[v].sentence;
        if without_conj(&self.toks[v].norm) != self.toks[v].norm {
            return None;
        }
        for k in (v.saturating_sub(3)..v).rev() {
            if self.toks[k].sentence != sentence {
                break;
            }
            if let Some((i, m)) = self.mention(k) {
                let adjacent = k + 1 == v || self.toks[k + 1..v].iter().all(|t| t.kind == TokenKind::Punct || matches!(t.norm.as_str(), "قد" | "كان" | "كانت"));
                if (matches!(m.kind, EntityType::Per | EntityType::Org) && adjacent) || (m.kind == EntityType::Loc && k + 1 == v) {
                    return Some((i, v - 1));
                }
                break;
            }
        }
        None
    }

    /// The text attributed after token `from` (exclusive): (first token, end token, direct).
    fn text_after(&self, from: usize) -> Option<(usize, usize, bool)> {
        let toks = self.toks;
        let sentence = toks.get(from)?.sentence;
        let mut k = from + 1;
        let limit = from + 14;
        while k < toks.len() && k <= limit && toks[k].sentence == sentence {
            if let Some(s) = self.span_opening_at(k) {
                if s.words >= 4 {
                    return Some((s.open + 1, s.close, true));
                }
                k = s.close + 1;
                continue;
            }
            let t = &toks[k];
            if t.is_punct(":") {
                if let Some(s) = self.span_opening_at(k + 1) {
                    return Some((s.open + 1, s.close, true));
                }
                return self.to_sentence_end(k + 1).map(|(a, b)| (a, b, true));
            }
            if self.is_complementizer(k) {
                // إن: "…" / أن "…"
                let mut j = k + 1;
                if toks.get(j).is_some_and(|t| t.is_punct(":")) {
                    j += 1;
                }
                if let Some(s) = self.span_opening_at(j) {
                    if s.words >= 2 {
                        return Some((s.open + 1, s.close, true));
                    }
                }
                return self.to_sentence_end(k + 1).map(|(a, b)| (a, b, false));
            }
            if k > from + 1 && matches!(reporting(t), Some(Word::Verb | Word::Participle)) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// From token `a` to the end of its sentence or the next reporting word, trimmed of
    /// punctuation: (first, end).
    fn to_sentence_end(&self, a: usize) -> Option<(usize, usize)> {
        let toks = self.toks;
        let sentence = toks.get(a)?.sentence;
        let mut e = a;
        while e < toks.len() && toks[e].sentence == sentence && !toks[e].boiler {
            if e > a {
                let after_break = toks[e - 1].kind == TokenKind::Punct || CONNECTORS.contains(&toks[e - 1].norm.as_str());
                match reporting(&toks[e]) {
                    Some(Word::Participle) => break,
                    Some(Word::Verb) if after_break => break,
                    _ => {}
                }
            }
            e += 1;
        }
        // Drop connectors left at the end (`… يومين، في حين` before `أكدت`).
        while e > a && (toks[e - 1].kind == TokenKind::Punct && !matches!(toks[e - 1].text, "»" | "”" | "\"" | ")") || CONNECTORS.contains(&toks[e - 1].norm.as_str())) {
            e -= 1;
        }
        let mut s = a;
        while s < e && toks[s].kind == TokenKind::Punct && !matches!(toks[s].text, "«" | "“" | "\"") {
            s += 1;
        }
        while e > s && toks[e - 1].kind == TokenKind::Punct && !matches!(toks[e - 1].text, "»" | "”" | "\"" | ")") {
            e -= 1;
        }
        (e > s && toks[s..e].iter().any(|t| t.is_word())).then_some((s, e))
    }

    /// A quotation closing right before the verb at `v` (`«…»، قال X`).
    fn text_before(&self, v: usize) -> Option<(usize, usize, bool)> {
        let s = self.spans.iter().rev().find(|s| s.close < v && v - s.close <= 2 && s.words >= 4)?;
        self.toks[s.close + 1..v].iter().all(|t| t.kind == TokenKind::Punct).then_some((s.open + 1, s.close, true))
    }
}

/// The statements of one document.
pub fn extract(d: &DocCtx) -> Vec<Quote> {
    let toks = &d.view.tokens;
    let mut dated = vec![false; toks.len()];
    for m in &d.dates {
        dated[m.first..m.end].iter_mut().for_each(|x| *x = true);
    }
    let r = Reader { d, toks, spans: quoted_spans(toks, d.view.text), dated };
    let mut out: Vec<Quote> = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    let mut covered: Vec<(usize, usize)> = Vec::new(); // token ranges already attributed
    // Token of the last reporting verb whose speaker could not be found (usize::MAX: none).
    let mut barrier = usize::MAX;
    let inside = |k: usize, cov: &[(usize, usize)]| cov.iter().any(|&(a, b)| a <= k && k < b);
    for v in 0..toks.len() {
        let Some(word) = reporting(&toks[v]) else {
            // Headline "NAME: text" at the start of a line or after an ellipsis.
            if toks[v].is_punct(":") && v > 0 && !inside(v, &covered) {
                if let Some((i, m)) = r.mention(v - 1) {
                    if m.kind == EntityType::Per {
                        let mut s = v - 1;
                        while s > 0 && toks[s - 1].mention == toks[v - 1].mention {
                            s -= 1;
                        }
                        let line_start = s == 0 || d.view.text[toks[s - 1].end..toks[s].start].contains('\n') || matches!(toks[s - 1].text, "…" | "|" | "-");
                        if line_start {
                            if let Some((a, b)) = r.to_sentence_end(v + 1) {
                                push(&mut out, &mut covered, d, i, v, v, a, b, true, false, &mut events);
                            }
                        }
                    }
                }
            }
            continue;
        };
        if toks[v].boiler || inside(v, &covered) {
            continue;
        }
        let sentence = toks[v].sentence;
        let sentence_start = v == 0 || toks[v - 1].sentence != sentence;
        match word {
            Word::Attribution => {
                // Only at the start of a sentence does an attribution own the rest of it.
                if !sentence_start {
                    continue;
                }
                let mut k = v + 1;
                if toks.get(k).is_some_and(|t| t.kind == TokenKind::Punct) {
                    k += 1;
                }
                let Some((i, m)) = r.mention(k) else { continue };
                if !matches!(m.kind, EntityType::Per | EntityType::Org) {
                    continue;
                }
                let e = r.mention_end(k);
                // A reporting verb soon after: the verb's own speaker will be read there.
                if toks.iter().skip(e + 1).take(4).any(|t| reporting(t).is_some()) {
                    continue;
                }
                let mut from = e + 1;
                while toks.get(from).is_some_and(|t| t.kind == TokenKind::Punct && !matches!(t.text, "«" | "“" | "\"")) {
                    from += 1;
                }
                if let Some((a, b, direct)) = r.text_after(from - 1) {
                    push(&mut out, &mut covered, d, i, v, e, a, b, direct, false, &mut events);
                } else if let Some((a, b)) = r.to_sentence_end(from) {
                    push(&mut out, &mut covered, d, i, v, e, a, b, false, false, &mut events);
                }
            }
            Word::Relay => {
                // نقلت وكالة X عن Y قوله: …
                let found = (v + 1..(v + 8).min(toks.len())).take_while(|&k| toks[k].sentence == sentence).find(|&k| toks[k].norm == "عن" && r.mention(k + 1).is_some_and(|(_, m)| matches!(m.kind, EntityType::Per | EntityType::Org)));
                let Some(k) = found else { continue };
                let (i, _) = r.mention(k + 1).unwrap();
                let e = r.mention_end(k + 1);
                if let Some((a, b, direct)) = r.text_after(e) {
                    push(&mut out, &mut covered, d, i, v, e, a, b, direct, false, &mut events);
                } else {
                    events.push(Event { at: v, mention: i, until: toks[e].end });
                }
            }
            Word::Verb | Word::Participle => {
                // After a relative pronoun the speaker is the noun before it (`اللجنة التي قالت`):
                // a name right before, or nobody.
                let relative = v > 0 && matches!(toks[v - 1].norm.as_str(), "التي" | "الذي" | "الذين" | "اللذين" | "اللتين");
                let named: Option<(usize, usize)> = if relative {
                    let before = r.mention(v.saturating_sub(2)).filter(|(_, m)| matches!(m.kind, EntityType::Per | EntityType::Org));
                    match before {
                        Some((i, _)) => Some((i, v)),
                        None => {
                            barrier = v;
                            continue;
                        }
                    }
                } else if word == Word::Verb {
                    r.speaker_after(v).or_else(|| r.speaker_before(v).map(|(i, _)| (i, v)))
                } else {
                    None
                };
                let (speaker, from, continuation) = match named {
                    Some((i, e)) => (i, e, false),
                    None => {
                        // Continuation of the previous speaker: a participle in the same sentence,
                        // or a verb soon after with no other person named in between and no
                        // contrast (`بينما قال …` brings in someone else).
                        let Some(prev) = events.last().copied().filter(|e| e.at > barrier || barrier == usize::MAX) else {
                            barrier = v;
                            continue;
                        };
                        let same_sentence = toks[prev.at].sentence == sentence;
                        let contrast = (v.saturating_sub(2)..v).any(|k| toks[k].sentence == sentence && CONTRAST.contains(&toks[k].norm.as_str()));
                        let near = toks[v].start.saturating_sub(prev.until) <= 400;
                        // Tokens are in text order: the first after the previous quote by bisection
                        // (a scan from the start made long texts quadratic).
                        let lo = toks.partition_point(|t| t.start < prev.until).min(v);
                        let other_person = || (lo..v).any(|k| r.mention(k).is_some_and(|(i, m)| m.kind == EntityType::Per && d.mentions[i].entity != d.mentions[prev.mention].entity));
                        let ok = (word == Word::Participle && same_sentence) || (near && !contrast && !other_person());
                        if !ok {
                            // Someone not named spoke: later continuations cannot reach back.
                            barrier = v;
                            continue;
                        }
                        (prev.mention, v, true)
                    }
                };
                let text = r.text_after(from).or_else(|| r.text_before(v));
                match text {
                    Some((a, b, direct)) => push(&mut out, &mut covered, d, speaker, v, from, a, b, direct, continuation, &mut events),
                    None => {
                        if !continuation {
                            events.push(Event { at: v, mention: speaker, until: toks[from].end });
                        }
                    }
                }
            }
        }
    }
    crate::sort::by_key(&mut out, |q| q.byte_start);
    out.dedup_by(|a, b| a.byte_start == b.byte_start && a.byte_end == b.byte_end);
    out
}

#[allow(clippy::too_many_arguments)]
fn push(
    out: &mut Vec<Quote>,
    covered: &mut Vec<(usize, usize)>,
    d: &DocCtx,
    mention: usize,
    verb: usize,
    _from: usize,
    a: usize,
    b: usize,
    direct: bool,
    continuation: bool,
    events: &mut Vec<Event>,
) {
    let toks = &d.view.tokens;
    if b <= a || !toks[a..b].iter().any(|t| t.is_word()) {
        return;
    }
    let m = &d.mentions[mention];
    let (bs, be) = (toks[a].start, toks[b - 1].end);
    let (cs, ce) = (toks[a].cstart, toks[b - 1].cend);
    out.push(Quote {
        entity: m.entity.to_string(),
        document: d.id.to_string(),
        verb: toks[verb].text.to_string(),
        text: d.view.text[bs..be].to_string(),
        start: cs,
        end: ce,
        speaker_start: m.cstart,
        speaker_end: m.cend,
        speaker: m.text.to_string(),
        direct,
        continuation,
        byte_start: bs,
        byte_end: be,
    });
    covered.push((a, b));
    events.push(Event { at: verb, mention, until: be });
}
