//! The analysis' types in the packed form: each record's fields in order, each enum's variants
//! by number (in the order listed here). A field or variant missing from a list is a compile
//! error (the records are destructured, the enums matched, exhaustively).

use super::{Pack, PackError, Reader, Writer};
use crate::model::{
    Analysis, OutletCue, OutletGuess, Aspect, Boilerplate, BoilerplateKind, DiffKind, DiffRun, DocumentAnalysis, Entity, EntityType, Fact, FactKind, FactValue, Frame, LinkReason, LinkRule, Mention, QClass,
    Qualifier, Quote, Spelling, Status, Subject, Suggestion, Topic, Value, WirePair,
};

/// A struct: its fields, in this order.
macro_rules! record {
    ($t:ident { $($f:ident),* $(,)? }) => {
        impl Pack for $t {
            fn put(&self, w: &mut Writer) {
                let $t { $($f),* } = self;
                $( $f.put(w); )*
            }
            fn take(r: &mut Reader) -> Result<Self, PackError> {
                Ok($t { $( $f: Pack::take(r)? ),* })
            }
        }
    };
}

/// An enum without data: the number of its variant in this list.
macro_rules! unit_enum {
    ($t:ident { $($v:ident),+ $(,)? }) => {
        impl Pack for $t {
            fn put(&self, w: &mut Writer) {
                const ALL: &[$t] = &[$($t::$v),+];
                match self {
                    $($t::$v)|+ => {}
                }
                w.uint(ALL.iter().position(|x| x == self).unwrap_or(0) as u64);
            }
            fn take(r: &mut Reader) -> Result<Self, PackError> {
                const ALL: &[$t] = &[$($t::$v),+];
                let i = r.uint()?;
                ALL.get(i as usize).copied().ok_or_else(|| r.error(concat!("unknown ", stringify!($t))))
            }
        }
    };
}

unit_enum!(EntityType { Per, Loc, Org, Misc });
unit_enum!(BoilerplateKind { RepeatedTitle, RelatedLink, Footer, Continuation, Separator, Masthead });
unit_enum!(FactKind { Quantity, Date, Name });
unit_enum!(Status { Conflict, Agree, Single });
unit_enum!(Frame {
    Withdrawal, Deployment, Unrest, Emergency, Mourning, Independence, Arrest, Appointment, Dismissal, Election, Attack, Meeting, Signing, Visit, Aid, Losses, Prices,
    Growth, Unemployment, Turnout, Disaster,
});
unit_enum!(Aspect { Event, Start, End, Length, Until, Ago });
unit_enum!(QClass { Personnel, Killed, Injured, Arrested, Duration, Age, Money, Percent, Population, Count });
unit_enum!(Qualifier { About, MoreThan, LessThan, AtLeast, AtMost });
unit_enum!(DiffKind { Same, Changed, OnlyA, OnlyB });
unit_enum!(OutletCue { Dateline, Editor, Copyright, Agency });

record!(Mention { start, end, kind, entity, text, byte_start, byte_end, by_user });
record!(Boilerplate { start, end, kind, byte_start, byte_end });
record!(OutletGuess { name, start, end, cue });
record!(DocumentAnalysis { id, file, title, outlet, date, text, mentions, boilerplate, outlet_guess, sentences });
record!(Analysis { schema, documents, entities, facts, quotes, wire, reuse, suggestions });
record!(Spelling { text, count });
record!(LinkReason { variant, to, rule });
record!(Entity { id, kind, label, latin, variants, documents, spellings, reasons });
record!(Suggestion { a, b, a_spelling, b_spelling, rule });
record!(FactValue { document, value, text, start, end, qualifier, unit, vague, relative, byte_start, byte_end });
record!(Fact { id, kind, topic, status, values, class, event, entity });
record!(Quote { entity, document, verb, text, start, end, speaker_start, speaker_end, speaker, direct, continuation, byte_start, byte_end });
record!(DiffRun { kind, a_start, a_end, b_start, b_end });
record!(WirePair { a, b, a_start, a_end, b_start, b_end, a_text, b_text, a_words, b_words, same_words, similarity, diff, a_bytes, b_bytes });

impl Pack for LinkRule {
    fn put(&self, w: &mut Writer) {
        use LinkRule::*;
        let n = match self {
            SameNormalized => 0,
            Alias => 1,
            Skeleton { .. } => 2,
            Orthographic => 3,
            SurnameVariant => 4,
            GivenNameDiffers => 5,
            Surname => 6,
            PartOfName => 7,
            MiddleName => 8,
            SameCountry { .. } => 9,
            SameNumber { .. } => 10,
            PartialName => 11,
            UserMerge => 12,
            UserSplit => 13,
            Article => 14,
            GivenNameAlone => 15,
            Construct => 16,
            Transliteration => 17,
            SameListedName { .. } => 18,
            Qualified => 19,
        };
        w.uint(n);
        match self {
            Skeleton { consonants, joined } => {
                consonants.put(w);
                joined.put(w);
            }
            SameCountry { iso } => iso.put(w),
            SameNumber { number } => number.put(w),
            SameListedName { latin } => latin.put(w),
            _ => {}
        }
    }
    fn take(r: &mut Reader) -> Result<Self, PackError> {
        use LinkRule::*;
        Ok(match r.uint()? {
            0 => SameNormalized,
            1 => Alias,
            2 => Skeleton { consonants: Pack::take(r)?, joined: Pack::take(r)? },
            3 => Orthographic,
            4 => SurnameVariant,
            5 => GivenNameDiffers,
            6 => Surname,
            7 => PartOfName,
            8 => MiddleName,
            9 => SameCountry { iso: Pack::take(r)? },
            10 => SameNumber { number: Pack::take(r)? },
            11 => PartialName,
            12 => UserMerge,
            13 => UserSplit,
            14 => Article,
            15 => GivenNameAlone,
            16 => Construct,
            17 => Transliteration,
            18 => SameListedName { latin: Pack::take(r)? },
            19 => Qualified,
            _ => return Err(r.error("unknown LinkRule")),
        })
    }
}

impl Pack for Subject {
    fn put(&self, w: &mut Writer) {
        use Subject::*;
        let n = match self {
            Security => 0,
            Military => 1,
            Civilians => 2,
            Children => 3,
            Women => 4,
            Protesters => 5,
            Militants => 6,
            Refugees => 7,
            Migrants => 8,
            Displaced => 9,
            Nationality(_) => 10,
        };
        w.uint(n);
        if let Nationality(s) = self {
            s.put(w);
        }
    }
    fn take(r: &mut Reader) -> Result<Self, PackError> {
        use Subject::*;
        Ok(match r.uint()? {
            0 => Security,
            1 => Military,
            2 => Civilians,
            3 => Children,
            4 => Women,
            5 => Protesters,
            6 => Militants,
            7 => Refugees,
            8 => Migrants,
            9 => Displaced,
            10 => Nationality(Pack::take(r)?),
            _ => return Err(r.error("unknown Subject")),
        })
    }
}

impl Pack for Topic {
    fn put(&self, w: &mut Writer) {
        use Topic::*;
        match self {
            People { class, subject } => {
                w.uint(0);
                class.put(w);
                subject.put(w);
            }
            Population { place } => {
                w.uint(1);
                place.put(w);
            }
            Age { person } => {
                w.uint(2);
                person.put(w);
            }
            Duration { event, aspect } => {
                w.uint(3);
                event.put(w);
                aspect.put(w);
            }
            Money { currency, event } => {
                w.uint(4);
                currency.put(w);
                event.put(w);
            }
            Percent { event } => {
                w.uint(5);
                event.put(w);
            }
            Count { noun, event } => {
                w.uint(6);
                noun.put(w);
                event.put(w);
            }
            Date { event, aspect } => {
                w.uint(7);
                event.put(w);
                aspect.put(w);
            }
            GivenName { surname } => {
                w.uint(8);
                surname.put(w);
            }
        }
    }
    fn take(r: &mut Reader) -> Result<Self, PackError> {
        use Topic::*;
        Ok(match r.uint()? {
            0 => People { class: Pack::take(r)?, subject: Pack::take(r)? },
            1 => Population { place: Pack::take(r)? },
            2 => Age { person: Pack::take(r)? },
            3 => Duration { event: Pack::take(r)?, aspect: Pack::take(r)? },
            4 => Money { currency: Pack::take(r)?, event: Pack::take(r)? },
            5 => Percent { event: Pack::take(r)? },
            6 => Count { noun: Pack::take(r)?, event: Pack::take(r)? },
            7 => Date { event: Pack::take(r)?, aspect: Pack::take(r)? },
            8 => GivenName { surname: Pack::take(r)? },
            _ => return Err(r.error("unknown Topic")),
        })
    }
}

impl Pack for Value {
    fn put(&self, w: &mut Writer) {
        match self {
            Value::Int(i) => {
                w.uint(0);
                i.put(w);
            }
            Value::Num(x) => {
                w.uint(1);
                x.put(w);
            }
            Value::Text(s) => {
                w.uint(2);
                s.put(w);
            }
        }
    }
    fn take(r: &mut Reader) -> Result<Self, PackError> {
        Ok(match r.uint()? {
            0 => Value::Int(Pack::take(r)?),
            1 => Value::Num(Pack::take(r)?),
            2 => Value::Text(Pack::take(r)?),
            _ => return Err(r.error("unknown Value")),
        })
    }
}
