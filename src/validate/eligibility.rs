//! Who may be considered, on the day of the branch meeting (R2–R5), and whether the dossier's
//! documents are still valid then (R12–R16); their order (R8) is [`super::order`]'s.

use super::Ctx;
use crate::calendar::{add_months, whole_months};
use crate::diag::{AgeDay, Deadline, Diagnostic, Problem};
use crate::forms::Catalogue;
use crate::model::{LoaiNgoaiLe, Ngay, PathView, Record};
use crate::time_limits::Limit;

/// R2's lower bound on every admission recorded without its branch meeting: a member's (in
/// `dang-vien/`, by the admission date alone; the meeting came before it, so one under 18 on that
/// day was under 18 at the meeting) and a re-admitted person's first admission. The upper bound
/// is not judged there: the meeting may have been well before the decision.
fn under_age_admissions(ctx: &Ctx, record: &Record) -> Vec<Diagnostic> {
    let n = &record.nguoi;
    let Some(birth) = n.ngay_sinh else {
        return Vec::new();
    };
    let admission = n
        .quyet_dinh_ket_nap
        .as_ref()
        .and_then(|q| q.ngay)
        .map(|d| ("quyet_dinh_ket_nap.ngay", d))
        .or(n.ngay_vao_dang.map(|d| ("ngay_vao_dang", d)));
    let meeting = n.hop_chi_bo.as_ref().and_then(|h| h.ngay);
    let first = n
        .ket_nap_lai
        .as_ref()
        .and_then(|k| k.ngay_vao_dang_lan_dau)
        .map(|d| ("ket_nap_lai.ngay_vao_dang_lan_dau", d));
    let days = [
        admission
            .filter(|_| meeting.is_none())
            .map(|(f, d)| (f, d, AgeDay::Admission)),
        first.map(|(f, d)| (f, d, AgeDay::FirstAdmission)),
    ];
    days.into_iter()
        .flatten()
        .filter(|&(_, day, _)| birth <= day)
        .filter_map(|(field, day, on)| {
            let set = ctx.rules.on(day);
            let months = whole_months(birth, day);
            let min = i64::from(set.params.r2.tuoi_tu_thang);
            (months < min).then(|| Diagnostic {
                problem: Problem::AgeUnder18 {
                    months,
                    min_months: min,
                    meeting: day.short(),
                    on,
                    cite: set.cite("R2"),
                },
                severity: set.severity("R2"),
                location: Some(record.spans.locate(field)),
            })
        })
        .collect()
}

/// The documents a dossier needs before its branch meeting (`quy_tac` in `forms/ho-so.yaml`:
/// the class certificates, R12 and R50), missing or undated once that meeting is recorded.
pub fn dossier_documents(ctx: &Ctx, record: &Record, view: &PathView) -> Vec<Diagnostic> {
    let mut d = Vec::new();
    for dossier in &Catalogue::builtin().dossiers {
        let Some(meeting) = view.first_date(&dossier.xet_tai) else {
            continue;
        };
        let set = ctx.rules.on(meeting);
        for item in &dossier.tai_lieu {
            let Some(rule) = item.quy_tac.as_deref() else {
                continue;
            };
            if view.first_date(&format!("{}.ngay", item.du_lieu)).is_some() {
                continue;
            }
            d.push(Diagnostic {
                problem: Problem::CertificateMissing {
                    field: item.du_lieu.clone(),
                    name: item.ten.clone(),
                    cite: set.cite(rule),
                },
                severity: set.severity(rule),
                location: Some(record.spans.locate(&dossier.xet_tai)),
            });
        }
    }
    d
}

/// The eligibility and dossier problems of one person.
pub fn person(ctx: &Ctx, record: &Record) -> Vec<Diagnostic> {
    let n = &record.nguoi;
    let mut d = under_age_admissions(ctx, record);
    let Some(meeting) = n.hop_chi_bo.as_ref().and_then(|h| h.ngay) else {
        return d;
    };
    let set = ctx.rules.on(meeting);
    let at = |path: &str| Some(record.spans.locate(path));

    // R2, R3: age in whole months on the day of the meeting.
    if let Some(birth) = n.ngay_sinh
        && birth <= meeting
    {
        let months = whole_months(birth, meeting);
        let min = i64::from(set.params.r2.tuoi_tu_thang);
        let max = i64::from(set.params.r2.tuoi_den_thang);
        let margin = i64::from(set.params.r2.xem_lai_thang);
        if months < min {
            d.push(Diagnostic {
                problem: Problem::AgeUnder18 {
                    months,
                    min_months: min,
                    meeting: meeting.short(),
                    on: AgeDay::BranchMeeting,
                    cite: set.cite("R2"),
                },
                severity: set.severity("R2"),
                location: at("ngay_sinh"),
            });
        } else if months > max {
            // The consent comes before the competent committee decides.
            let consent = n.dong_y_tren_60.as_ref().and_then(|c| c.ngay);
            let decided = n.quyet_dinh_ket_nap.as_ref().and_then(|q| q.ngay);
            if let (Some(consent), Some(decided)) = (consent, decided)
                && consent > decided
            {
                d.push(Diagnostic {
                    problem: Problem::DocumentOrder {
                        earlier: "quyet_dinh_ket_nap.ngay".into(),
                        earlier_date: decided.short(),
                        later: "dong_y_tren_60.ngay".into(),
                        later_date: consent.short(),
                        cite: set.cite("R3"),
                    },
                    severity: set.severity("R3"),
                    location: at("dong_y_tren_60.ngay"),
                });
            }
            if n.dong_y_tren_60.is_none() {
                d.push(Diagnostic {
                    problem: Problem::AgeOver60 {
                        months,
                        max_months: max,
                        meeting: meeting.short(),
                        cite: set.cite("R3"),
                    },
                    severity: set.severity("R3"),
                    location: at("ngay_sinh"),
                });
            }
        } else if months < min + margin || months > max - margin {
            d.push(Diagnostic::warning(
                Problem::AgeBorderline {
                    months,
                    meeting: meeting.short(),
                    cite: set.cite("R2"),
                },
                at("ngay_sinh"),
            ));
        }
    }

    // R4, R5: general education.
    let education = n.trinh_do.as_ref().and_then(|t| t.hoc_van.as_deref());
    if education.is_none() {
        let rule = if n.ngoai_le_hoc_van.is_some() {
            "R5"
        } else {
            "R4"
        };
        let at = if n.trinh_do.is_some() {
            "trinh_do"
        } else {
            "hop_chi_bo"
        };
        d.push(super::fact_missing(
            set,
            rule,
            record,
            "trinh_do.hoc_van",
            at,
        ));
    }
    if let Some(value) = education {
        let exception = n.ngoai_le_hoc_van.as_ref();
        let (rule, min) = match exception.and_then(|e| e.loai) {
            Some(LoaiNgoaiLe::VungKhoKhan) => ("R5", i64::from(set.params.r5.lop_toi_thieu)),
            // Literacy is enough, with the written consent.
            Some(LoaiNgoaiLe::UyTin) => ("R5", 0),
            None => ("R4", i64::from(set.params.r4.lop_toi_thieu)),
        };
        if exception.and_then(|e| e.loai) == Some(LoaiNgoaiLe::UyTin)
            && exception.and_then(|e| e.dong_y.as_ref()).is_none()
        {
            d.push(Diagnostic {
                problem: Problem::EducationExceptionNeedsConsent {
                    cite: set.cite("R5"),
                },
                severity: set.severity("R5"),
                location: at("ngoai_le_hoc_van"),
            });
        }
        match grade(value) {
            Some(g) if g < min => d.push(Diagnostic {
                problem: Problem::EducationBelowMinimum {
                    value: value.to_string(),
                    min_grade: min,
                    exception: rule == "R5",
                    cite: set.cite(rule),
                },
                severity: set.severity(rule),
                location: at("trinh_do.hoc_van"),
            }),
            Some(_) => {}
            None if min > 0 => d.push(Diagnostic::warning(
                Problem::EducationUnclear {
                    value: value.to_string(),
                    cite: set.cite(rule),
                },
                at("trinh_do.hoc_van"),
            )),
            None => {}
        }
    }

    // R7: an applicant who follows a religion is admitted under the conditions of 06-QĐ/TW; the
    // record says the branch checked them.
    if let Some(religion) = n.ton_giao.as_deref()
        && follows_a_religion(religion)
        && !n.ton_giao_du_dieu_kien
    {
        d.push(Diagnostic {
            problem: Problem::ReligionConditionsUnchecked {
                religion: religion.trim().to_string(),
                cite: set.cite("R7"),
            },
            severity: set.severity("R7"),
            location: at("ton_giao"),
        });
    }

    // R13: the certificate (its absence is R12, `dossier_documents`), valid for its months on
    // the day of the meeting.
    match n.giay_chung_nhan.as_ref().and_then(|g| g.ngay) {
        None => {}
        Some(issued) => {
            let limit = Limit::of(Deadline::CertificateExpiry);
            let ends = limit.last_day(n, ctx.rules, ctx.calendar, issued, Some(meeting));
            if meeting > ends.last {
                d.push(Diagnostic {
                    problem: Problem::CertificateExpired {
                        issued: issued.short(),
                        expired: ends.last.short(),
                        meeting: meeting.short(),
                        months: ends.allowed,
                        cite: ends.set.cite(limit.rule),
                    },
                    severity: ends.set.severity(limit.rule),
                    location: at("giay_chung_nhan.ngay"),
                });
            }
        }
    }

    // R14: the certified personal history.
    let limit = Limit::of(Deadline::PersonalHistoryExpiry);
    if let Some(certified) = limit.from.day(n, ctx.rules) {
        let ends = limit.last_day(n, ctx.rules, ctx.calendar, certified.day, Some(meeting));
        if meeting > ends.last {
            d.push(Diagnostic {
                problem: Problem::PersonalHistoryExpired {
                    certified: certified.day.short(),
                    expired: ends.last.short(),
                    meeting: meeting.short(),
                    months: ends.allowed,
                    cite: ends.set.cite(limit.rule),
                },
                severity: ends.set.severity(limit.rule),
                location: at(certified.field),
            });
        }
    }

    // R16: the union's resolution and the residence comments.
    let comments: [(&str, Option<Ngay>); 2] = [
        (
            "gioi_thieu_doan_the.ngay",
            n.gioi_thieu_doan_the.as_ref().and_then(|g| g.ngay),
        ),
        (
            "tong_hop_nhan_xet.noi_cu_tru.ngay",
            n.tong_hop_nhan_xet
                .as_ref()
                .and_then(|t| t.noi_cu_tru.as_ref())
                .and_then(|y| y.ngay),
        ),
    ];
    let months = i64::from(set.params.r16.thang_hieu_luc);
    for (field, date) in comments {
        if let Some(date) = date
            && meeting > add_months(date, months)
        {
            d.push(Diagnostic {
                problem: Problem::CommentsExpired {
                    field: field.to_string(),
                    date: date.short(),
                    meeting: meeting.short(),
                    months,
                    cite: set.cite("R16"),
                },
                severity: set.severity("R16"),
                location: at(field),
            });
        }
    }
    d
}

/// The grade of general education in the 12-year system: `9/12` → 9, `7/10` (the former 10-year
/// system) → 9, "Tốt nghiệp THPT" → 12. `None` when it cannot be read.
pub fn grade(text: &str) -> Option<i64> {
    let t = text.trim().to_lowercase();
    let leading = |s: &str| -> Option<i64> {
        let digits: String = s
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok()
    };
    if let Some((a, b)) = t.split_once('/') {
        // "12/12", "12/12 (bổ túc)", "lớp 9/12".
        let a: i64 = a.trim().rsplit(' ').next().and_then(|x| x.parse().ok())?;
        let b: i64 = leading(b)?;
        return match b {
            12 if (0..=12).contains(&a) => Some(a),
            // 10-year system: grades 1–4 primary, 5–7 lower secondary, 8–10 upper secondary.
            10 if (0..=4).contains(&a) => Some(a + 1),
            10 if (5..=10).contains(&a) => Some(a + 2),
            _ => None,
        };
    }
    let words: [(&[&str], i64); 3] = [
        (
            &[
                "thpt",
                "trung học phổ thông",
                "đại học",
                "cao đẳng",
                "bổ túc thpt",
            ],
            12,
        ),
        (&["thcs", "trung học cơ sở"], 9),
        (&["tiểu học"], 5),
    ];
    words
        .iter()
        .find(|(keys, _)| keys.iter().any(|k| t.contains(k)))
        .map(|(_, g)| *g)
        // "Lớp 9": a grade of the 12-year system.
        .or_else(|| {
            t.split_once("lớp")
                .and_then(|(_, rest)| leading(rest))
                .filter(|g| (0..=12).contains(g))
        })
}

/// Whether `ton_giao` names a religion: anything but the ways a form says "none".
fn follows_a_religion(value: &str) -> bool {
    let v = value.trim().trim_end_matches('.').to_lowercase();
    !matches!(
        v.as_str(),
        "" | "-" | "không" | "không có" | "không theo tôn giáo" | "khong" | "khong co"
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn none_is_written_several_ways() {
        for none in [
            "Không",
            "không",
            "Không có.",
            "  khong ",
            "-",
            "Không theo tôn giáo",
        ] {
            assert!(!super::follows_a_religion(none), "{none}");
        }
        for religion in ["Phật giáo", "Công giáo", "Cao Đài", "Tin Lành"] {
            assert!(super::follows_a_religion(religion), "{religion}");
        }
    }

    use super::grade;

    #[test]
    fn grades_of_both_school_systems() {
        assert_eq!(grade("12/12"), Some(12));
        assert_eq!(grade("9/12"), Some(9));
        assert_eq!(grade("8/12"), Some(8));
        assert_eq!(grade("7/10"), Some(9));
        assert_eq!(grade("4/10"), Some(5));
        assert_eq!(grade("Tốt nghiệp THCS"), Some(9));
        assert_eq!(grade("Đại học"), Some(12));
        assert_eq!(grade("12/12 (bổ túc)"), Some(12));
        assert_eq!(grade("Lớp 9/12"), Some(9));
        assert_eq!(grade("Lớp 7"), Some(7));
        assert_eq!(grade("biết đọc"), None);
    }
}
