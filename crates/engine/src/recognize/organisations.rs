//! Organisation names on a head noun (the `organisation` and `media` rules, see [`super::rules`]):
//! the head's construct chain and domain (`المرصد السوري لحقوق الإنسان`), the outlet after a media
//! head (`وكالة سبوتنيك`, `لقناة "خبر ترك"`), and ministries named by their adjective
//! (`الخارجية الروسية`); a government by its country or by the kind of government it is
//! (`حكومة إسرائيل`, `حكومة الوحدة الوطنية`), not by its head (`حكومة الدبيبة` names the man).

use super::ask::Ask;
use super::gazetteer::next_word;
use super::make;
use super::rules::{head, quoted_after};
use crate::model::{Candidate, EntityType, Origin, RuleId, Token};

/// An adjective of institutions (`العامة`, `الأعلى`, `الوطني` …: `[institution_adjectives]`).
fn institutional(ask: &Ask, w: &Token) -> bool {
    ask.lex.institution_adjectives.contains(w.norm())
}

/// The construct chain after an organisation head at `i`; returns the last word of the name.
/// Definite nouns chain until a definite noun is followed by anything but a relative adjective;
/// proper names and indefinite nouns in construct may precede them; `لل…` may close a proper name.
/// A definite head takes no indefinite word (a definite noun is never the first term of a
/// construct): `أمين عام الحزب حسن نصرالله`, `موافقة الجمعية يعطي البنك` are no organisation.
fn org_chain(words: &[Token], ask: &Ask, i: usize, definite_head: bool, complement: bool) -> Option<usize> {
    #[derive(PartialEq)]
    enum Prev {
        Head,
        Definite,
        Proper,
        Construct,
        /// After `ل` + a noun + a definite noun (the chain before it ended at the word given):
        /// an adjective of a place that follows is someone else's (`الاتحاد الدولي لكرة القدم
        /// السويسري جاني إنفانتينو`), and a feminine one after a masculine head is the noun's,
        /// which is then a description (`البنك التجاري لأوراق الدين الأوروبية`).
        Complement(Option<usize>),
    }
    let mut prev = Prev::Head;
    let mut last = None;
    let head_feminine = words[i].norm().ends_with('ه');
    // A party or movement named by a proper name: a country's adjective after it describes it
    // (`حزب الله اللبناني`, `حركة حماس الفلسطينية`; ANERcorp and our gold leave it out).
    let party = words[i].splits.iter().any(|s| matches!(s.stem.as_str(), "حزب" | "حركه" | "جماعه"));
    let mut k = i;
    for _ in 0..5 {
        let Some(j) = next_word(words, k).filter(|&j| words[j].sentence == words[i].sentence) else { break };
        let w = &words[j];
        // `العام` is "public" after a definite noun (`مديرية الأمن العام`) and "the year" before
        // `الماضي`/`المقبل` … or a number (`الداخلية العام الماضي`).
        let year = || next_word(words, j).is_none_or(|m| words[m].sentence != w.sentence || ask.temporal(&words[m]) || words[m].kind == crate::model::TokenKind::Number || matches!(words[m].norm(), "الماضي" | "المقبل" | "الحالي" | "الجاري" | "القادم" | "المنصرم"));
        let public = prev == Prev::Definite && w.norm() == "العام" && !year();
        if !w.is_body_arabic() || ((ask.function(w) || ask.temporal(w)) && !public) || ask.lex.after_name.contains(w.norm()) {
            break;
        }
        let n = w.norm();
        // Not right after the head: `الهيئة الحكومية الدولية` is intergovernmental by name.
        if prev != Prev::Head && ask.lex.status_adjectives.contains(n) {
            break;
        }
        // `المعهد الوطني للجيوفيزياء`, `المجلس الأعلى للأمن القومي`: a definite name takes
        // its domain as `لل` + noun, which relative adjectives may follow.
        if complement && (prev == Prev::Definite || (prev == Prev::Head && definite_head)) && n.starts_with("لل") && n.chars().count() >= 5 {
            prev = Prev::Definite;
            last = Some(j);
            k = j;
            continue;
        }
        // … or as `ل` + an indefinite noun + a definite one: `المرصد السوري لحقوق الإنسان`.
        if complement && (prev == Prev::Definite || (prev == Prev::Head && definite_head)) {
            // Not a purpose (`البنك التجاري لتحقيق النجاح`): a verbal noun `تفعيل` (تحقيق، توفير).
            let purpose = |s: &str| {
                let c: Vec<char> = s.chars().collect();
                c.len() == 5 && c[0] == 'ت' && c[3] == 'ي'
            };
            // Nor a verb's complement of three letters (`دعا الاتحاد الأوروبي لضبط النفس`), though
            // `لكرة القدم` is a domain; nor what an organisation says to an outlet (`لوكالة`).
            let short = |s: &str| s.chars().count() == 3 && !s.ends_with('ه');
            let l_noun = w.splits.iter().any(|s| {
                s.clitics == "ل" && !s.stem.starts_with("ال") && s.stem.chars().count() >= 3 && ask.lex.zipf(&s.stem) >= 35 && !purpose(&s.stem) && !short(&s.stem) && !ask.lex.media_heads.contains(&s.stem)
            });
            if let Some(m) = next_word(words, j).filter(|&m| l_noun && words[m].sentence == w.sentence && words[m].is_body_arabic() && ask.has_article(&words[m]) && !ask.function(&words[m])) {
                prev = Prev::Complement(last);
                last = Some(m);
                k = m;
                continue;
            }
        }
        if let Prev::Complement(before) = prev {
            if ask.nisba(w) && n.ends_with("يه") && !head_feminine {
                last = before;
            }
            if !ask.nisba(w) || ask.nisba_of_place(w) || last == before {
                break;
            }
        }
        // `للبحث العلمي والتقني`: a second relative adjective joined to the first.
        if prev == Prev::Definite && j > 1 && ask.nisba(&words[j - 1]) && words[j - 2].norm().starts_with("لل") && w.splits.iter().any(|s| s.clitics == "و" && s.stem.starts_with("ال") && s.stem.ends_with('ي') && s.stem.chars().count() >= 5) {
            last = Some(j);
            k = j;
            continue;
        }
        // (After a definite noun, only a masculine one, which agrees with `حزب` and not with the
        // noun: `حزب القوات اللبنانية` is the Lebanese Forces' party.)
        // (A feminine head and noun leave it open; the country's adjective is then read as
        // describing the movement: `حركة النهضة التونسية`.)
        if party && prev != Prev::Head && ask.nisba_of_place(w) && (prev == Prev::Proper || !head_feminine && w.norm().ends_with('ي') || head_feminine && prev == Prev::Definite && words[k].norm().ends_with('ه')) {
            break;
        }
        if ask.has_article(w) {
            let after_definite = matches!(prev, Prev::Definite | Prev::Complement(_)) || (prev == Prev::Head && definite_head);
            if after_definite && !ask.nisba(w) && !institutional(ask, w) {
                break;
            }
            prev = Prev::Definite;
            last = Some(j);
        } else if prev == Prev::Definite {
            break;
        } else if prev == Prev::Proper && n.starts_with("لل") {
            last = Some(j);
            break;
        } else if prev == Prev::Proper || (prev == Prev::Head && definite_head) {
            break;
        } else if prev == Prev::Construct && ask.nisba_of_noun(w) {
            // `مجلس قيادة رئاسي`: an indefinite adjective after an indefinite noun makes the
            // phrase a description ("a presidential leadership council"), not a name.
            break;
        } else if ask.lex.names.contains_key(n) || (ask.name_like(w) && !w.text.ends_with('ة')) {
            prev = Prev::Proper;
            last = Some(j);
        } else if !definite_head && prev != Prev::Proper && !n.starts_with('و') && ask.common(w) {
            prev = Prev::Construct;
        } else {
            break;
        }
        k = j;
    }
    last
}

/// A ministry named by its adjective with its country (`الخارجية الروسية`, `الداخلية المغربية`), a
/// national body with its country's (`الجيش الإسرائيلي`, `الحكومة الليبية`: `words/lists.txt`), and
/// `الدفاع` with one adjective between (`الدفاع المدني السوري`, `الدفاع الجوي الروسي`): an
/// organisation, unless a definite noun right before makes them its adjectives
/// (`السياسة الخارجية الروسية`, foreign policy) or a title makes them a minister's
/// (`وزير الخارجية المصري`).
pub(super) fn ministries(words: &[Token], ask: &Ask, out: &mut Vec<Candidate>) {
    for i in 0..words.len() {
        let w = &words[i];
        let Some(split) = w.splits.iter().filter(|s| matches!(s.clitics, "" | "و" | "ب" | "ل" | "و+ب" | "و+ل")).find(|s| ask.lex.ministry_metonyms.contains(&s.stem) || ask.lex.national_bodies.contains(&s.stem)) else { continue };
        let before = (i > 0 && words[i - 1].sentence == w.sentence && words[i - 1].is_body_arabic()).then(|| &words[i - 1]);
        // `وزير الخارجية المصري`: the minister's title, not the ministry.
        if !w.is_body_arabic() || before.is_some_and(|b| ask.has_article(b) || b.splits.iter().any(|s| ask.lex.person_titles.contains(&s.stem))) {
            continue;
        }
        // `انتخابات الرئاسة التركية`, `منصب الرئاسة`: the office, not the institution.
        // (Matching forms: `ولاية` → `ولايه`, `الرئاسة` → `الرياسه`.)
        let office = |b: &Token| b.splits.iter().any(|s| matches!(s.stem.as_str(), "انتخابات" | "منصب" | "سباق" | "مرشح" | "كرسي" | "ولايه"));
        if split.stem == "الرياسه" && before.is_some_and(office) {
            continue;
        }
        let Some(j) = next_word(words, i).filter(|&j| words[j].sentence == w.sentence) else { continue };
        // `الخارجية` and `الداخلية` are feminine: a masculine adjective after them is someone's
        // (and a feminine one after `الجيش`).
        let agrees = split.stem == "الدفاع" || split.stem.ends_with('ه') == words[j].norm().ends_with("يه");
        let last = if agrees && ask.nisba_of_place(&words[j]) {
            Some(j)
        } else if split.stem == "الدفاع" && ask.nisba(&words[j]) {
            next_word(words, j).filter(|&k| words[k].sentence == w.sentence && ask.nisba_of_place(&words[k]))
        } else {
            None
        };
        if let Some(last) = last {
            out.push(make(words, i, Some(split), last, EntityType::Org, Origin::Rule(RuleId::Organisation), 5));
        }
    }
}

pub(super) fn organisations(words: &[Token], ask: &Ask, complement: bool, out: &mut Vec<Candidate>) {
    let domain_heads = ask.lex.heads("domain_org_heads");
    for i in 0..words.len() {
        let (split, needs_domain) = match head(&words[i], &ask.lex.org_heads) {
            Some(s) => (s, false),
            None => match words[i].splits.iter().find(|s| complement && matches!(s.clitics, "" | "و" | "ب" | "ل" | "و+ب" | "و+ل") && domain_heads.contains(&s.stem)) {
                Some(s) if words[i].is_body_arabic() => (s, true),
                _ => continue,
            },
        };
        let definite = split.stem.starts_with("ال");
        // `أول مجلس شورى منتخب`, `أكبر شركة مدرجة`: after a superlative or an ordinal, an
        // indefinite head and what follows describe (unless quoted: `أول شركة "سامبا"`).
        let described = !definite && split.clitics.is_empty() && i > 0 && words[i - 1].sentence == words[i].sentence && ask.lex.describing.contains(words[i - 1].norm());
        if described && quoted_after(words, i).is_none() {
            continue;
        }
        // `شركة أرامكو`, `شركة "سامبا كابيتال"`: a company's own name after the word "company"
        // is the name, as an outlet's after a media head (ANERcorp marks it so); `شركة غاز
        // الجنوب` (a frequent word, Zipf 4.5 or more, not a given name: `شركة علي بابا`) is named by
        // the chain below.
        let company = split.stem == "شركه";
        let rule = if company { RuleId::Organisation } else { RuleId::Media };
        if company || ask.lex.media_heads.contains(&split.stem) {
            // `لقناة "خبر ترك"`: the quoted words right after the head are the outlet's name,
            // ordinary words or not.
            // Not after a definite head: `وأضافت الوكالة "أن الوضع مستقر"` quotes its words.
            let quoted = quoted_after(words, i).filter(|&(f, _)| !split.stem.starts_with("ال") && !ask.function(&words[f]));
            if let Some((first, last)) = quoted {
                out.push(make(words, first, None, last, EntityType::Org, Origin::Rule(rule), 5));
                continue;
            }
            // `قناة الجزيرة`, `صحيفة الأيام البحرينية`: after an outlet's indefinite head, the words
            // with the article are its name, without the head (our gold, 20 to 1) nor its country;
            // not after `وكالة` (`وكالة الأنباء السعودية` is the agency's name), nor a country
            // (`تلفزيون الأردن`); `قناة السويس` is the waterways' list's longer name.
            let named = |k: usize| words[k].sentence == words[i].sentence && ask.has_article(&words[k]) && !ask.function(&words[k]) && !ask.temporal(&words[k]) && !ask.nisba_of_place(&words[k]) && match ask.lex.names.get(words[k].norm()) {
                Some(e) => e.kind == EntityType::Org,
                None => true,
            };
            if let Some(j) = next_word(words, i).filter(|&j| !company && !definite && split.stem != "وكاله" && named(j)) {
                let last = next_word(words, j).filter(|&k| named(k) && !ask.nisba(&words[k]) && !ask.lex.names.contains_key(words[j].norm())).unwrap_or(j);
                out.push(make(words, j, None, last, EntityType::Org, Origin::Rule(rule), 5));
                continue;
            }
            // وكالة سبوتنيك → سبوتنيك; وكالة «نوفوستي» is a quoted source.
            if let Some(j) = next_word(words, i) {
                if ask.name_like(&words[j]) && !(company && ask.lex.zipf(words[j].norm()) >= 45 && !ask.first_name(&words[j])) {
                    let mut last = j;
                    while let Some(k) = next_word(words, last) {
                        if last - j >= 2 || !ask.name_like(&words[k]) {
                            break;
                        }
                        last = k;
                    }
                    out.push(make(words, j, None, last, EntityType::Org, Origin::Rule(rule), 5));
                    continue;
                }
            }
        }
        // `تحالف "الجمهور"`, `بتحالف “الشعب”`: an indefinite head and the quoted words right after
        // it are one name, the marks in it.
        if let Some((_, last)) = quoted_after(words, i).filter(|&(f, _)| !definite && !ask.function(&words[f])) {
            out.push(make(words, i, Some(split), last + 1, EntityType::Org, Origin::Rule(RuleId::Organisation), 5));
            continue;
        }
        let institution = |w: &Token| ask.nisba_of_place(w) || institutional(ask, w);
        let domain = |last: usize| last > i + 1 && institution(&words[i + 1]) && words[i + 2..=last].iter().any(|w| w.splits.iter().any(|s| s.clitics == "ل"));
        // `حركة` is a movement and traffic: `حركة الملاحة`, `حركة الشحن العالمية` are the traffic
        // of ships and goods (`[traffic]`), not a movement's name.
        let traffic = split.stem.ends_with("حركه") && words.get(i + 1).is_some_and(|w| ask.lex.traffic.contains(w.norm()));
        // `التلفزيون الرسمي`, `وكالة الأنباء الرسمية`: a head with a status adjective, or with a
        // common noun before one, describes an outlet without naming it.
        let status = |k: usize| ask.lex.status_adjectives.contains(words[k].norm());
        // `مجلس الإدارة`: a company's board, no name.
        let board = |last: usize| last == i + 1 && split.stem == "مجلس" && words[last].norm() == "الاداره";
        // `مجلس شورى منتخب`, `برلمان قطري`: an indefinite head and one indefinite ordinary word
        // (no name a list knows: `حركة حماس`, `حركة فتح` are names) describe a council, a
        // parliament, not one of the story's institutions.
        let indefinite = |k: usize| {
            let x = &words[k];
            !definite && x.is_body_arabic() && x.splits.len() == 1 && !ask.has_article(x) && !ask.lex.names.contains_key(x.norm()) && (ask.common(x) || ask.lex.zipf(x.norm()) >= 40 || ask.nisba_of_noun(x) || ask.lex.place(x.norm()).is_none() && x.norm().ends_with('ي') && ask.lex.zipf(x.norm()) >= 30)
        };
        let generic = |last: usize| board(last) || last == i + 1 && (status(last) || indefinite(last) || next_word(words, last).is_some_and(status) && ask.common(&words[last]) && !ask.nisba(&words[last]));
        if let Some(last) = org_chain(words, ask, i, definite, complement).filter(|&last| (!needs_domain || domain(last)) && !traffic && !generic(last)) {
            out.push(make(words, i, Some(split), last, EntityType::Org, Origin::Rule(RuleId::Organisation), 5));
        }
    }
}

/// An organisation's name on a head noun goes on over `و` + a definite word that closes it, where
/// the two words are alike: two nouns after the head (`حزب الأصالة والمعاصرة`, `حزب العدالة
/// والتنمية`). Not two relative adjectives (`الحزب الديمقراطي والجمهوري` is two parties). Not where a word with
/// the article follows (`… والرئيس السوري`: a new noun phrase), nor a title's, a head's, a
/// place's or a known name's word (`… والحكومة`, `… والسعودية`).
pub fn joined_by_and(words: &[Token], ask: &Ask, cands: &mut [Candidate]) {
    let covered = super::covered(words.len(), cands);
    for c in cands.iter_mut().filter(|c| c.kind == EntityType::Org && c.origin == Origin::Rule(RuleId::Organisation) && c.last - c.first >= 2) {
        let (x, j) = (&words[c.last - 1], c.last);
        let Some(y) = words.get(j).filter(|y| y.is_body_arabic() && y.sentence == x.sentence && !covered[j] && next_word(words, c.last - 1) == Some(j)) else { continue };
        let Some(s) = y.splits.iter().find(|s| s.clitics == "و" && s.stem.starts_with("ال") && s.stem.chars().count() > 4) else { continue };
        let stem = s.stem.as_str();
        let lex = ask.lex;
        let known = lex.names.contains_key(stem) || lex.place(stem).is_some() || lex.person_titles.contains(stem) || lex.org_heads.contains(stem) || lex.place_triggers.contains(stem) || lex.function.contains(stem) || lex.temporal.contains(stem);
        let adjective = |n: &str| n.ends_with('ي') || n.ends_with("يه");
        // (Two nouns only: two relative adjectives are as often two names, `الحزب الديمقراطي
        // والجمهوري` "the Democratic and Republican parties"; after a domain the chain takes them.)
        let alike = !ask.nisba(x) && c.last - c.first == 2 && ask.has_article(x) && !adjective(stem) && !adjective(x.norm());
        let then_definite = next_word(words, j).is_some_and(|k| words[k].sentence == y.sentence && ask.has_article(&words[k]));
        if alike && !known && !then_definite {
            super::adjust::take_in(c, words, j);
        }
    }
}

/// An international organisation of the hand-written list followed by a country's relative
/// adjective is that country's branch (`الهلال الأحمر الليبي`, `الصليب الأحمر اللبناني`): the
/// name takes the adjective in (another organisation than the international one).
pub fn national_branch(words: &[Token], ask: &Ask, cands: &mut [Candidate]) {
    for c in cands.iter_mut().filter(|c| c.kind == EntityType::Org && c.origin == Origin::Gazetteer && c.last > c.first) {
        let listed = ask.lex.names.get(&c.key).is_some_and(|e| e.source == crate::lexicon::Source::International);
        if let Some(j) = next_word(words, c.last - 1).filter(|&j| j == c.last && listed && words[j].sentence == words[c.first].sentence && ask.nisba_of_place(&words[j])) {
            super::adjust::take_in(c, words, j);
        }
    }
}

/// A government by its country (`حكومة إسرائيل`, `لحكومة مصر`) or by the kind of government its
/// name says (`[government_kinds]`: `حكومة الوحدة الوطنية`, `حكومة الوفاق`): ORG. Not a government
/// by the man who heads it (`حكومة الدبيبة`, `حكومة السوداني`: the person is the name) nor by
/// its capital (`حكومة الرياض`) or a description (`حكومة الاحتلال`, `حكومة جديدة`).
pub fn governments(words: &[Token], ask: &Ask, out: &mut Vec<Candidate>) {
    let kinds = &ask.lex.government_kinds;
    for i in 0..words.len() {
        let w = &words[i];
        if w.boiler || !super::constructs::head_readings(w).any(|s| s.stem == "حكومه") {
            continue;
        }
        let split = super::constructs::head_readings(w).find(|s| s.stem == "حكومه");
        let Some(j) = next_word(words, i).filter(|&j| words[j].sentence == w.sentence && words[j].is_body_arabic()) else { continue };
        let country = matches!(ask.lex.names.get(words[j].norm()).map(|e| &e.source), Some(crate::lexicon::Source::Country { .. }));
        let mut last = country.then_some(j);
        for kind in kinds {
            if let Some(k) = super::gazetteer::phrase_after(words, i, kind).filter(|&k| last.is_none_or(|l| k > l)) {
                last = Some(k);
            }
        }
        if let Some(last) = last {
            out.push(make(words, i, split, last, EntityType::Org, Origin::Rule(RuleId::Organisation), 5));
        }
    }
}

/// A holding company by its name (`أبوظبي القابضة`, `أبوظبي التنموية القابضة`): the word
/// `القابضة`, "holding", and before it, over up to two relative adjectives (`التنموية`), a place or
/// a name the lexicon knows, of one word or two (`أبو ظبي`); ORG (code `holding`). Not
/// `الشركة القابضة`, "the holding company", nor a verb before it (`ستستثمر القابضة`): no name.
pub fn holdings(words: &[Token], ask: &Ask, out: &mut Vec<Candidate>) {
    let known = |n: &str| ask.lex.place(n).is_some() || ask.lex.names.contains_key(n);
    let proper = |x: &Token| x.splits.first().is_some_and(|s| s.clitics.is_empty()) && known(x.norm());
    for i in 1..words.len() {
        let w = &words[i];
        if w.boiler || w.norm() != "القابضه" {
            continue;
        }
        let before = |k: usize| k.checked_sub(1).filter(|&p| words[p].sentence == w.sentence && words[p].is_body_arabic() && words[p].end <= w.start);
        let mut k = i;
        let mut first = None;
        for _ in 0..3 {
            let Some(p) = before(k) else { break };
            if let Some(q) = before(p).filter(|&q| known(&format!("{} {}", words[q].norm(), words[p].norm()))) {
                first = Some(q);
                break;
            }
            if proper(&words[p]) {
                first = Some(p);
                break;
            }
            if !ask.nisba(&words[p]) {
                break;
            }
            k = p;
        }
        if let Some(first) = first {
            out.push(make(words, first, None, i, EntityType::Org, Origin::Rule(RuleId::Organisation), 5));
        }
    }
}

/// A country's armed services (`القوات المسلحة اليمنية`, `القوات الجوية الروسية`): `القوات`, a
/// service (`[armed_services]`: `المسلحة`, `الجوية` …) and the country's adjective; ORG (code
/// `armed-services`). Not a country's forces alone (`القوات الروسية`, `قوات الأمن العراقية`), which
/// our gold leaves as a description.
pub fn armed_services(words: &[Token], ask: &Ask, out: &mut Vec<Candidate>) {
    let services = ask.lex.heads("armed_services");
    for i in 0..words.len() {
        let w = &words[i];
        let Some(split) = super::constructs::head_readings(w).find(|s| s.stem == "القوات").filter(|_| !w.boiler) else { continue };
        let next = |k: usize| next_word(words, k).filter(|&j| words[j].sentence == w.sentence);
        let Some(j) = next(i).filter(|&j| services.binary_search(&words[j].norm).is_ok()) else { continue };
        if let Some(k) = next(j).filter(|&k| ask.nisba_of_place(&words[k])) {
            out.push(make(words, i, Some(split), k, EntityType::Org, Origin::Rule(RuleId::Organisation), 5));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The organisation `head … last` of `text` after [`joined_by_and`].
    fn joined(text: &str, head: &str, last: &str) -> String {
        let tz = crate::pipeline::read(text);
        let w = &tz.tokens;
        let (i, j) = (w.iter().position(|t| t.text == head).unwrap(), w.iter().position(|t| t.text == last).unwrap());
        let mut c = vec![make(w, i, None, j, EntityType::Org, Origin::Rule(RuleId::Organisation), 5)];
        joined_by_and(w, &Ask::default(), &mut c);
        text[c[0].byte_start..c[0].byte_end].to_string()
    }

    #[test]
    fn a_country_s_adjective_after_a_movement_s_name_describes_it() {
        let chain = |text: &str| {
            let tz = crate::pipeline::read(text);
            let w = &tz.tokens;
            let last = org_chain(w, &Ask::default(), 1, false, true).unwrap();
            w[1..=last].iter().map(|t| &*t.text).collect::<Vec<&str>>().join(" ")
        };
        assert_eq!(chain("دعت حركة النهضة التونسية أنصارها"), "حركة النهضة");
        // The adjective agrees with the noun, not with حزب: the name's.
        assert_eq!(chain("وقال حزب القوات اللبنانية إن"), "حزب القوات اللبنانية");
    }

    #[test]
    fn a_name_goes_on_over_and_and_a_word_alike() {
        assert_eq!(joined("وفاز حزب الأصالة والمعاصرة بالمقعد الثاني", "حزب", "الأصالة"), "حزب الأصالة والمعاصرة");
        assert_eq!(joined("واجتمع نواب الحزب الديمقراطي والجمهوري أمس", "الحزب", "الديمقراطي"), "الحزب الديمقراطي");
        // A new noun phrase, a noun after an adjective, a known place: not the name's.
        assert_eq!(joined("وقال حزب الأصالة والرئيس السوري إن", "حزب", "الأصالة"), "حزب الأصالة");
        assert_eq!(joined("وقالت الجامعة العربية والتنسيق مستمر", "الجامعة", "العربية"), "الجامعة العربية");
        assert_eq!(joined("وقال حزب الأصالة والسعودية إن", "حزب", "الأصالة"), "حزب الأصالة");
    }
}
