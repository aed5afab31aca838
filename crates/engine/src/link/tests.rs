//! The linker's tests: the blocking linker against an every-pair reference on generated names,
//! and the spelling of surnames.

use super::skeleton::edit_distance;
use super::*;
use crate::normalize::normalize;

/// The linker as it was before blocking: every pair of nodes, every rule.
#[cfg(test)]
fn link_reference(mentions: &[LinkInput]) -> Linked {
    let (nodes, node_of, index) = distinct_nodes(mentions);
    let n = nodes.len();
    let mut l = Linker::new(nodes);

    // 2. aliases
    for m in mentions {
        if let Some(target) = &m.alias_of {
            if let (Some(&a), Some(&b)) = (index.get(&node_key(m.kind, &m.key, within(m))), index.get(&node_key(m.kind, target, within(m)))) {
                l.join(a, b, LinkRule::Alias);
            }
        }
    }
    // 3–5. pairwise spelling rules
    for a in 0..n {
        for b in a + 1..n {
            let (na, nb) = (&l.nodes[a], &l.nodes[b]);
            if na.kind != nb.kind {
                continue;
            }
            let joined_a: String = na.skeletons.concat();
            let whole = skeleton(&na.key.replace(' ', ""));
            let whole_b = skeleton(&nb.key.replace(' ', ""));
            if na.words.len() == nb.words.len() && na.skeletons == nb.skeletons && joined_a.chars().count() >= 3 && !two_given_names(na, nb) {
                let consonants = na.skeletons.join(" ");
                l.join(a, b, LinkRule::Skeleton { consonants, joined: false });
            } else if na.kind != EntityType::Per && whole == whole_b && whole.chars().count() >= 3 {
                let consonants = whole.clone();
                l.join(a, b, LinkRule::Skeleton { consonants, joined: true });
            } else if na.kind == EntityType::Loc && ya_variant_reference(&na.key, &nb.key) {
                l.join(a, b, LinkRule::Orthographic);
            } else if with_article(na, nb) {
                l.join(a, b, LinkRule::Article);
            } else if na.kind == EntityType::Per
                && na.words.len() >= 2
                && na.words.len() == nb.words.len()
                && na.words[..na.words.len() - 1] == nb.words[..nb.words.len() - 1]
            {
                let (sa, sb) = (na.skeletons.last().unwrap(), nb.skeletons.last().unwrap());
                if close_surnames(sa, sb) {
                    l.join(a, b, LinkRule::SurnameVariant);
                }
            } else if transliterated(na, nb) {
                l.join(a, b, LinkRule::Transliteration);
            }
        }
    }
    // 6. same surname, different given names, different articles.
    let full: Vec<usize> = (0..n).filter(|&i| l.nodes[i].kind == EntityType::Per && l.nodes[i].words.len() >= 2).collect();
    for (x, &a) in full.iter().enumerate() {
        for &b in &full[x + 1..] {
            let (na, nb) = (&l.nodes[a], &l.nodes[b]);
            let same_surname = na.skeletons.last() == nb.skeletons.last() && na.skeletons.last().is_some_and(|s| s.chars().count() >= 4);
            if !same_surname || l.dsu.find(a) == l.dsu.find(b) {
                continue;
            }
            let shared_doc = na.docs.intersection(&nb.docs).next().is_some();
            if !shared_doc {
                l.suggest.push((a, b, LinkRule::GivenNameDiffers));
            }
        }
    }
    // 7. surname only.
    for a in 0..n {
        let na = &l.nodes[a];
        if na.kind != EntityType::Per || na.words.len() != 1 || na.key.chars().count() < 3 {
            continue;
        }
        let (word, sk) = (na.words[0].clone(), na.skeletons[0].clone());
        let owners: Vec<usize> = full
            .iter()
            .copied()
            .filter(|&b| {
                let nb = &l.nodes[b];
                !patronymic_last(&nb.words) && !super::names::clan_last(&nb.words) && (nb.words.last() == Some(&word) || (sk.chars().count() >= 3 && nb.skeletons.last() == Some(&sk)))
            })
            .collect();
        let roots: BTreeSet<usize> = owners.iter().map(|&b| l.dsu.find(b)).collect();
        if roots.len() == 1 {
            let b = owners[0];
            l.join(a, b, LinkRule::Surname);
        }
    }
    // 8. partial organisation names; events with relative adjectives after.
    for a in 0..n {
        let na = &l.nodes[a];
        if !matches!(na.kind, EntityType::Org | EntityType::Misc) || na.words.len() < 2 {
            continue;
        }
        let owners: Vec<usize> = (0..n)
            .filter(|&b| {
                let nb = &l.nodes[b];
                b != a
                    && nb.kind == na.kind
                    && nb.words.len() > na.words.len()
                    && (nb.words[0] == if na.kind == EntityType::Org && crate::lexicon::lexicon().ministry_metonyms.contains(&na.words[0]) { normalize("وزارة") } else { na.words[0].clone() }
                        || na.kind == EntityType::Org && nb.words.len() > 2 && crate::lexicon::lexicon().org_heads.contains(&nb.words[0]) && nb.words[1] == na.words[0])
                    && if na.kind == EntityType::Org { is_subsequence(&na.words, &nb.words) } else { with_adjectives(&na.words, &nb.words) }
            })
            .collect();
        let roots: BTreeSet<usize> = owners.iter().map(|&b| l.dsu.find(b)).collect();
        if roots.len() == 1 {
            let b = owners[0];
            l.join(a, b, LinkRule::PartialName);
        }
    }

    evidence_passes(&mut l);
    l.finish(mentions, &node_of)
}

#[cfg(test)]
fn ya_variant_reference(a: &str, b: &str) -> bool {
    let strip = |s: &str| s.strip_suffix("يه").or_else(|| s.strip_suffix("يا")).map(str::to_string).unwrap_or_else(|| s.to_string());
    a != b && a.chars().count() >= 4 && b.chars().count() >= 4 && (strip(a) == strip(b))
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// A spelling variant of a word: vowels inserted or dropped, a letter doubled or changed, an
/// ending `-يا`/`-يه` added or dropped.
fn variant(rng: &mut Rng, word: &str) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    for _ in 0..rng.below(3) {
        match rng.below(6) {
            0 | 1 => {
                let at = 1 + rng.below(chars.len().max(1));
                chars.insert(at.min(chars.len()), ['ا', 'ي', 'و'][rng.below(3)]);
            }
            2 => {
                if let Some(i) = (1..chars.len()).find(|&i| matches!(chars[i], 'ا' | 'ي' | 'و')) {
                    chars.remove(i);
                }
            }
            3 => {
                let i = rng.below(chars.len());
                chars.insert(i, chars[i]);
            }
            4 => {
                let i = rng.below(chars.len());
                chars[i] = ['س', 'ف', 'ل', 'ك', 'ه'][rng.below(5)];
            }
            _ => {
                let s: String = chars.iter().collect();
                let s = match rng.below(3) {
                    0 => format!("{s}يا"),
                    1 => format!("{s}يه"),
                    _ => s.strip_suffix("يا").or_else(|| s.strip_suffix("يه")).unwrap_or(&s).to_string(),
                };
                chars = s.chars().collect();
            }
        }
    }
    if chars.is_empty() {
        word.to_string()
    } else {
        chars.into_iter().collect()
    }
}

const KINDS: [EntityType; 4] = [EntityType::Per, EntityType::Loc, EntityType::Org, EntityType::Misc];
const GIVEN: [&str; 7] = ["قاسم", "جومرت", "علي", "خان", "محمد", "نور", "ان"];
const SURNAMES: [&str; 7] = ["توكايف", "نزربايف", "اسماعيلوف", "سميلوف", "بوتين", "لي", "عليف"];
const PLACES: [&str; 12] = ["سوريا", "سوريه", "بيلاروس", "روسيا", "ليبيا", "كوريه", "الماتا", "الما اتا", "نور سلطان", "كزخستان", "ماه", "رس"];
const HEADS: [&str; 3] = ["منظمه", "حلف", "وزاره"];
const ORG_WORDS: [&str; 6] = ["معاهده", "الامن", "الجماعي", "شمال", "الاطلسي", "الخارجيه"];

/// A name of the given type, built to collide often with the other names of a run.
fn name(rng: &mut Rng, kind: EntityType) -> String {
    let mut words: Vec<String> = match (kind, rng.below(4)) {
        (EntityType::Per, 0) => vec![rng.pick(&SURNAMES).to_string()],
        (EntityType::Per, 1) => vec![rng.pick(&GIVEN).to_string()],
        (EntityType::Per, _) => {
            let mut w: Vec<String> = (0..1 + rng.below(2)).map(|_| rng.pick(&GIVEN).to_string()).collect();
            w.push(rng.pick(&SURNAMES).to_string());
            w
        }
        (EntityType::Org, 0) if rng.chance(50) => vec![rng.pick(&ORG_WORDS).to_string()],
        // A transliterated acronym, with the article or without (`الفيفا` / `فيفا`).
        (EntityType::Org | EntityType::Misc, 0) => vec![format!("{}{}", if rng.chance(50) { "ال" } else { "" }, rng.pick(&["فيفا", "اوبك", "ناتو", "يونسكو"]))],
        (EntityType::Org, _) => {
            let mut w = vec![rng.pick(&HEADS).to_string()];
            w.extend(ORG_WORDS.iter().filter(|_| rng.chance(40)).map(|s| s.to_string()));
            w
        }
        (EntityType::Loc, 0 | 1) => {
            // A place name with its ending swapped: -يا, -يه or none.
            let place = rng.pick(&PLACES);
            let stem = place.strip_suffix("يا").or_else(|| place.strip_suffix("يه")).unwrap_or(place);
            vec![[stem, &format!("{stem}يا"), &format!("{stem}يه")][rng.below(3)].to_string()]
        }
        _ => {
            let all: Vec<&str> = PLACES.iter().chain(&SURNAMES).chain(&GIVEN).copied().collect();
            rng.pick(&all).split(' ').map(str::to_string).collect()
        }
    };
    // Spelling variants, of the surname mostly; sometimes two words run together.
    let last = words.len() - 1;
    for (i, w) in words.iter_mut().enumerate() {
        if rng.chance(if i == last { 50 } else { 20 }) {
            *w = variant(rng, w);
        }
    }
    if words.len() >= 2 && rng.chance(15) {
        let i = rng.below(words.len() - 1);
        let w = words.remove(i + 1);
        words[i].push_str(&w);
    }
    words.join(" ")
}

fn inputs(seed: u64) -> Vec<LinkInput> {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let pool: Vec<(EntityType, String)> = (0..40 + rng.below(80))
        .map(|_| {
            let kind = if rng.chance(50) { EntityType::Per } else { KINDS[rng.below(4)] };
            (kind, name(&mut rng, kind))
        })
        .collect();
    let docs = 1 + rng.below(8);
    (0..50 + rng.below(200))
        .map(|_| {
            let (kind, key) = pool[rng.below(pool.len())].clone();
            let surface = match rng.below(4) {
                0 => format!("أ{key}"),
                1 => format!("{key}ـ"),
                _ => key.clone(),
            };
            let doc = rng.below(docs);
            if rng.chance(5) {
                // An acronym in brackets after a name, of this type or (rarely) of another.
                let (target_kind, target) = pool[rng.below(pool.len())].clone();
                let kind = if rng.chance(80) { target_kind } else { kind };
                let key = ["csto", "ناتو", "un"][rng.below(3)].to_string();
                return LinkInput { doc, kind, surface: key.to_uppercase(), key, alias_of: Some(target), within: None };
            }
            LinkInput { doc, kind, key, surface, alias_of: None, within: None }
        })
        .collect()
}

#[test]
fn blocking_links_as_every_pair_would() {
    let mut rules: BTreeMap<String, usize> = BTreeMap::new();
    let mut one_word_skeletons = 0;
    let mut suggested = 0;
    for seed in 0..400 {
        let mentions = inputs(seed);
        let expected = link_reference(&mentions);
        let got = link(&mentions);
        assert_eq!(got.group_of_mention, expected.group_of_mention, "seed {seed}: groups of mentions");
        assert_eq!(got.groups, expected.groups, "seed {seed}: number of groups");
        assert_eq!(got.reasons, expected.reasons, "seed {seed}: reasons");
        assert_eq!(got, expected, "seed {seed}");
        suggested += expected.suggestions.len();
        for r in expected.reasons.iter().flatten() {
            *rules.entry(r.rule.code().to_string()).or_default() += 1;
            one_word_skeletons += usize::from(matches!(r.rule, LinkRule::Skeleton { joined: true, .. }));
        }
    }
    // The generated names exercise every rule, so a missed candidate pair would show.
    for rule in ["same_normalized", "alias", "skeleton", "orthographic", "article", "surname_variant", "part_of_name", "surname", "partial_name"] {
        assert!(rules.get(rule).copied().unwrap_or(0) >= 20, "rule {rule} too rare in the generated inputs: {rules:?}");
    }
    assert!(one_word_skeletons >= 20, "one-word skeletons too rare: {one_word_skeletons}");
    // Names that differ only in the given name are suggested, never linked.
    assert!(suggested >= 20, "suggestions too rare: {suggested}");
}

fn close(a: &str, b: &str) -> bool {
    close_surnames(&skeleton(&normalize(a)), &skeleton(&normalize(b)))
}

#[test]
fn surname_spellings_link_but_short_different_names_do_not() {
    let (a, b) = (skeleton(&normalize("سميلوف")), skeleton(&normalize("إسماعيلوف")));
    assert!(close("سميلوف", "إسماعيلوف"), "{a} {b} {}", edit_distance(&a, &b));
    assert!(close("نزارباييف", "نزاربايف"));
    assert!(!close("الخامس", "السادس"));
    assert!(!close("السعدي", "السيد"));
    assert!(!close("الفايد", "الفاتح"));
    assert!(!close("الشافعي", "السعدي"));
}

#[test]
fn people_sharing_a_common_given_name_stay_apart() {
    let m = |doc, key: &str| LinkInput { doc, kind: EntityType::Per, key: normalize(key), surface: key.into(), alias_of: None, within: None };
    let l = link(&[m(0, "محمد الخامس"), m(1, "محمد السادس"), m(2, "محمد الفايد"), m(3, "محمد الفاتح"), m(4, "علي خان سميلوف"), m(5, "علي خان إسماعيلوف")]);
    assert_eq!(l.groups, 5, "{:?}", l.group_of_mention);
    assert_eq!(l.group_of_mention[4], l.group_of_mention[5]);
}

#[test]
fn an_event_and_the_same_with_adjectives_link_but_not_with_a_place_or_a_year() {
    let m = |doc, key: &str| LinkInput { doc, kind: EntityType::Misc, key: normalize(key), surface: key.into(), alias_of: None, within: None };
    let l = link(&[m(0, "كأس الخليج العربي"), m(1, "كأس الخليج"), m(2, "كأس العالم"), m(3, "كأس العالم قطر 2022")]);
    assert_eq!(l.group_of_mention[0], l.group_of_mention[1], "{:?}", l.group_of_mention);
    assert_ne!(l.group_of_mention[2], l.group_of_mention[3], "{:?}", l.group_of_mention);
    assert_eq!(l.groups, 3);
}

#[test]
fn a_name_with_and_without_the_article_links_but_two_given_names_of_one_skeleton_do_not() {
    let m = |doc, key: &str| LinkInput { doc, kind: EntityType::Per, key: normalize(key), surface: key.into(), alias_of: None, within: None };
    // The article written or not on the given name and on the family name: one person.
    let l = link(&[m(0, "الحسين بن عبد الله الثاني"), m(1, "حسين بن عبدالله"), m(2, "رجوة آل سيف"), m(2, "رجوة السيف")]);
    assert_eq!(l.group_of_mention[0], l.group_of_mention[1], "{:?}", l.group_of_mention);
    assert_eq!(l.group_of_mention[2], l.group_of_mention[3], "{:?}", l.group_of_mention);
    // حسين/حسن and محمود/محمد share their consonants, not their names: a king and his brother.
    let l = link(&[m(0, "الحسين بن طلال"), m(1, "حسن بن طلال"), m(2, "محمود عباس"), m(3, "محمد عباس")]);
    assert_eq!(l.groups, 4, "{:?}", l.group_of_mention);
    // A transliterated name spelt with other vowels is still one name.
    let l = link(&[m(0, "قاسم جومرت توكاييف"), m(1, "قاسم جومارت توكايف")]);
    assert_eq!(l.groups, 1, "{:?}", l.group_of_mention);
    // `… الله` written apart or joined, as `عبد الله`: one name; another `… الله`, another man.
    let l = link(&[m(0, "حسن نصر الله"), m(1, "حسن نصرالله"), m(2, "حسن فضل الله")]);
    assert_eq!(l.group_of_mention[0], l.group_of_mention[1], "{:?}", l.group_of_mention);
    assert_eq!(l.groups, 2, "{:?}", l.group_of_mention);
}

#[test]
fn a_ministry_called_by_its_adjective_is_the_ministry_so_named() {
    let m = |doc, key: &str| LinkInput { doc, kind: EntityType::Org, key: normalize(key), surface: key.into(), alias_of: None, within: None };
    let l = link(&[m(0, "وزارة الخارجية المصرية"), m(1, "الخارجية المصرية"), m(1, "الخارجية الأمريكية"), m(2, "وزارة الداخلية المصرية")]);
    assert_eq!(l.group_of_mention[0], l.group_of_mention[1], "{:?}", l.group_of_mention);
    assert_eq!(l.groups, 3, "another country's, another ministry: {:?}", l.group_of_mention);
}

#[test]
fn a_name_after_an_organisation_s_head_word_is_that_organisation() {
    let m = |doc, key: &str| LinkInput { doc, kind: EntityType::Org, key: normalize(key), surface: key.into(), alias_of: None, within: None };
    let l = link(&[m(0, "حركة عصائب أهل الحق"), m(1, "عصائب أهل الحق"), m(1, "أهل الحق")]);
    assert_eq!(l.group_of_mention[0], l.group_of_mention[1], "{:?}", l.group_of_mention);
    let l = link(&[m(0, "حزب الأصالة والمعاصرة"), m(1, "حزب العدالة والتنمية"), m(1, "العدالة والتنمية")]);
    assert_eq!(l.group_of_mention[1], l.group_of_mention[2], "{:?}", l.group_of_mention);
    assert_ne!(l.group_of_mention[0], l.group_of_mention[2], "{:?}", l.group_of_mention);
}

#[test]
fn a_clan_name_after_al_is_nobody_s_name_alone() {
    let m = |doc, key: &str| LinkInput { doc, kind: EntityType::Per, key: normalize(key), surface: key.into(), alias_of: None, within: None };
    // `خليفة` alone is the given name of خليفة بن زايد, not the king of Bahrain of the Al Khalifa.
    let l = link(&[m(0, "حمد بن عيسى آل خليفة"), m(1, "خليفة"), m(2, "خليفة بن زايد")]);
    assert_ne!(l.group_of_mention[0], l.group_of_mention[1], "{:?}", l.group_of_mention);
    assert_eq!(l.group_of_mention[1], l.group_of_mention[2], "{:?}", l.group_of_mention);
    // A family name without آل still names its man alone.
    let l = link(&[m(0, "نواف الأحمد الجابر الصباح"), m(0, "الصباح")]);
    assert_eq!(l.groups, 1, "{:?}", l.group_of_mention);
}

#[test]
fn a_foreign_name_transliterated_two_ways_links_but_not_two_relatives() {
    let m = |doc, key: &str| LinkInput { doc, kind: EntityType::Per, key: normalize(key), surface: key.into(), alias_of: None, within: None };
    let l = link(&[m(0, "أموس هوكستين"), m(1, "عموس هوكشتاين"), m(2, "آموس هوكستين")]);
    assert_eq!(l.groups, 1, "{:?}", l.group_of_mention);
    // Two given names of the lists, or a short one, are two people of one family.
    let l = link(&[m(0, "جمال خاشقجي"), m(1, "كمال خاشقجي"), m(2, "جو بايدن"), m(3, "جيل بايدن")]);
    assert_eq!(l.groups, 4, "{:?}", l.group_of_mention);
}

#[test]
fn a_club_with_its_country_links_to_its_name_but_two_unions_stay_two() {
    let m = |doc, key: &str| LinkInput { doc, kind: EntityType::Org, key: normalize(key), surface: key.into(), alias_of: None, within: None };
    let l = link(&[m(0, "الأهلي المصري"), m(1, "الأهلي"), m(2, "النادي الأهلي المصري"), m(3, "نادي الأهلي")]);
    assert_eq!(l.groups, 1, "{:?}", l.group_of_mention);
    let l = link(&[m(0, "الاتحاد الأوروبي"), m(1, "الاتحاد"), m(2, "الاتحاد الأفريقي")]);
    assert_eq!(l.groups, 3, "{:?}", l.group_of_mention);
}

#[test]
fn a_village_with_and_without_the_article_is_one_place() {
    let m = |doc, key: &str| LinkInput { doc, kind: EntityType::Loc, key: normalize(key), surface: key.into(), alias_of: None, within: None };
    let l = link(&[m(0, "التليل"), m(1, "تليل"), m(1, "عكار")]);
    assert_eq!(l.group_of_mention[0], l.group_of_mention[1], "{:?}", l.group_of_mention);
    assert_eq!(l.groups, 2);
}
