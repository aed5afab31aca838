//! From linked groups to entities: label, Latin name (a country's English name, a GeoNames place's
//! Latin name, else [`super::latin`]'s romanisation), spellings per article, readable ids, order.

use super::latin::transliterate;
use super::LinkInput;
use crate::lexicon::{lexicon, Source};
use crate::model::{slug, Document, Entity, EntityType, LinkReason, Spelling};
use std::collections::{BTreeMap, HashMap};

/// An entity from its mentions, given as (document id, spelling) pairs: label (the most complete
/// Arabic spelling, then the most frequent), variants by frequency, counts and spellings per
/// document. `latin` defaults to a transliteration of the label.
pub fn assemble(id: String, kind: EntityType, mentions: &[(&str, &str)], latin: Option<String>, reasons: Vec<LinkReason>) -> Entity {
    let mut surface_counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut per_doc: BTreeMap<String, BTreeMap<&str, usize>> = BTreeMap::new();
    for &(doc, surface) in mentions {
        *surface_counts.entry(surface).or_default() += 1;
        *per_doc.entry(doc.to_string()).or_default().entry(surface).or_default() += 1;
    }
    let mut variants: Vec<(&str, usize)> = surface_counts.into_iter().collect();
    crate::sort::by(&mut variants, |a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let words = |v: &str| v.split(|c: char| c.is_whitespace() || c == '-').count();
    let label = variants
        .iter()
        .filter(|(v, _)| v.chars().any(crate::normalize::arabic::is_arabic_letter))
        .max_by(|a, b| words(a.0).cmp(&words(b.0)).then(a.1.cmp(&b.1)).then(b.0.cmp(a.0)))
        .or(variants.first())
        .map(|v| v.0.to_string())
        .unwrap_or_default();
    let latin = latin.unwrap_or_else(|| transliterate(&label));
    let documents = crate::sort::map(per_doc.iter().map(|(d, s)| (d.clone(), s.values().sum())));
    let spellings = crate::sort::map(per_doc.into_iter().map(|(d, s)| {
        let mut v: Vec<Spelling> = s.into_iter().map(|(t, c)| Spelling { text: t.to_string(), count: c }).collect();
        crate::sort::by(&mut v, |a, b| b.count.cmp(&a.count).then(a.text.cmp(&b.text)));
        (d, v)
    }));
    Entity { id, kind, label, latin, variants: variants.iter().map(|v| v.0.to_string()).collect(), documents, spellings, reasons }
}

/// Entity order everywhere: named by more articles first, then more mentions, then label.
pub fn sort_entities(entities: &mut [Entity]) {
    crate::sort::by(entities, |a, b| b.coverage().cmp(&a.coverage()).then(b.total().cmp(&a.total())).then(a.label.cmp(&b.label)));
}

/// The entities of a linking, and the id of each group.
pub struct Built {
    pub ids: Vec<String>,
    pub entities: Vec<Entity>,
}


/// Entities from the linked groups: label, Latin name, spellings and counts, unique readable ids.
pub fn build_entities(docs: &[Document], inputs: &[LinkInput], linked: &super::Linked) -> Built {
    let lex = lexicon();
    let mut entities: Vec<Entity> = Vec::with_capacity(linked.groups);
    let mut id_latins: Vec<String> = Vec::with_capacity(linked.groups);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); linked.groups];
    for (i, &g) in linked.group_of_mention.iter().enumerate() {
        members[g].push(i);
    }
    for (g, ms) in members.iter().enumerate() {
        // A division or the city of a country's name (`محافظة العقبة`, `العاصمة تونس`) is shown
        // with its word, and goes by its own Latin name, the capital's for a country's name
        // (`العاصمة تونس` Tunis), not the country's.
        let within = inputs[ms[0]].within.as_ref().map(|w| w.0.as_str());
        let city = within.and_then(|_| match lex.names.get(&inputs[ms[0]].key).map(|e| &e.source) {
            Some(Source::Country { iso, .. }) => lex.capital(iso).map(str::to_string),
            _ => lex.place(&inputs[ms[0]].key).map(|p| p.latin.clone()),
        });
        let english = ms.iter().find_map(|&i| match lex.names.get(&inputs[i].key).map(|e| &e.source) {
            Some(Source::Country { english, .. }) => Some(english.clone()),
            _ => None,
        });
        let country = english.is_some() && within.is_none();
        let english = city.or(english);
        // A place GeoNames knows goes by its Latin name there (`دمياط` Damietta), if it is in an
        // Arab country or a city of 100,000 people or more: the Arabic name of a small town abroad
        // is a transliteration that another place may share (`إيغيل` in Morocco is not Eagle).
        let trusted = |p: &crate::lexicon::Place| p.population >= 100_000 || crate::recognize::gazetteer::ARAB_LEAGUE.contains(&p.country.as_str());
        // An outlet of the news list goes by its own Latin name (`رويترز` Reuters).
        let outlet = ms.iter().find_map(|&i| match lex.names.get(&inputs[i].key).map(|e| &e.source) {
            Some(Source::Media { latin }) if !latin.is_empty() => Some(latin.clone()),
            _ => None,
        });
        let latin = english.or(outlet).or_else(|| {
            (inputs[ms[0]].kind == EntityType::Loc)
                .then(|| ms.iter().find_map(|&i| lex.place(&inputs[i].key).filter(|p| trusted(p)).map(|p| p.latin.clone()).filter(|l| !l.is_empty())))
                .flatten()
        });
        let mentions: Vec<(&str, &str)> = ms.iter().map(|&i| (docs[inputs[i].doc].id.as_str(), inputs[i].surface.as_str())).collect();
        let named = latin.is_some();
        let mut e = assemble(String::new(), inputs[ms[0]].kind, &mentions, latin, linked.reasons[g].clone());
        // An organisation goes by its name in the English-language press (`الأمم المتحدة` United
        // Nations), as the list gives it for the name the entity is shown by: not for a longer
        // name that holds it (`البنك المركزي المصري` is no "Central Bank").
        // (Ids stay those of the plain romanisation, which stored decisions name.)
        let id_latin = e.latin.clone();
        if let Some(l) = lex.latin_names.get(&crate::normalize::normalize(&e.label)).filter(|_| !named) {
            e.latin = l.clone();
        } else if !named && e.kind != EntityType::Per {
            // `وكالة الأنباء` Wakalat al-Anba': a noun in construct before the name's next word.
            e.latin = super::latin::transliterate_construct(&e.label);
        }
        if country {
            // A country goes by its usual name (`كازاخستان`), not its longest, official one
            // (`جمهورية كازاخستان`): the most frequent Arabic spelling.
            if let Some(v) = e.variants.iter().find(|v| v.chars().any(crate::normalize::arabic::is_arabic_letter)) {
                e.label = v.clone();
            }
        }
        if let Some(w) = within {
            e.label = format!("{w} {}", e.label);
        }
        entities.push(e);
        id_latins.push(id_latin);
    }
    // Stable, readable, unique ids.
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut ids = Vec::with_capacity(entities.len());
    for (e, id_latin) in entities.iter_mut().zip(&id_latins) {
        let base = format!("{}-{}", e.kind.code().to_ascii_lowercase(), slug(id_latin));
        let n = used.entry(base.clone()).or_default();
        *n += 1;
        e.id = if *n == 1 { base } else { format!("{base}-{n}") };
        ids.push(e.id.clone());
    }
    sort_entities(&mut entities);
    Built { ids, entities }
}
