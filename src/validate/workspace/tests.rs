use super::*;
use crate::facts::DecisionKind;

/// The demo workspace copied into a temporary folder, so that a test can break it.
fn demo_copy() -> tempfile::TempDir {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo");
    let dir = tempfile::tempdir().unwrap();
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.unwrap();
        let to = dir.path().join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    dir
}

fn checked(root: &Path) -> CheckedWorkspace {
    super::super::check(crate::model::load(root).unwrap())
}

fn ids(people: Vec<Person<'_>>) -> Vec<&str> {
    people.into_iter().map(|p| p.id()).collect()
}

#[test]
fn people_of_one_decision_and_one_ceremony_are_one_group() {
    let ws = checked(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo"));
    let hoa = ws.person("luong-thi-hoa").unwrap();
    // 125-QĐ/ĐU of 10/03/2026 names both; both were admitted on 28/03/2026.
    assert_eq!(
        ids(hoa.decision_group(DecisionKind::Admission)),
        ["luong-thi-hoa", "vu-quoc-huy"]
    );
    assert_eq!(ids(hoa.ceremony_group()), ["luong-thi-hoa", "vu-quoc-huy"]);
    // No recognition yet: the person alone.
    assert_eq!(
        ids(hoa.decision_group(DecisionKind::Recognition)),
        ["luong-thi-hoa"]
    );
    let mai = ws.person("ngo-thi-mai").unwrap();
    assert_eq!(
        ids(mai.decision_group(DecisionKind::Admission)),
        ["ngo-thi-mai"]
    );
}

#[test]
fn a_persons_problems_are_their_files_and_the_organisations() {
    let dir = demo_copy();
    let path = dir.path().join("ket-nap/tran-thi-binh.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}\nkhoa_la: 1\n")).unwrap();
    let ws = checked(dir.path());
    let binh = ws.person("tran-thi-binh").unwrap();
    let codes: Vec<&str> = binh.diagnostics().map(|d| d.code()).collect();
    assert_eq!(codes, ["unknown-key"]);
    assert!(binh.checked().is_none());
    // Everyone else is untouched by her file.
    for p in ws.people().filter(|p| p.id() != "tran-thi-binh") {
        assert_eq!(p.diagnostics().count(), 0, "{}", p.id());
        assert!(p.checked().is_some(), "{}", p.id());
    }
    assert_eq!(ws.diagnostics().len(), 1);

    // An error of the organisation blocks every form.
    let org = dir.path().join("to-chuc.yaml");
    let text = std::fs::read_to_string(&org).unwrap();
    std::fs::write(&org, format!("{text}\nkhoa_la: 1\n")).unwrap();
    let ws = checked(dir.path());
    let khoa = ws.person("dang-van-khoa").unwrap();
    assert_eq!(khoa.diagnostics().count(), 0);
    assert_eq!(khoa.problems().len(), 1);
    assert!(khoa.checked().is_none());
}

#[test]
fn the_plan_follows_the_stage() {
    let ws = checked(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo"));
    // Probation reviewed: the full-membership dossier; still a candidate: the admission one.
    assert_eq!(
        ws.person("ngo-thi-mai").unwrap().plan().kind,
        plan::Kind::ChinhThuc
    );
    assert_eq!(
        ws.person("tran-thi-binh").unwrap().plan().kind,
        plan::Kind::KetNap
    );
}
