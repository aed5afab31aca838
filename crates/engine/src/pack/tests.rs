use super::*;
use crate::model::{LinkRule, Subject, Topic, Value};

fn round<T: Pack + PartialEq + std::fmt::Debug>(v: T) {
    let b = to_bytes(&v);
    assert_eq!(from_bytes::<T>(&b).unwrap(), v);
    // Every shorter prefix is refused with an error, never a panic.
    for n in 0..b.len() {
        assert!(from_bytes::<T>(&b[..n]).is_err(), "{v:?}: {n} of {} bytes accepted", b.len());
    }
}

#[test]
fn numbers_strings_and_containers_come_back() {
    for n in [0usize, 1, 127, 128, 300, 1 << 40, usize::MAX] {
        round(n);
    }
    for i in [0i64, 1, -1, 63, -64, i64::MAX, i64::MIN] {
        round(i);
    }
    for x in [0.0f64, -1.5, 1e300, f64::INFINITY] {
        round(x);
    }
    round(String::from("قاسم جومارت توكاييف"));
    round(vec![Some(true), None, Some(false)]);
    round(BTreeMap::from([("a".to_string(), 0.25f64), ("ب".to_string(), 1.0)]));
    round((3usize, String::new()));
    assert_eq!(to_bytes(&300usize), [0xac, 0x02]);
}

#[test]
fn a_list_joined_from_its_items_is_the_list() {
    let list = vec![String::from("أ"), String::new(), String::from("قارن")];
    let items: Vec<Vec<u8>> = list.iter().map(to_bytes).collect();
    assert_eq!(join_list(&items), to_bytes(&list));
    assert_eq!(join_list(&[]), to_bytes(&Vec::<String>::new()));
}

#[test]
fn enums_with_data_come_back() {
    round(vec![LinkRule::Skeleton { consonants: "qsm".into(), joined: true }, LinkRule::SameCountry { iso: "KZ".into() }, LinkRule::SameListedName { latin: "Arab League".into() }, LinkRule::Qualified, LinkRule::UserSplit]);
    round(vec![Subject::Nationality("روس".into()), Subject::Displaced]);
    round(vec![Topic::Count { noun: "جندي".into(), event: None }, Topic::GivenName { surname: "x".into() }]);
    round(vec![Value::Int(-7), Value::Num(2.5), Value::Text("ألف".into())]);
}

#[test]
fn bad_bytes_are_errors_not_panics() {
    assert_eq!(from_bytes::<String>(&[2, 0xff, 0xfe]).unwrap_err().what, "not UTF-8");
    assert_eq!(from_bytes::<Vec<usize>>(&[0xff, 0xff, 0xff, 0xff, 0x0f]).unwrap_err().what, "length beyond the end");
    assert_eq!(from_bytes::<usize>(&[0x80; 11]).unwrap_err().what, "integer too long");
    assert_eq!(from_bytes::<bool>(&[2]).unwrap_err().what, "not a boolean");
    assert_eq!(from_bytes::<usize>(&[1, 2]).unwrap_err().what, "bytes left over");
    assert_eq!(from_bytes::<LinkRule>(&[99]).unwrap_err().what, "unknown LinkRule");
    // Arbitrary bytes as an analysis' parts: an answer every time, never a panic.
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for len in 0..400 {
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed as u8
            })
            .collect();
        let _ = from_bytes::<Vec<crate::model::Entity>>(&bytes);
        let _ = from_bytes::<Vec<crate::model::Fact>>(&bytes);
        let _ = from_bytes::<Vec<crate::model::DocumentAnalysis>>(&bytes);
    }
}
