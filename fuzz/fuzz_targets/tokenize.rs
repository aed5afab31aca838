//! Any text: the token stream (with clitic splits, boilerplate and glued-word repair) keeps its
//! offsets inside the text, on character boundaries, in order, with code point offsets that agree.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let tz = qarin_engine::pipeline::read(text);
    let mut last = 0;
    for t in &tz.tokens {
        assert!(t.start <= t.end && t.end <= text.len(), "token out of the text");
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end), "token not on char boundaries");
        assert!(t.start >= last, "tokens out of order");
        last = t.start;
        assert_eq!(text[..t.start].chars().count(), t.cstart, "code point offset");
        assert_eq!(t.cend - t.cstart, text[t.start..t.end].chars().count(), "code point length");
    }
});
