//! The shape of a text file that is not its content: a byte-order mark at its start and the
//! line ending of its lines. Notepad on Windows saves `CRLF` (and, in older versions, a BOM); a
//! clerk's file keeps both through every write, on the lines that change and on the lines added.

/// A file's byte-order mark and line ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shape {
    /// The text starts with U+FEFF.
    pub bom: bool,
    /// Every line break is `\r\n` (and there is at least one).
    pub crlf: bool,
}

impl Shape {
    /// The shape of `text` as it is on disk. A file that mixes `\r\n` and `\n` is not `crlf`: it
    /// is edited as it stands, each old line keeping its own ending.
    pub fn of(text: &str) -> Shape {
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let breaks = body.bytes().filter(|&b| b == b'\n').count();
        let crlf_breaks = body.matches("\r\n").count();
        Shape {
            bom: body.len() != text.len(),
            crlf: breaks > 0 && breaks == crlf_breaks,
        }
    }

    /// `text` as the readers and the editor take it: no BOM, `\n` line breaks (when the file's
    /// line breaks are all `\r\n`).
    pub fn plain(self, text: &str) -> String {
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        if self.crlf {
            body.replace("\r\n", "\n")
        } else {
            body.to_string()
        }
    }

    /// A `\n` text put back in this shape: every line break `\r\n` in a CRLF file, the BOM in
    /// front when the file had one. (A `\r\n` already in `text` is not doubled.)
    pub fn restore(self, text: &str) -> String {
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut out = String::with_capacity(body.len() + body.len() / 16 + 3);
        if self.bom {
            out.push('\u{feff}');
        }
        if self.crlf {
            out.push_str(&body.replace("\r\n", "\n").replace('\n', "\r\n"));
        } else {
            out.push_str(body);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Shape;

    #[test]
    fn a_windows_file_keeps_its_bom_and_crlf_on_every_line() {
        let disk = "\u{feff}ho_ten: A\r\nngay_sinh: 01/01/2000\r\n";
        let shape = Shape::of(disk);
        assert_eq!(
            shape,
            Shape {
                bom: true,
                crlf: true
            }
        );
        let plain = shape.plain(disk);
        assert_eq!(plain, "ho_ten: A\nngay_sinh: 01/01/2000\n");
        let edited = plain + "que_quan: B\n";
        assert_eq!(
            shape.restore(&edited),
            "\u{feff}ho_ten: A\r\nngay_sinh: 01/01/2000\r\nque_quan: B\r\n"
        );
    }

    #[test]
    fn a_unix_or_mixed_file_is_left_as_it_is() {
        for disk in ["a: 1\nb: 2\n", "a: 1\r\nb: 2\n", "a: 1", ""] {
            let shape = Shape::of(disk);
            assert!(!shape.crlf && !shape.bom, "{disk:?}");
            assert_eq!(shape.restore(&shape.plain(disk)), disk);
        }
    }
}
