use super::*;
use crate::diag::Lang;
use std::fmt::Write as _;

/// Everything a user can see of a checked workspace, as text: every diagnostic (code, severity,
/// message, place), each person with their own problems, whether they can be printed, their
/// stage and their groups, the unreadable files.
fn seen(ws: &CheckedWorkspace) -> String {
    fn diag(out: &mut String, d: &Diagnostic) {
        let at = d.location.as_ref().map(|l| {
            format!(
                "{}:{}:{}:{:?}",
                l.file.path.display(),
                l.line,
                l.column,
                l.range
            )
        });
        let _ = writeln!(
            out,
            "  {} {:?} {} @ {} ({})",
            d.code(),
            d.severity,
            d.problem.message(Lang::En),
            at.unwrap_or_default(),
            d.problem.hint(Lang::En).unwrap_or_default(),
        );
    }
    let mut out = String::new();
    out.push_str("all:\n");
    ws.diagnostics().into_iter().for_each(|d| diag(&mut out, d));
    out.push_str("read:\n");
    ws.read_diagnostics().iter().for_each(|d| diag(&mut out, d));
    out.push_str("org:\n");
    ws.org_diagnostics().for_each(|d| diag(&mut out, d));
    out.push_str("report:\n");
    ws.report_diagnostics().for_each(|d| diag(&mut out, d));
    fn ids(group: Vec<crate::validate::Person<'_>>) -> Vec<&str> {
        group.into_iter().map(|p| p.id()).collect()
    }
    for p in ws.people() {
        let _ = writeln!(
            out,
            "person {} {} checked={} stage={:?} decision={:?} ceremony={:?} text={}",
            p.id(),
            p.record().path().display(),
            p.checked().is_some(),
            p.stage(),
            ids(p.decision_group(crate::facts::DecisionKind::Admission)),
            ids(p.ceremony_group()),
            p.record().spans.file().text.len(),
        );
        p.problems().into_iter().for_each(|d| diag(&mut out, d));
    }
    for u in ws.unreadable() {
        let _ = writeln!(out, "unreadable {} {}", u.id, u.path.display());
        u.diagnostics.iter().for_each(|d| diag(&mut out, d));
    }
    // The order of names the desk's lists of members follow, kept through the changes.
    let by_name: Vec<&str> = ws.people_by_name().map(|p| p.id()).collect();
    let _ = writeln!(out, "by name: {}", by_name.join(" "));
    out
}

/// The same files, loaded and checked in full.
fn full(root: &Path) -> Result<String, String> {
    crate::model::load(root)
        .map(|l| seen(&super::super::check(l)))
        .map_err(|e| format!("{e:?}"))
}

/// Waits until the system has told the live workspace every change made so far: it tells a
/// moment after a write (a text editor's save shows at the desk's next request after that).
fn settle(live: &mut Live) {
    if let Some(watch) = live.watch.as_mut() {
        watch.settle();
    }
}

fn live(live: &mut Live) -> Result<String, String> {
    live.refresh()
        .map(|ws| seen(&ws))
        .map_err(|e| format!("{e:?}"))
}

/// A small deterministic generator (xorshift), so that a failure can be replayed by its seed.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The person files of a workspace, the organisation's and the bulletin's.
fn files(root: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    out.sort();
    out
}

/// Every `key: value` line's value in the workspace, and every person's id: what an edit puts in.
fn values(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for path in files(root) {
        if let Some(stem) = path.file_stem() {
            out.push(stem.to_string_lossy().into_owned());
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for line in text.lines() {
            if let Some((_, value)) = line.split_once(": ")
                && !value.trim().is_empty()
            {
                out.push(value.to_string());
            }
        }
    }
    for odd in [
        "khong-co-ai",
        "[",
        "32/13/2026",
        "",
        "'",
        "1-QĐ/ĐU",
        "99-NQ/ĐU",
    ] {
        out.push(odd.to_string());
    }
    out.sort();
    out.dedup();
    out
}

/// One random change to the workspace, described.
fn edit(root: &Path, dice: &mut Dice, pool: &[String], originals: &[(PathBuf, Vec<u8>)]) -> String {
    let all = files(root);
    let people: Vec<&PathBuf> = all.iter().filter(|p| p.parent() != Some(root)).collect();
    let org = root.join(ORG_FILE);
    let report = root.join(BAO_CAO_FILE);
    let folder = |dice: &mut Dice| root.join(*dice.pick(&["dang-vien", "ket-nap"]));
    match dice.below(24) {
        // A value changed: a person's (most often), the organisation's, the bulletin's.
        0..=9 => {
            let path = match dice.below(10) {
                0 => org,
                1 => report,
                _ if !people.is_empty() => (*dice.pick(&people)).clone(),
                _ => org,
            };
            let Ok(text) = std::fs::read_to_string(&path) else {
                return format!("nothing to change in {}", path.display());
            };
            let lines: Vec<&str> = text.lines().collect();
            let candidates: Vec<usize> = (0..lines.len())
                .filter(|&i| lines[i].contains(": "))
                .collect();
            if candidates.is_empty() {
                return format!("no value in {}", path.display());
            }
            let i = *dice.pick(&candidates);
            let (key, _) = lines[i].split_once(": ").unwrap();
            let value = dice.pick(pool);
            let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            out[i] = format!("{key}: {value}");
            std::fs::write(&path, out.join("\n") + "\n").unwrap();
            format!("{}:{} {key}: {value}", path.display(), i + 1)
        }
        // A line removed.
        10 if !people.is_empty() => {
            let path = (*dice.pick(&people)).clone();
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let mut lines: Vec<&str> = text.lines().collect();
            if lines.is_empty() {
                return "empty".into();
            }
            let i = dice.below(lines.len());
            lines.remove(i);
            std::fs::write(&path, lines.join("\n") + "\n").unwrap();
            format!("{}:{} removed", path.display(), i + 1)
        }
        // A file removed.
        11 if !people.is_empty() => {
            let path = dice.pick(&people);
            std::fs::remove_file(path).unwrap();
            format!("{} deleted", path.display())
        }
        // A person's file copied under a new name, the same name in the other folder, a name
        // that is not an id, with the other extension, or under a name an editor gave it.
        12 | 13 if !people.is_empty() => {
            let from = dice.pick(&people);
            let stem = from.file_stem().unwrap().to_string_lossy().into_owned();
            let name = match dice.below(5) {
                0 => format!("{stem}-{}.yaml", dice.below(100)),
                1 => format!("{stem}.yaml"),
                2 => format!("{stem}.yml"),
                3 => format!("{stem}.yaml.txt"),
                _ => "Khong Hop Le.yaml".into(),
            };
            let to = folder(dice).join(name);
            std::fs::copy(from, &to).unwrap();
            format!("{} copied to {}", from.display(), to.display())
        }
        // A file broken, or emptied.
        14 if !people.is_empty() => {
            let path = dice.pick(&people);
            let text = *dice.pick(&["ho_ten: [", "", "\u{feff}ho_ten: A\nkhoa_la: 1\n"]);
            std::fs::write(path, text).unwrap();
            format!("{} broken: {text:?}", path.display())
        }
        // The same size and the same modification time: only the content (or the change time)
        // tells.
        15 if !people.is_empty() => {
            let path = dice.pick(&people);
            let file = std::fs::File::options().write(true).open(path).unwrap();
            let modified = file.metadata().unwrap().modified().unwrap();
            let mut text = std::fs::read(path).unwrap();
            if let Some(b) = text.iter_mut().find(|b| b.is_ascii_digit()) {
                *b = if *b == b'9' { b'1' } else { *b + 1 };
            }
            std::fs::write(path, &text).unwrap();
            file.set_modified(modified).unwrap();
            format!("{} changed in place, time kept", path.display())
        }
        // A person put in a branch, and the organisation's branches listed or not: a change of
        // `to-chuc.yaml` alone changes what everyone's checks find.
        17 if !people.is_empty() => {
            let path = dice.pick(&people);
            let branch = *dice.pick(&["khu-pho-5", "khu-pho-6"]);
            let text = std::fs::read_to_string(path).unwrap_or_default();
            std::fs::write(path, format!("{text}\nchi_bo: {branch}\n")).unwrap();
            format!("{} in branch {branch}", path.display())
        }
        18 => {
            const BRANCHES: &str = "\ncac_chi_bo:\n  - ma: khu-pho-5\n    ten: Chi bộ Khu phố 5\n";
            let text = std::fs::read_to_string(&org).unwrap_or_default();
            let (text, what) = match text.strip_suffix(BRANCHES) {
                Some(before) => (before.to_string(), "unlisted"),
                None => (format!("{text}{BRANCHES}"), "listed"),
            };
            std::fs::write(&org, text).unwrap();
            format!("the branches {what}")
        }
        // A member made full only lately: those who name them as a sponsor, unchanged, now have
        // a sponsor who was not a full member when they wrote.
        19 => {
            let members: Vec<&&PathBuf> = people
                .iter()
                .filter(|p| p.parent().is_some_and(|d| d.ends_with("dang-vien")))
                .collect();
            if members.is_empty() {
                return "no member".into();
            }
            let path = dice.pick(&members);
            let day = *dice.pick(&["19/05/1996", "01/12/2026"]);
            let text = std::fs::read_to_string(path).unwrap_or_default();
            let text: Vec<String> = text
                .lines()
                .map(|l| match l.starts_with("ngay_chinh_thuc:") {
                    true => format!("ngay_chinh_thuc: {day}"),
                    false => l.to_string(),
                })
                .collect();
            std::fs::write(path, text.join("\n") + "\n").unwrap();
            format!("{} full member on {day}", path.display())
        }
        // A bulletin file removed or restored; a file put back as it was.
        16 if report.exists() => {
            std::fs::remove_file(&report).unwrap();
            "bulletin removed".into()
        }
        _ => {
            let (path, bytes) = dice.pick(originals);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
            format!("{} restored", path.display())
        }
    }
}

/// Copies a workspace and sets its files' times an hour back, so that they are trusted by time
/// until an edit makes them recent.
fn workspace(people: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    crate::demo::write_synthetic(&root, people).unwrap();
    let past = SystemTime::now() - Duration::from_secs(3600);
    for path in files(&root) {
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(past).unwrap();
    }
    dir
}

#[test]
fn random_edits_agree_with_a_full_check() {
    for seed in [1u64, 7, 2026, 0x5eed] {
        let dir = workspace(12);
        let root = dir.path().join("ws");
        let originals: Vec<(PathBuf, Vec<u8>)> = files(&root)
            .into_iter()
            .map(|p| {
                let bytes = std::fs::read(&p).unwrap();
                (p, bytes)
            })
            .collect();
        let pool = values(&root);
        let mut dice = Dice(seed);
        let mut state = Live::open(&root).unwrap();
        assert!(state.watch.is_some(), "the changes are told by the system");
        assert_eq!(live(&mut state), full(&root));
        let mut log = Vec::new();
        let mut patched = 0;
        for step in 0..120 {
            // Sometimes several changes between two looks.
            for _ in 0..=dice.below(3) / 2 {
                log.push(edit(&root, &mut dice, &pool, &originals));
            }
            settle(&mut state);
            let (a, b) = (live(&mut state), full(&root));
            assert!(
                a == b,
                "seed {seed}, step {step}: the incremental check differs from the full one after\n{}\n\nincremental:\n{}\n\nfull:\n{}",
                log.join("\n"),
                a.clone().unwrap_or_else(|e| e),
                b.clone().unwrap_or_else(|e| e)
            );
            patched += usize::from(state.last == Refreshed::Patched);
        }
        // Both ways of bringing the result up to date were compared.
        assert!(patched >= 10, "seed {seed}: {patched} edits put in place");
    }
}

#[test]
fn nothing_changed_is_the_same_result() {
    let dir = workspace(5);
    let root = dir.path().join("ws");
    let mut state = Live::open(&root).unwrap();
    let a = state.refresh().unwrap();
    let b = state.refresh().unwrap();
    assert!(Arc::ptr_eq(&a, &b));
    // An edit in a text editor is seen at the next look.
    let path = root.join("ket-nap/tran-thi-binh-0000.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("que_quan: ", "que_quan: Xã ")).unwrap();
    settle(&mut state);
    let c = state.refresh().unwrap();
    assert!(!Arc::ptr_eq(&b, &c));
    assert_eq!(state.last, Refreshed::Patched);
    let binh = c.person("tran-thi-binh-0000").unwrap();
    assert!(binh.nguoi().que_quan.as_deref().unwrap().starts_with("Xã "));
    let d = state.refresh().unwrap();
    assert!(Arc::ptr_eq(&c, &d));
}

#[test]
fn the_writers_own_write_shows_at_the_very_next_refresh() {
    let dir = workspace(5);
    let root = dir.path().join("ws");
    let mut state = Live::open(&root).unwrap();
    // Whatever the system says, late or never, the desk's own writes are known at once.
    state.watch.as_mut().expect("a watch").deafen();
    let a = state.refresh().unwrap();
    let path = root.join("ket-nap/tran-thi-binh-0000.yaml");
    {
        let writer = crate::store::Writer::lock(&root).unwrap();
        let file = writer.read(&path).unwrap();
        writer
            .replace(&file, &file.text().replace("que_quan: ", "que_quan: Xã "))
            .unwrap();
    }
    let b = state.refresh().unwrap();
    // Put in place, the one file written looked at.
    assert_eq!((state.last, state.listed), (Refreshed::Patched, false));
    let binh = b.person("tran-thi-binh-0000").unwrap();
    assert!(binh.nguoi().que_quan.as_deref().unwrap().starts_with("Xã "));
    assert_eq!(live(&mut state), full(&root));
    // A text editor's save, its notification lost, is not seen until the backstop looks at
    // everything.
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("que_quan: Xã ", "que_quan: Phường ")).unwrap();
    assert!(Arc::ptr_eq(&b, &state.refresh().unwrap()));
    state.watch.as_mut().unwrap().backstop_due();
    assert_eq!(live(&mut state), full(&root));
    assert!(!Arc::ptr_eq(&a, &b));
}

#[test]
fn a_refresh_that_failed_is_taken_up_again() {
    let dir = workspace(5);
    let root = dir.path().join("ws");
    let mut state = Live::open(&root).unwrap();
    let org = std::fs::read_to_string(root.join(ORG_FILE)).unwrap();
    std::fs::write(root.join(ORG_FILE), "chi_bo: [\n").unwrap();
    settle(&mut state);
    assert!(state.refresh().is_err());
    // Nothing told since: the organisation file is still broken, and still said so.
    assert!(state.refresh().is_err());
    assert_eq!(live(&mut state), full(&root));
    std::fs::write(root.join(ORG_FILE), org).unwrap();
    settle(&mut state);
    assert_eq!(live(&mut state), full(&root));
    assert!(state.refresh().is_ok());
}

/// Edits of what several people share (a decision's number and date, a ceremony's day, a sponsor's
/// membership), each put in place, each agreeing with a full check.
#[test]
fn shared_facts_follow_an_edit_in_place() {
    let dir = workspace(12);
    let root = dir.path().join("ws");
    let mut state = Live::open(&root).unwrap();
    let ws = state.refresh().unwrap();
    let decided: Vec<(String, String, String)> = ws
        .people()
        .filter_map(|p| {
            let q = p.nguoi().quyet_dinh_ket_nap.as_ref()?;
            Some((p.id().to_string(), q.so.clone()?, q.ngay?.short()))
        })
        .collect();
    assert!(decided.len() >= 4, "{decided:?}");
    // Two people of different decisions.
    let (a, number_a, day_a) = decided[0].clone();
    let (_, number_b, _) = decided
        .iter()
        .find(|(_, n, _)| *n != number_a)
        .unwrap()
        .clone();
    let file_a = ws.person(&a).unwrap().record().path().to_path_buf();
    let ceremony_a = ws
        .person(&a)
        .unwrap()
        .nguoi()
        .le_ket_nap
        .as_ref()
        .unwrap()
        .ngay;
    let sponsor = root.join("dang-vien/hoang-thi-thu.yaml");
    drop(ws);
    let replace = |path: &Path, from: &str, to: &str| {
        let text = std::fs::read_to_string(path).unwrap();
        assert!(text.contains(from), "{from} in {}", path.display());
        std::fs::write(path, text.replacen(from, to, 1)).unwrap();
    };
    let ceremony_a = ceremony_a.unwrap().short();
    let steps: Vec<(&Path, String, String)> = vec![
        // A's decision given B's number: the same number on two dates, or a decision not shared.
        (
            &file_a,
            format!("so: {number_a}"),
            format!("so: {number_b}"),
        ),
        (&file_a, format!("ngay: {day_a}"), "ngay: 11/03/2026".into()),
        (
            &file_a,
            "nhieu_nguoi: true".into(),
            "nhieu_nguoi: false".into(),
        ),
        (
            &file_a,
            format!("so: {number_b}"),
            format!("so: {number_a}"),
        ),
        (&file_a, "ngay: 11/03/2026".into(), format!("ngay: {day_a}")),
        // A's ceremony on another day: the ceremony groups change.
        (
            &file_a,
            format!("ngay: {ceremony_a}"),
            "ngay: 29/03/2026".into(),
        ),
        (
            &file_a,
            "ngay: 29/03/2026".into(),
            format!("ngay: {ceremony_a}"),
        ),
        // A sponsor made full only lately: those they sponsored are checked again.
        (
            &sponsor,
            "ngay_chinh_thuc: ".into(),
            "ngay_chinh_thuc: 01/12/2026\n# was: ".into(),
        ),
    ];
    for (i, (path, from, to)) in steps.iter().enumerate() {
        replace(path, from, to);
        settle(&mut state);
        let (a, b) = (live(&mut state), full(&root));
        assert!(
            a == b,
            "step {i}: {from} → {to}\n\nincremental:\n{a:?}\n\nfull:\n{b:?}"
        );
        assert_eq!(state.last, Refreshed::Patched, "step {i}");
        // Told by the system which file changed, the desk looked at no other.
        assert!(!state.listed || state.watch.is_none(), "step {i}");
    }
}

/// The desk's edit, told at once by the writer and a moment later by the system (the file, and the
/// temporary it was written to then renamed from): neither look lists the records folders.
#[test]
fn an_edit_told_twice_looks_at_no_other_file() {
    let dir = workspace(5);
    let root = dir.path().join("ws");
    let mut state = Live::open(&root).unwrap();
    if state.watch.is_none() {
        return;
    }
    settle(&mut state);
    state.refresh().unwrap();
    let path = root.join("ket-nap/tran-thi-binh-0000.yaml");
    for place in ["Xã ", "Phường "] {
        {
            let writer = crate::store::Writer::lock(&root).unwrap();
            let file = writer.read(&path).unwrap();
            let text = file
                .text()
                .replacen("que_quan: ", &format!("que_quan: {place}"), 1);
            writer.replace(&file, &text).unwrap();
        }
        state.refresh().unwrap();
        assert_eq!((state.last, state.listed), (Refreshed::Patched, false));
        settle(&mut state);
        state.refresh().unwrap();
        assert_eq!((state.last, state.listed), (Refreshed::Same, false));
        assert_eq!(live(&mut state), full(&root));
    }
}

/// A person who comes changes the closest id offered for a reference that names nobody, on a
/// record that did not change; and whoever named the newcomer in vain now names someone.
#[test]
fn a_newcomer_changes_the_suggestion_for_a_reference_that_names_nobody() {
    let dir = workspace(12);
    let root = dir.path().join("ws");
    let mut state = Live::open(&root).unwrap();
    let binh = root.join("ket-nap/tran-thi-binh-0000.yaml");
    let text = std::fs::read_to_string(&binh).unwrap();
    let text = text.replacen("dang_vien: hoang-thi-thu", "dang_vien: le-van-moi", 1);
    assert!(text.contains("le-van-moi"));
    std::fs::write(&binh, text).unwrap();
    settle(&mut state);
    assert_eq!(live(&mut state), full(&root));
    // Others come: one whose id is close to the one named, then the one named.
    for id in ["le-van-mo", "le-van-moi"] {
        let from = root.join("dang-vien/hoang-thi-thu.yaml");
        std::fs::copy(from, root.join(format!("dang-vien/{id}.yaml"))).unwrap();
        settle(&mut state);
        let (a, b) = (live(&mut state), full(&root));
        assert!(a == b, "{id}\n\nincremental:\n{a:?}\n\nfull:\n{b:?}");
        assert_eq!((state.last, state.listed), (Refreshed::Patched, false));
    }
}

/// What the desk does to whole records, each told by its writer alone (the system's
/// notifications lost): a person made, renamed (the records that name them following), deleted
/// and restored. Each is put in place without listing the folders, and agrees with a full check.
#[test]
fn records_made_renamed_deleted_and_restored_are_put_in_place() {
    use crate::store::Writer;
    let dir = workspace(12);
    let root = dir.path().join("ws");
    let mut state = Live::open(&root).unwrap();
    state.watch.as_mut().expect("a watch").deafen();
    let step = |state: &mut Live, what: &str| {
        let (a, b) = (live(state), full(&root));
        assert!(a == b, "{what}\n\nincremental:\n{a:?}\n\nfull:\n{b:?}");
        assert_eq!(
            (state.last, state.listed),
            (Refreshed::Patched, false),
            "{what}"
        );
        state.refresh().unwrap()
    };
    let sponsor = root.join("dang-vien/hoang-thi-thu.yaml");
    let text = std::fs::read_to_string(&sponsor).unwrap();
    let (id, _) = Writer::lock(&root)
        .unwrap()
        .create_person(crate::model::Folder::DangVien, "le-van-moi", &text)
        .unwrap();
    let ws = step(&mut state, "made");
    assert!(ws.person(&id).is_some());

    // The sponsor of others renamed: their records follow, and the old id is no one's.
    let named_before: Vec<String> = ws
        .people()
        .filter(|p| {
            std::fs::read_to_string(p.record().path())
                .unwrap()
                .contains("hoang-thi-thu")
        })
        .map(|p| p.id().to_string())
        .collect();
    assert!(named_before.len() > 1, "{named_before:?}");
    {
        let writer = Writer::lock(&root).unwrap();
        let file = writer.read(&sponsor).unwrap();
        let renamed = writer.rename_record(&file, "hoang-thi-thu-2").unwrap();
        assert!(!renamed.updated.is_empty());
    }
    let ws = step(&mut state, "renamed");
    assert!(ws.person("hoang-thi-thu").is_none());
    let sponsor = ws
        .person("hoang-thi-thu-2")
        .unwrap()
        .record()
        .path()
        .to_path_buf();

    // Deleted: those who named them now name nobody, and are told so.
    {
        let writer = Writer::lock(&root).unwrap();
        let file = writer.read(&sponsor).unwrap();
        writer.delete_record(&file).unwrap();
    }
    let ws = step(&mut state, "deleted");
    assert!(ws.person("hoang-thi-thu-2").is_none());
    let unknown = ws
        .diagnostics()
        .into_iter()
        .filter(|d| super::patch::names_nobody(d));
    assert!(unknown.count() > 0, "someone names the deleted sponsor");

    // Restored where it was.
    let deleted = crate::store::deleted(&root);
    Writer::lock(&root).unwrap().restore(&deleted[0]).unwrap();
    let ws = step(&mut state, "restored");
    assert!(ws.person("hoang-thi-thu-2").is_some());
}

mod listing;
