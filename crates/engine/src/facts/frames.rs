//! Events and aspects: what a number or date in a sentence is about.
//!
//! **Events** are recognised from keywords (matching forms, proclitics and article stripped;
//! `P` = any word starting with it, `E` = exactly it). Keywords inside a recognised name are
//! ignored (`منظمة معاهدة الأمن الجماعي` is no treaty signing). The event of a value is the
//! keyword nearest to it *in its sentence* (at most 12 tokens before or 8 after), a keyword in the
//! same clause (no punctuation mark crossed) winning over a nearer one beyond a comma, and a
//! keyword after the value counting as twice as far as one before it. A date right after a reporting verb and before `أن/إن/:` is the date of the
//! statement, not of the event it reports (`قال للبرلمان، الثلاثاء، إن القوات ستبدأ الانسحاب`).
//!
//! | event | keywords |
//! |---|---|
//! | withdrawal | انسحاب، انسحب، سحب، مغادرة، غادر، تغادر، إخراج، خروج، رحيل |
//! | deployment | إرسال، أرسل، نشر، انتشار، وصول، وصل، دخول |
//! | unrest | احتجاج، اضطراب، شغب، تظاهر، مظاهرات، اشتباك |
//! | emergency | الطوارئ |
//! | mourning | حداد |
//! | independence | استقلال |
//! | arrest | توقيف، اعتقال، احتجاز، أوقف، القبض |
//! | appointment | تعيين، ترشيح، تصويت |
//! | dismissal | إقالة، أقال، استقالة |
//! | election | انتخاب، اقتراع، أصوات |
//! | attack | هجوم، هجمات، تفجير، انفجار |
//! | meeting | قمة، اجتماع، محادثات، مفاوضات |
//! | signing | توقيع، اتفاق |
//! | visit | زيارة |
//! | aid | مساعدة، مساعدات، قرض، منحة |
//! | losses | خسائر، أضرار |
//! | prices | أسعار، سعر، تضخم |
//! | growth | نمو |
//! | unemployment | بطالة |
//! | turnout | مشاركة، إقبال |
//! | disaster | زلزال، هزة، فيضان، إعصار، حريق، سيول |
//!
//! **Aspects.** Of a date: `start` (بدأ، بدء، بداية، منذ، اندلع، انطلق), `end` (انتهاء، انتهى،
//! اكتمال، أكمل، استكمال، حتى، نهاية، ختام) or the event itself, from the markers nearest
//! the date between it and its event keyword (and two tokens around). Of a time span: `length`
//! (يستغرق، مدة، لمدة، طوال، طيلة، على مدى، استمر، دام: up to five tokens before the number in its
//! clause, or two after it before any punctuation or `و`), else `until` after خلال، في غضون، بعد،
//! بحلول (`خلال يومين`: the time until it happens), `ago` after منذ، قبل, else `length`.

use super::text::{is_clitic_only, token_forms};
use crate::model::Token;
pub use crate::model::{Aspect, Frame};
use crate::model::TokenKind;

#[derive(Clone, Copy)]
enum M {
    P(&'static str),
    E(&'static str),
}
use M::{E, P};

const KEYWORDS: &[(Frame, &[M])] = &[
    (Frame::Withdrawal, &[P("انسحاب"), P("انسحب"), P("سحب"), P("يسحب"), P("تسحب"), P("ستسحب"), P("سيسحب"), P("مغادره"), P("غادر"), P("يغادر"), P("تغادر"), P("ستغادر"), P("سيغادر"), P("اخراج"), E("خروج"), P("رحيل")]),
    (Frame::Deployment, &[P("ارسال"), P("ارسل"), P("يرسل"), P("ترسل"), E("نشر"), E("نشرت"), P("انتشار"), P("انتشر"), P("وصول"), P("وصل"), P("دخول")]),
    (Frame::Unrest, &[P("احتجاج"), P("اضطراب"), P("شغب"), P("تظاهر"), P("مظاهرات"), P("اشتباك")]),
    (Frame::Emergency, &[P("طواري")]),
    (Frame::Mourning, &[P("حداد")]),
    (Frame::Independence, &[P("استقلال")]),
    (Frame::Arrest, &[P("توقيف"), P("اعتقال"), P("احتجاز"), P("اوقف"), E("القبض"), E("قبض")]),
    (Frame::Appointment, &[P("تعيين"), P("ترشيح"), P("تصويت")]),
    (Frame::Dismissal, &[P("اقاله"), P("اقال"), P("استقاله"), P("استقال")]),
    (Frame::Election, &[P("انتخاب"), P("اقتراع"), P("اصوات"), P("اصواتهم")]),
    (Frame::Attack, &[P("هجوم"), P("هجمات"), P("هجمه"), P("تفجير"), P("انفجار")]),
    (Frame::Meeting, &[E("قمه"), P("قمه"), P("اجتماع"), P("محادثات"), P("مفاوضات")]),
    (Frame::Signing, &[P("توقيع"), P("اتفاق")]),
    (Frame::Visit, &[P("زياره")]),
    (Frame::Aid, &[P("مساعده"), P("مساعدات"), P("قرض"), P("منحه")]),
    (Frame::Losses, &[P("خساير"), P("اضرار")]),
    (Frame::Prices, &[P("اسعار"), E("سعر"), P("تضخم")]),
    (Frame::Growth, &[E("نمو")]),
    (Frame::Unemployment, &[P("بطاله")]),
    (Frame::Turnout, &[P("مشاركه"), P("اقبال")]),
    (Frame::Disaster, &[P("زلزال"), P("هزه"), P("هزات"), P("فيضان"), P("اعصار"), P("اعاصير"), P("حريق"), P("حرايق"), P("سيول")]),
];

/// Words that start like a keyword but are something else.
const NOT_KEYWORDS: &[&str] = &["نشره", "قمح", "سحابه", "وصله", "وصلات", "دخولها"];

fn matches(fs: &[String], ms: &[M]) -> bool {
    fs.iter().any(|f| {
        !NOT_KEYWORDS.contains(&f.as_str())
            && ms.iter().any(|m| match m {
                P(p) => f.starts_with(p),
                E(e) => f == e,
            })
    })
}

/// The event a single token names, if any.
pub fn frame_of(t: &Token) -> Option<Frame> {
    if t.kind != TokenKind::Arabic || t.mention.is_some() || t.boiler {
        return None;
    }
    let fs = token_forms(t);
    KEYWORDS.iter().find(|(_, ms)| matches(&fs, ms)).map(|(f, _)| *f)
}

/// Punctuation marks that separate phrases (a hyphen inside a name does not).
fn separates(t: &Token) -> bool {
    t.kind == TokenKind::Punct && !matches!(t.text, "-" | "ـ")
}

/// The event nearest to tokens `first..end` in their sentence: (event, keyword token).
/// Keywords in the same clause (no punctuation crossed) win over nearer ones beyond a comma; a
/// keyword after the value counts as twice as far as one before it (the event verb usually comes
/// first: `ووصلت القوات … أوائل الشهر الجاري على خلفية أعمال الشغب`).
pub fn find_frame(toks: &[Token], first: usize, end: usize) -> Option<(Frame, usize)> {
    let sentence = toks[first].sentence;
    // (separators crossed, distance, backward first) → smaller is better.
    let mut best: Option<((usize, usize, u8), Frame, usize)> = None;
    let mut consider = |cost: (usize, usize, u8), f: Frame, k: usize| {
        if best.is_none_or(|b| cost < b.0) {
            best = Some((cost, f, k));
        }
    };
    let (mut seps, mut dist) = (0, 0);
    for k in (0..first).rev() {
        let t = &toks[k];
        if t.sentence != sentence || dist >= 12 {
            break;
        }
        dist += 1;
        if separates(t) {
            seps += 1;
            continue;
        }
        if let Some(f) = frame_of(t) {
            consider((seps, dist, 0), f, k);
            break;
        }
    }
    let (mut seps, mut dist) = (0, 0);
    for (k, t) in toks.iter().enumerate().skip(end) {
        if t.sentence != sentence || dist >= 8 {
            break;
        }
        dist += 1;
        if separates(t) {
            seps += 1;
            continue;
        }
        if let Some(f) = frame_of(t) {
            consider((seps, 2 * dist, 1), f, k);
            break;
        }
    }
    best.map(|(_, f, k)| (f, k))
}

const LENGTH: &[M] = &[P("يستغرق"), P("تستغرق"), P("سيستغرق"), P("ستستغرق"), P("استغرق"), E("مده"), P("طوال"), P("طيله"), E("مدي"), E("مدار"), P("استمر"), P("يستمر"), P("تستمر"), P("ستستمر"), P("دام")];
const START: &[M] = &[P("بدا"), P("يبدا"), P("تبدا"), P("سيبدا"), P("ستبدا"), P("بدء"), P("بدايه"), E("منذ"), P("اندلع"), P("انطلق")];
const END: &[M] = &[P("انتهاء"), P("انتهت"), P("انتهي"), P("ينتهي"), P("تنتهي"), P("اكتمال"), P("اكتمل"), P("اكمل"), P("استكمال"), E("حتي"), P("نهايه"), P("ختام")];

fn has(t: &Token, ms: &[M]) -> bool {
    t.kind == TokenKind::Arabic && t.mention.is_none() && matches(&token_forms(t), ms)
}

/// Aspect of a time span whose qualifier starts at `qfirst` and noun ends at `end`.
pub fn duration_aspect(toks: &[Token], qfirst: usize, end: usize) -> Aspect {
    let sentence = toks[qfirst].sentence;
    for k in (qfirst.saturating_sub(5)..qfirst).rev() {
        let t = &toks[k];
        if t.sentence != sentence || separates(t) {
            break;
        }
        if has(t, LENGTH) {
            return Aspect::Length;
        }
    }
    for t in toks.iter().skip(end).take(2) {
        if t.sentence != sentence || separates(t) || (t.kind == TokenKind::Arabic && t.norm.starts_with('و')) {
            break;
        }
        if has(t, LENGTH) {
            return Aspect::Length;
        }
    }
    let mut k = qfirst;
    if k > 0 && is_clitic_only(&toks[k - 1]) {
        k -= 1;
    }
    if let Some(t) = k.checked_sub(1).map(|k| &toks[k]).filter(|t| t.sentence == sentence && t.kind == TokenKind::Arabic) {
        let fs = token_forms(t);
        if fs.iter().any(|f| matches!(f.as_str(), "خلال" | "غضون" | "بعد" | "بحلول")) {
            return Aspect::Until;
        }
        if fs.iter().any(|f| matches!(f.as_str(), "منذ" | "قبل")) {
            return Aspect::Ago;
        }
    }
    Aspect::Length
}

/// Aspect of a date at tokens `first..end` whose event keyword is at `frame_at`.
pub fn date_aspect(toks: &[Token], first: usize, end: usize, frame_at: Option<usize>) -> Aspect {
    let sentence = toks[first].sentence;
    let (lo, hi) = match frame_at {
        Some(f) => (f.min(first), (f + 1).max(end)),
        None => (first, end),
    };
    let lo = lo.saturating_sub(3);
    let hi = (hi + 2).min(toks.len());
    let mut best: Option<(usize, Aspect)> = None;
    for (k, t) in toks.iter().enumerate().take(hi).skip(lo) {
        if (first..end).contains(&k) || t.sentence != sentence {
            continue;
        }
        let a = if has(t, START) {
            Aspect::Start
        } else if has(t, END) {
            Aspect::End
        } else {
            continue;
        };
        let d = if k < first { first - k } else { k + 1 - end };
        if best.is_none_or(|b| d < b.0) {
            best = Some((d, a));
        }
    }
    best.map_or(Aspect::Event, |b| b.1)
}
