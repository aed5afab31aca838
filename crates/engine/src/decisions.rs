//! A reader's own linking decisions, applied on top of the engine's: merge two entities, or split
//! one spelling off an entity. Decisions are kept by the app (and exported with the workspace) and
//! applied in order after every analysis; one that no longer applies (an entity or spelling that
//! is gone) is skipped, never an error.

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
    let mut groups: BTreeMap<String, Group> = a
        .entities
        .iter()
        .map(|e| (e.id.clone(), Group { id: e.id.clone(), kind: e.kind, latin: Some(e.latin.clone()), reasons: e.reasons.clone() }))
        .collect();
    // Current group of every mention, by (document index, mention index).
    let mut of: Vec<Vec<String>> = a.documents.iter().map(|d| d.mentions.iter().map(|m| m.entity.clone()).collect()).collect();
    let label = |id: &str| a.entity(id).map(|e| e.label.clone()).unwrap_or_else(|| id.to_string());
    for d in decisions {
        match d {
            Decision::Merge { keep, absorb } => {
                let (Some(k), Some(b)) = (groups.get(keep), groups.get(absorb)) else { continue };
                if keep == absorb || k.kind != b.kind {
                    continue;
                }
                let absorbed = groups.remove(absorb).expect("checked above");
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

    #[test]
    fn decisions_round_trip_as_json() {
        let d = vec![Decision::Merge { keep: "a".into(), absorb: "b".into() }, Decision::Split { entity: "a".into(), spelling: "س".into() }];
        let j = serde_json::to_string(&d).unwrap();
        assert!(j.contains("\"decision\":\"merge\""));
        assert_eq!(serde_json::from_str::<Vec<Decision>>(&j).unwrap(), d);
    }
}
