//! A reader's own linking decisions, applied on top of the engine's: merge two entities, split
//! one spelling off an entity, or keep apart two entities the engine suggested as one
//! ([`crate::model::Suggestion`]; accepting a suggestion is a merge). Decisions are kept by the
//! app (and exported with the workspace) and applied in order after every analysis; one that no
//! longer applies (an entity or spelling that is gone) is skipped, never an error.
//!
//! After the decisions: suggestions between entities now one, or kept apart, are gone; facts and
//! quotes of a merged entity name the entity it joined; the given-name conflict between two
//! entities kept apart is no conflict any more (two people).

use crate::link::entities::{assemble, sort_entities};
use crate::link::latin::transliterate;
use crate::model::{slug, Analysis, Entity, LinkReason, LinkRule};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum Decision {
    /// Every mention of `absorb` becomes a mention of `keep` (same type only).
    Merge { keep: String, absorb: String },
    /// The mentions of `entity` written exactly `spelling` become an entity of their own.
    Split { entity: String, spelling: String },
    /// `a` and `b`, which the engine suggested as one, are two: the suggestion is answered.
    Apart { a: String, b: String },
}

impl crate::json::FromJson for Decision {
    fn from_json(v: &crate::json::Json) -> Result<Self, crate::json::JsonError> {
        let tag: String = v.field("decision")?;
        Ok(match tag.as_str() {
            "merge" => Decision::Merge { keep: v.field("keep")?, absorb: v.field("absorb")? },
            "split" => Decision::Split { entity: v.field("entity")?, spelling: v.field("spelling")? },
            "apart" => Decision::Apart { a: v.field("a")?, b: v.field("b")? },
            _ => return Err(crate::json::JsonError::Field { path: "decision".into(), expected: crate::json::Expected::Known }),
        })
    }
}

struct Group {
    id: String,
    kind: crate::model::EntityType,
    latin: Option<String>,
    reasons: Vec<LinkReason>,
}

/// The analysis with `decisions` applied. Decisions that do not apply are skipped.
pub fn apply(a: &Analysis, decisions: &[Decision]) -> Analysis {
    if decisions.is_empty() {
        return a.clone();
    }
    let mut groups: BTreeMap<String, Group> = crate::sort::map(
        a.entities.iter().map(|e| (e.id.clone(), Group { id: e.id.clone(), kind: e.kind, latin: Some(e.latin.clone()), reasons: e.reasons.clone() })),
    );
    // Current group of every mention, by (document index, mention index).
    let mut of: Vec<Vec<String>> = a.documents.iter().map(|d| d.mentions.iter().map(|m| m.entity.clone()).collect()).collect();
    let label = |id: &str| a.entity(id).map(|e| e.label.clone()).unwrap_or_else(|| id.to_string());
    // Which entity each merged one went into, and the pairs kept apart.
    let mut absorbed_into: BTreeMap<String, String> = BTreeMap::new();
    let mut apart: Vec<(String, String)> = Vec::new();
    for d in decisions {
        match d {
            Decision::Apart { a, b } => apart.push((a.clone(), b.clone())),
            Decision::Merge { keep, absorb } => {
                let (Some(k), Some(b)) = (groups.get(keep), groups.get(absorb)) else { continue };
                if keep == absorb || k.kind != b.kind {
                    continue;
                }
                let absorbed = groups.remove(absorb).expect("checked above");
                absorbed_into.insert(absorb.clone(), keep.clone());
                let k = groups.get_mut(keep).expect("checked above");
                k.reasons.extend(absorbed.reasons);
                k.reasons.push(LinkReason { variant: label(absorb), to: label(keep), rule: LinkRule::UserMerge });
                for row in &mut of {
                    for g in row.iter_mut().filter(|g| *g == absorb) {
                        *g = keep.clone();
                    }
                }
            }
            Decision::Split { entity, spelling } => {
                let Some(g) = groups.get(entity) else { continue };
                let mut hits = Vec::new();
                let mut others = 0;
                for (di, doc) in a.documents.iter().enumerate() {
                    for (mi, m) in doc.mentions.iter().enumerate() {
                        if of[di][mi] == *entity {
                            if m.text == *spelling {
                                hits.push((di, mi));
                            } else {
                                others += 1;
                            }
                        }
                    }
                }
                if hits.is_empty() || others == 0 {
                    continue; // nothing to split off, or it is the whole entity
                }
                let mut id = format!("{entity}~{}", slug(&transliterate(spelling)));
                while groups.contains_key(&id) {
                    id.push('~');
                }
                let kind = g.kind;
                groups.insert(
                    id.clone(),
                    Group {
                        id: id.clone(),
                        kind,
                        latin: None,
                        reasons: vec![LinkReason { variant: spelling.clone(), to: label(entity), rule: LinkRule::UserSplit }],
                    },
                );
                for (di, mi) in hits {
                    of[di][mi] = id.clone();
                }
            }
        }
    }
    let mut out = a.clone();
    let mut members: BTreeMap<String, Vec<(&str, &str)>> = BTreeMap::new();
    for (di, doc) in a.documents.iter().enumerate() {
        for (mi, m) in doc.mentions.iter().enumerate() {
            members.entry(of[di][mi].clone()).or_default().push((doc.id.as_str(), m.text.as_str()));
        }
    }
    let mut entities: Vec<Entity> = Vec::with_capacity(groups.len());
    for (id, g) in groups {
        let Some(ms) = members.get(&id) else { continue };
        let mut e = assemble(g.id, g.kind, ms, g.latin, Vec::new());
        // Keep the engine's reasons that still join two spellings of this entity.
        e.reasons = g
            .reasons
            .into_iter()
            .filter(|r| r.rule.is_user() || (e.variants.contains(&r.variant) && e.variants.contains(&r.to)))
            .collect();
        entities.push(e);
    }
    sort_entities(&mut entities);
    out.entities = entities;
    let now = |id: &str| {
        let mut id = id.to_string();
        while let Some(next) = absorbed_into.get(&id) {
            id = next.clone();
        }
        id
    };
    let kept_apart = |x: &str, y: &str| apart.iter().any(|(a, b)| (a == x && b == y) || (a == y && b == x));
    out.suggestions.retain(|s| !kept_apart(&s.a, &s.b));
    for s in &mut out.suggestions {
        s.a = now(&s.a);
        s.b = now(&s.b);
    }
    out.suggestions.retain(|s| s.a != s.b && out.entities.iter().any(|e| e.id == s.a) && out.entities.iter().any(|e| e.id == s.b));
    // The given-name conflict of two people kept apart (crate::facts::names) is gone.
    let apart_ids: Vec<&str> = apart.iter().flat_map(|(a, b)| [a.as_str(), b.as_str()]).collect();
    out.facts.retain(|f| !(f.kind == crate::model::FactKind::Name && f.entity.as_deref().is_some_and(|e| apart_ids.contains(&e))));
    for f in &mut out.facts {
        if let Some(e) = &mut f.entity {
            *e = now(e);
        }
    }
    for q in &mut out.quotes {
        q.entity = now(&q.entity);
    }
    for (di, doc) in out.documents.iter_mut().enumerate() {
        for (mi, m) in doc.mentions.iter_mut().enumerate() {
            m.entity = of[di][mi].clone();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Document};

    fn analysis() -> Analysis {
        let text = "قال الرئيس الروسي فلاديمير بوتين في موسكو إن بوتين سيزور روسيا. وأكدت روسيا ذلك.";
        analyze(&[Document { id: "a".into(), file: "a.txt".into(), title: "a".into(), text: text.into(), ..Default::default() }])
    }

    fn entity_of<'a>(a: &'a Analysis, text: &str) -> &'a Entity {
        let m = a.documents[0].mentions.iter().find(|m| m.text == text).expect(text);
        a.entity(&m.entity).expect("entity")
    }

    #[test]
    fn split_then_merge_back() {
        let a = analysis();
        let putin = entity_of(&a, "فلاديمير بوتين").id.clone();
        assert_eq!(entity_of(&a, "بوتين").id, putin);
        let split = apply(&a, &[Decision::Split { entity: putin.clone(), spelling: "بوتين".into() }]);
        let alone = entity_of(&split, "بوتين");
        assert_ne!(alone.id, putin);
        assert_eq!(alone.total(), 1);
        assert_eq!(alone.reasons[0].rule, LinkRule::UserSplit);
        assert_eq!(entity_of(&split, "فلاديمير بوتين").total(), 1);
        assert_eq!(split.entities.len(), a.entities.len() + 1);
        let merged = apply(
            &a,
            &[
                Decision::Split { entity: putin.clone(), spelling: "بوتين".into() },
                Decision::Merge { keep: putin.clone(), absorb: alone.id.clone() },
            ],
        );
        assert_eq!(entity_of(&merged, "بوتين").id, putin);
        assert_eq!(merged.entities.len(), a.entities.len());
        assert!(merged.entity(&putin).unwrap().reasons.iter().any(|r| r.rule == LinkRule::UserMerge));
    }

    #[test]
    fn merge_needs_the_same_type_and_stale_decisions_are_skipped() {
        let a = analysis();
        let putin = entity_of(&a, "فلاديمير بوتين").id.clone();
        let russia = entity_of(&a, "روسيا").id.clone();
        let moscow = entity_of(&a, "موسكو").id.clone();
        assert_eq!(apply(&a, &[Decision::Merge { keep: putin.clone(), absorb: russia.clone() }]), a);
        assert_eq!(apply(&a, &[Decision::Merge { keep: "gone".into(), absorb: russia.clone() }]), a);
        assert_eq!(apply(&a, &[Decision::Split { entity: russia.clone(), spelling: "روسيا".into() }]), a);
        let m = apply(&a, &[Decision::Merge { keep: russia.clone(), absorb: moscow }]);
        assert_eq!(m.entity(&russia).unwrap().total(), 3);
        assert!(m.documents[0].mentions.iter().all(|x| m.entity(&x.entity).is_some()));
    }

    /// Two articles name a general with different given names: the engine suggests, the reader
    /// answers. Accepting merges them (the conflict of given names stays, now within one
    /// entity); rejecting keeps them apart and the conflict goes (two people).
    #[test]
    fn suggestions_are_accepted_or_rejected() {
        let doc = |id: &str, text: &str| Document { id: id.into(), file: format!("{id}.txt"), title: id.into(), text: text.into(), ..Default::default() };
        let a = analyze(&[
            doc("a", "وقاد القوات الجنرال أناتولي سيرديوكوف الذي قال إن المهمة انتهت."),
            doc("b", "وقال الجنرال الروسي أندري سيرديوكوف إن المهمة انتهت."),
        ]);
        let (x, y) = (entity_of(&a, "أناتولي سيرديوكوف").id.clone(), a.documents[1].mentions.iter().find(|m| m.text == "أندري سيرديوكوف").unwrap().entity.clone());
        assert_ne!(x, y, "different given names are not merged silently");
        assert_eq!(a.suggestions.len(), 1, "{:?}", a.suggestions);
        assert!(matches!(a.suggestions[0].rule, LinkRule::GivenNameDiffers));
        let conflicts = |an: &Analysis| an.facts.iter().filter(|f| f.kind == crate::model::FactKind::Name).count();
        assert_eq!(conflicts(&a), 1);

        let merged = apply(&a, &[Decision::Merge { keep: x.clone(), absorb: y.clone() }]);
        assert!(merged.suggestions.is_empty());
        assert_eq!(merged.entity(&x).unwrap().total(), 2);
        assert_eq!(conflicts(&merged), 1);
        assert!(merged.facts.iter().filter_map(|f| f.entity.as_deref()).all(|e| merged.entity(e).is_some()));

        let apart = apply(&a, &[Decision::Apart { a: y.clone(), b: x.clone() }]);
        assert!(apart.suggestions.is_empty());
        assert_eq!(apart.entities.len(), a.entities.len());
        assert_eq!(conflicts(&apart), 0);
    }

    #[test]
    fn decisions_round_trip_as_json() {
        let d = vec![Decision::Merge { keep: "a".into(), absorb: "b".into() }, Decision::Split { entity: "a".into(), spelling: "س".into() }, Decision::Apart { a: "a".into(), b: "c".into() }];
        let j = serde_json::to_string(&d).unwrap();
        assert!(j.contains("\"decision\":\"merge\""));
        assert_eq!(serde_json::from_str::<Vec<Decision>>(&j).unwrap(), d);
        // The app's reader (crate::json) reads what serde writes.
        assert_eq!(crate::json::from_str::<Vec<Decision>>(&j).unwrap(), d);
        let unknown = crate::json::from_str::<Vec<Decision>>(r#"[{"decision": "join", "a": "x"}]"#).unwrap_err();
        assert_eq!(unknown.to_string(), "expected a known name at `[0].decision`");
    }
}
