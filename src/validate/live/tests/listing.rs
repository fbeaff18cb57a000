//! What only a listing of the records folders can place: a change whose told places do not
//! say all it did (a second file of an id, a file in a subfolder, a link come to life, a folder
//! moved away), compared with a full check as the other live tests are.

use super::*;

/// What only a listing can place is not put in place: a second file of an id (left out with a
/// problem), a file in a subfolder; a new file of a new id is.
#[test]
fn a_second_file_of_an_id_is_placed_by_the_listing() {
    let dir = workspace(12);
    let root = dir.path().join("ws");
    let mut state = Live::open(&root).unwrap();
    let binh = root.join("ket-nap/tran-thi-binh-0000.yaml");
    let copies = [
        ("ket-nap/tran-thi-binh-0000-moi.yaml", Refreshed::Patched),
        ("dang-vien/tran-thi-binh-0000.yaml", Refreshed::Gathered),
        ("ket-nap/tran-thi-binh-0000.yml", Refreshed::Gathered),
        ("ket-nap/chi-bo-1/ngo-van-lam.yaml", Refreshed::Gathered),
    ];
    for (copy, how) in copies {
        let to = root.join(copy);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&binh, &to).unwrap();
        settle(&mut state);
        let (a, b) = (live(&mut state), full(&root));
        assert!(a == b, "{copy}\n\nincremental:\n{a:?}\n\nfull:\n{b:?}");
        assert_eq!(state.last, how, "{copy}");
        // And taken away again.
        std::fs::remove_file(&to).unwrap();
        settle(&mut state);
        assert_eq!(live(&mut state), full(&root), "{copy} removed");
    }
}

/// A link in the records that leads nowhere is no person (a listing leaves it out with a
/// problem); the file it names, made later, makes it one: a new person's file is then not put in
/// place alone, since a listing finds the link come to life.
#[cfg(unix)]
#[test]
fn a_link_that_led_nowhere_leads_to_a_newcomer() {
    let dir = workspace(12);
    let root = dir.path().join("ws");
    let mut state = Live::open(&root).unwrap();
    let newcomer = root.join("dang-vien/le-van-moi.yaml");
    std::os::unix::fs::symlink(&newcomer, root.join("ket-nap/lien-ket.yaml")).unwrap();
    settle(&mut state);
    let (a, b) = (live(&mut state), full(&root));
    assert!(a == b, "the link\n\nincremental:\n{a:?}\n\nfull:\n{b:?}");
    assert!(b.unwrap().contains("unreadable lien-ket"));

    std::fs::copy(root.join("dang-vien/hoang-thi-thu.yaml"), &newcomer).unwrap();
    settle(&mut state);
    let (a, b) = (live(&mut state), full(&root));
    assert!(
        a == b,
        "the file named\n\nincremental:\n{a:?}\n\nfull:\n{b:?}"
    );
    assert!(b.unwrap().contains("person lien-ket"));
}

/// A folder under a record's name is no person (a listing leaves it out with a problem, and reads
/// what is in it); moved out of the records and a person's file made under its name, the folder's
/// problem and whatever was in it go with it, which a listing finds: only the file's name is told
/// (Linux tells a folder moved as it tells a file; Windows tells a folder removed so).
#[test]
fn a_file_made_where_a_folder_was_is_placed_by_the_listing() {
    let dir = workspace(12);
    let root = dir.path().join("ws");
    let mut state = Live::open(&root).unwrap();
    let place = root.join("dang-vien/le-van-moi.yaml");
    let sponsor = root.join("dang-vien/hoang-thi-thu.yaml");
    std::fs::create_dir(&place).unwrap();
    std::fs::copy(&sponsor, place.join("le-van-cu.yaml")).unwrap();
    settle(&mut state);
    let (a, b) = (live(&mut state), full(&root));
    assert!(a == b, "the folder\n\nincremental:\n{a:?}\n\nfull:\n{b:?}");
    let b = b.unwrap();
    assert!(b.contains("unreadable le-van-moi") && b.contains("person le-van-cu"));

    std::fs::rename(&place, root.join("cu")).unwrap();
    std::fs::copy(&sponsor, &place).unwrap();
    settle(&mut state);
    let (a, b) = (live(&mut state), full(&root));
    assert!(
        a == b,
        "the file where the folder was\n\nincremental:\n{a:?}\n\nfull:\n{b:?}"
    );
    let b = b.unwrap();
    assert!(b.contains("person le-van-moi") && !b.contains("le-van-cu"));
}
