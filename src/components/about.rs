//! The About panel: what Qarin is, and the data and licences it ships with (the trained model and
//! the ANERcorp-derived lists are CC BY-SA 4.0 and must carry their attribution).

use crate::i18n::{Key, Lang};
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn About() -> impl IntoView {
    let state = expect_context::<AppState>();
    let arabic = move || state.lang.get() == Lang::Ar;
    view! {
        <footer id="about" class="about">
            <details>
                <summary>{move || state.t(Key::About)}</summary>
                <Show
                    when=arabic
                    fallback=|| view! {
                        <p>"Qarin runs entirely in your browser: the articles you add never leave it. Code: MIT licence."</p>
                        <p>"Named-entity recognition uses a tagger trained on ANERcorp and word lists derived from it, shared under CC BY-SA 4.0: Y. Benajiba, P. Rosso, J. M. Benedí Ruiz, “ANERsys: An Arabic Named Entity Recognition System Based on Maximum Entropy”, CICLing 2007; train/test split of O. Obeid et al., “CAMeL Tools”, LREC 2020."</p>
                        <p>"Gazetteers: country names (MIT, from CLDR data) and Arabic first and family names (MIT). Font: Noto Naskh Arabic, SIL Open Font License 1.1."</p>
                    }
                >
                    <p>"يعمل «قارن» بالكامل في متصفحك: المقالات التي تضيفها لا تغادره. الشيفرة بترخيص MIT."</p>
                    <p>"يستخدم التعرّف على الأسماء مُصنِّفًا مدرَّبًا على مدوّنة ANERcorp وقوائم مشتقة منها، بترخيص CC BY-SA 4.0: Y. Benajiba, P. Rosso, J. M. Benedí Ruiz, CICLing 2007؛ وتقسيم O. Obeid et al., CAMeL Tools, LREC 2020."</p>
                    <p>"المعاجم: أسماء الدول (MIT، من بيانات CLDR) والأسماء العربية الأولى وأسماء العائلات (MIT). الخط: Noto Naskh Arabic بترخيص SIL Open Font License 1.1."</p>
                </Show>
            </details>
        </footer>
    }
}
