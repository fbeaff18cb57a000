//! The help texts of every command, option and value, and an example per command (see the
//! parent module for the ids).

/// One help text: `(id, tiếng Việt, English)`.
pub type Text = (&'static str, &'static str, &'static str);

/// The help of every command, option and value.
pub const TEXTS: &[Text] = &[
    // The top level and what every command has.
    (
        "hoso",
        "Hồ sơ kết nạp đảng viên: kiểm tra hồ sơ, điền mẫu biểu, in PDF.",
        "Party-member admission paperwork: checks the records, fills the official forms, typesets them to PDF.",
    ),
    (
        "lang",
        "Ngôn ngữ của thông báo và trợ giúp.",
        "Language of messages and help.",
    ),
    ("lang=vi", "tiếng Việt", "Vietnamese"),
    ("lang=en", "tiếng Anh", "English"),
    (
        "help",
        "In trợ giúp (`--help` để xem đầy đủ).",
        "Print help (`--help` for more).",
    ),
    ("version", "In số phiên bản.", "Print the version."),
    (
        "workspace",
        "Thư mục hồ sơ (có tệp to-chuc.yaml).",
        "The workspace folder (the one with to-chuc.yaml).",
    ),
    ("format", "Dạng kết quả.", "Output format."),
    (
        "format=human",
        "cho người đọc: thông báo, tệp và dòng, các dòng YAML quanh chỗ sai",
        "for people: the message, the file and line, the lines of YAML around it",
    ),
    (
        "format=json",
        "cho chương trình: mảng đối tượng JSON",
        "for programs: an array of JSON objects",
    ),
    (
        "person",
        "Mã người (tên tệp, bỏ .yaml).",
        "The person's id (the file name without .yaml).",
    ),
    (
        "form",
        "Mã mẫu: 6-KNĐ (viết 6-KND hay 6 cũng được); xem `hoso forms`.",
        "The form code: 6-KNĐ (6-KND and 6 work too); see `hoso forms`.",
    ),
    ("output", "Tệp PDF sẽ ghi.", "The PDF to write."),
    (
        "pdf_standard",
        "Theo chuẩn PDF lưu trữ.",
        "Conform to an archival PDF standard.",
    ),
    (
        "pdf_standard=a-2b",
        "PDF/A-2b (ISO 19005-2): nhúng phông, màu có output intent, siêu dữ liệu XMP; chuẩn lưu trữ",
        "PDF/A-2b (ISO 19005-2): fonts embedded, colours with an output intent, XMP metadata; for archives",
    ),
    (
        "font_paths",
        "Thêm thư mục phông chữ (tìm cả thư mục con), ưu tiên hơn phông cài sẵn; nhiều thư mục cách nhau bằng dấu `:` (Windows: `;`).",
        "Add a folder of fonts (searched recursively), preferred to the installed ones; several folders separated by `:` (Windows: `;`).",
    ),
    // init
    (
        "init",
        "Ghi hồ sơ mẫu vào thư mục DIR (mới hoặc rỗng).",
        "Write the demo workspace into DIR (a new or empty folder).",
    ),
    ("init.dir", "Thư mục sẽ ghi.", "Where to write it."),
    (
        "init.people",
        "Thay cho hồ sơ mẫu: một thư mục giả lập N người ở mọi giai đoạn (để đo tốc độ), tối đa 100000.",
        "Instead of the demo, a synthetic workspace of N people at every stage (for benchmarks), at most 100000.",
    ),
    // list
    (
        "list",
        "Liệt kê những người trong thư mục hồ sơ và giai đoạn của họ.",
        "List the people of a workspace with their stage.",
    ),
    // forms
    (
        "forms",
        "Liệt kê các mẫu biểu chính thức hoso điền được.",
        "List the official forms hoso can fill.",
    ),
    // validate
    (
        "validate",
        "Kiểm tra thư mục hồ sơ: trường bắt buộc, ngày tháng, tham chiếu, số liệu; các lỗi in ra stderr (JSON ra stdout).",
        "Check a workspace: required fields, dates, references, figures; problems go to stderr (JSON to stdout).",
    ),
    // rules
    (
        "rules",
        "Các quy tắc kết nạp của bộ quy định có hiệu lực vào một ngày: mã, căn cứ, tham số (đánh dấu tham số chưa xác minh), cùng quy tắc riêng của thư mục hồ sơ.",
        "The admission rules of the set in force on a day: code, citation, parameters (UNVERIFIED ones marked), with a workspace's own stricter rules.",
    ),
    (
        "rules.on",
        "Ngày xem (mặc định: hôm nay).",
        "The day (default: today).",
    ),
    (
        "rules.workspace",
        "Thư mục hồ sơ có quy tắc riêng (`quy_tac_rieng`) cần áp dụng.",
        "A workspace whose own rules (`quy_tac_rieng`) apply.",
    ),
    // due
    (
        "due",
        "Các thời hạn quá hạn hoặc sắp đến: quyết định của cấp trên, lễ kết nạp, hết thời gian dự bị, kiểm điểm, giấy chứng nhận hết hạn.",
        "Time limits overdue or coming: decisions from above, ceremonies, end of probation, branch reviews, certificates that expire.",
    ),
    (
        "due.on",
        "Ngày tính từ (mặc định: hôm nay).",
        "The day to count from (default: today).",
    ),
    (
        "due.within",
        "Hiện việc đến hạn trong ngần này ngày (việc quá hạn luôn hiện).",
        "Show what falls due within this many days (overdue items are always shown).",
    ),
    (
        "due.ics",
        "Ghi thêm các thời hạn ra tệp lịch iCalendar (.ics).",
        "Also write the listed time limits as an iCalendar file (.ics).",
    ),
    // render
    (
        "render",
        "Điền một mẫu cho một người và in ra PDF.",
        "Fill a form for a person and typeset it to PDF.",
    ),
    (
        "render.person",
        "Mã người (tên tệp, bỏ .yaml); không cần khi có --blank.",
        "The person's id (file name without .yaml); not needed with --blank.",
    ),
    (
        "render.typst",
        "Ghi thêm mã Typst sinh ra vào đây (kèm thư viện trình bày bên cạnh).",
        "Also write the generated Typst source here (with the layout library beside it).",
    ),
    (
        "render.blank",
        "Mẫu trắng, để viết tay.",
        "The blank form, for handwriting.",
    ),
    // dossier
    (
        "dossier",
        "In hồ sơ của một người: bìa và danh mục, rồi mọi mẫu đã có trong hồ sơ theo thứ tự danh mục, thành một PDF có mục lục.",
        "Typeset a person's dossier: the cover with its checklist, then every form the record holds, in the order of the checklist, as one PDF with bookmarks.",
    ),
    (
        "dossier.kind",
        "Loại hồ sơ (mặc định: theo giai đoạn của người đó).",
        "Which dossier (default: the one the person's stage calls for).",
    ),
    (
        "kind=ket-nap",
        "hồ sơ đề nghị kết nạp đảng viên",
        "the admission dossier",
    ),
    (
        "kind=chinh-thuc",
        "hồ sơ đề nghị công nhận đảng viên chính thức",
        "the full-membership dossier",
    ),
    // batch
    (
        "batch",
        "Hồ sơ và mẫu biểu của mọi người (hoặc giấy tờ của một lễ kết nạp) vào một thư mục, chạy song song; người không có gì thay đổi từ lần trước được bỏ qua.",
        "Every person's dossier and forms (or one ceremony's paperwork) into a folder, in parallel; people whose inputs did not change since the last run are skipped.",
    ),
    ("batch.output", "Thư mục kết quả.", "The output folder."),
    (
        "batch.jobs",
        "Số việc chạy song song (mặc định: mọi lõi), tối đa 256.",
        "Parallel jobs (default: all cores), at most 256.",
    ),
    (
        "batch.stage",
        "Chỉ những người ở giai đoạn này.",
        "Only people at this stage.",
    ),
    (
        "stage=quan-chung",
        "quần chúng: chưa có đơn",
        "no application yet",
    ),
    (
        "stage=xin-vao-dang",
        "đã có đơn xin vào Đảng",
        "the application is in",
    ),
    (
        "stage=chi-bo-de-nghi",
        "chi bộ đã nghị quyết đề nghị kết nạp",
        "the branch has resolved to recommend admission",
    ),
    ("stage=du-bi", "đảng viên dự bị", "on probation"),
    ("stage=chinh-thuc", "đảng viên chính thức", "full member"),
    (
        "batch.ceremony",
        "Chỉ những người kết nạp trong lễ ngày này, kèm chương trình buổi lễ và các quyết định (dd/mm/yyyy).",
        "Only the people admitted at the ceremony of this day, with the programme and the decisions (dd/mm/yyyy).",
    ),
    (
        "batch.force",
        "Làm lại cho mọi người, kể cả khi không có gì thay đổi.",
        "Redo everyone, even when nothing changed.",
    ),
    (
        "batch.emit",
        "Ghi thêm những gì khác.",
        "What else to write.",
    ),
    (
        "emit=typst",
        "mã Typst sinh ra và thư viện trình bày của nó",
        "the generated Typst sources and their layout library",
    ),
    (
        "batch.format",
        "Dạng của bản tổng kết.",
        "Output format of the summary.",
    ),
    // cap-so
    (
        "cap-so",
        "Cấp cho văn bản của một người số tiếp theo còn trống trong sổ văn bản và ghi vào to-chuc.yaml; mẫu in ra sẽ mang số này.",
        "Give a form of a person the next free number of the register (sổ văn bản) and write it into to-chuc.yaml; the form then prints it.",
    ),
    // bulletin
    (
        "bulletin",
        "Viết nháp bài tin về công tác phát triển đảng viên trong một khoảng thời gian, kèm bảng số liệu.",
        "Draft a bulletin article on member development over a period, with its table of figures.",
    ),
    (
        "bulletin.from",
        "Ngày đầu kỳ: 01/01/2021 hoặc 2021-01-01.",
        "First day of the period: 01/01/2021 or 2021-01-01.",
    ),
    ("bulletin.to", "Ngày cuối kỳ.", "Last day of the period."),
    (
        "bulletin.branch",
        "Chỉ một đơn vị: mã trong `cac_chi_bo` hoặc `cac_dang_bo_co_so` của to-chuc.yaml.",
        "One unit only: an id of `cac_chi_bo` or `cac_dang_bo_co_so` in to-chuc.yaml.",
    ),
    (
        "bulletin.template",
        "Mẫu bài: tin-ngan (tin ngắn), tong-hop (bài tổng hợp), hoặc mẫu riêng của thư mục hồ sơ.",
        "The article template: tin-ngan (short news), tong-hop (longer report), or the workspace's own.",
    ),
    (
        "bulletin.output",
        "Bài sẽ ghi: OUT.md, OUT.html, OUT.pdf hoặc OUT.docx.",
        "The article to write: OUT.md, OUT.html, OUT.pdf or OUT.docx.",
    ),
    // completions
    (
        "completions",
        "In mã gợi ý lệnh (tab) cho shell: lệnh, tùy chọn, giá trị, mã mẫu và (bash, zsh, fish) mã người.",
        "Print the shell's tab-completion script: commands, options, values, form codes and (bash, zsh, fish) person ids.",
    ),
    ("completions.shell", "Shell cần mã gợi ý.", "The shell."),
    ("shell=bash", "bash", "bash"),
    ("shell=zsh", "zsh", "zsh"),
    ("shell=fish", "fish", "fish"),
    ("shell=powershell", "PowerShell", "PowerShell"),
    (
        "completions.words",
        "Dùng bởi mã gợi ý: các từ đã gõ; in các giá trị gợi ý cho từ tiếp theo.",
        "Used by the completion script: the words typed so far; prints the candidates for the next one.",
    ),
    // spreadsheets in and out, the schema
    (
        "format=csv",
        "cho bảng tính: CSV, tiêu đề tiếng Việt, ngày 16/11/2020, tên theo thứ tự tiếng Việt",
        "for spreadsheets: CSV, Vietnamese headers, dates as 16/11/2020, names in Vietnamese order",
    ),
    (
        "list.output",
        "Ghi thêm danh sách thành bảng tính (.xlsx hoặc .csv): tiêu đề tiếng Việt, ngày là ngày, tên theo thứ tự tiếng Việt.",
        "Also write the list as a clerk's sheet (.xlsx or .csv): Vietnamese headers, dates as dates, names in Vietnamese order.",
    ),
    (
        "due.output",
        "Ghi thêm các hạn thành bảng tính (.xlsx hoặc .csv), theo ngày rồi theo tên.",
        "Also write the time limits as a sheet (.xlsx or .csv), by date, then by name.",
    ),
    (
        "so-van-ban",
        "Sổ đăng ký văn bản trong to-chuc.yaml: số, ngày, mẫu, người, trích yếu; in ra hoặc ghi thành bảng tính.",
        "The document register of to-chuc.yaml: number, date, form, person, summary; listed or as a sheet.",
    ),
    (
        "so-van-ban.output",
        "Ghi thêm sổ thành bảng tính (.xlsx hoặc .csv).",
        "Also write the register as a sheet (.xlsx or .csv).",
    ),
    (
        "import",
        "Nhập danh sách đảng viên, quần chúng từ bảng tính (.xlsx, .ods, .csv): mỗi người một tệp, không bao giờ ghi đè (`--update` chỉ sửa các trường bảng tính có).",
        "Import a member or candidate list from a spreadsheet (.xlsx, .ods, .csv): one file per person, never over an existing one (`--update` changes only the fields the sheet gives).",
    ),
    (
        "import.file",
        "Bảng tính: mỗi dòng một người, dòng đầu là tiêu đề tiếng Việt (Họ và tên, Ngày sinh, Giới tính, Quê quán, Ngày vào Đảng...).",
        "The list: one person a row, Vietnamese headers on the first row (Họ và tên, Ngày sinh, Giới tính, Quê quán, Ngày vào Đảng...).",
    ),
    (
        "import.workspace",
        "Thư mục hồ sơ nhập vào; thư mục mới hoặc trống thành thư mục hồ sơ mới.",
        "The workspace to import into; a new or empty folder becomes a new workspace.",
    ),
    (
        "import.sheet",
        "Trang cần đọc (mặc định: trang đầu).",
        "The sheet to read (default: the first).",
    ),
    (
        "import.dry_run",
        "Chỉ cho xem sẽ ghi gì, không ghi gì cả.",
        "Show what would be written, and write nothing.",
    ),
    (
        "import.update",
        "Với người đã có: sửa các trường bảng tính có (chỉ các trường đó; giữ chú thích và mọi giá trị khác).",
        "For people already there: change the fields the sheet gives (only those; comments and every other value are kept).",
    ),
    (
        "schema",
        "JSON Schema của các tệp hồ sơ, cho trình soạn thảo có YAML language server (gợi ý khóa, giải thích, gạch chân lỗi).",
        "The JSON Schema of the workspace files, for editors with the YAML language server (keys completed, explained, mistakes underlined).",
    ),
    (
        "schema.kind",
        "Loại tệp cần in schema.",
        "The file kind whose schema to print.",
    ),
    (
        "kind=nguoi",
        "tệp của một người (dang-vien/, ket-nap/)",
        "a person's file (dang-vien/, ket-nap/)",
    ),
    ("kind=to-chuc", "to-chuc.yaml", "to-chuc.yaml"),
    ("kind=bao-cao", "bao-cao.yaml", "bao-cao.yaml"),
    (
        "schema.workspace",
        "Không in ra mà ghi cả ba schema vào WORKSPACE/schema/.",
        "Instead of printing, write the three schemas into WORKSPACE/schema/.",
    ),
    (
        "new",
        "Tạo tệp hồ sơ của một người mới, với dòng chỉ schema cho trình soạn thảo.",
        "A new person's file, with the line that gives editors its schema.",
    ),
    (
        "new.id",
        "Mã người, tên tệp: nguyen-van-an.",
        "The person's id, the file's name: nguyen-van-an.",
    ),
    ("new.ho_ten", "Họ và tên.", "The full name."),
    (
        "new.dang_vien",
        "Đảng viên (ghi vào dang-vien/) thay vì người đang trong quá trình kết nạp (ket-nap/).",
        "A member (in dang-vien/) rather than a person in the admission process (ket-nap/).",
    ),
    // serve
    (
        "serve",
        "Bàn làm việc hồ sơ: một trang web trên máy này (127.0.0.1) để ghi hồ sơ, kiểm tra ngay khi gõ và xem trước các mẫu.",
        "The clerk's desk: a web page on this machine (127.0.0.1) to keep the records, check them as they are typed and preview the forms.",
    ),
    (
        "serve.port",
        "Cổng trên 127.0.0.1 (mặc định: một cổng còn trống).",
        "The port on 127.0.0.1 (default: a free one).",
    ),
    (
        "serve.no_open",
        "Không mở trình duyệt (chỉ in địa chỉ).",
        "Do not open the browser (print the address only).",
    ),
    (
        "start",
        "Mở bàn làm việc trên thư mục hồ sơ của người dùng (thư mục `hoso` trong Documents, tạo ở lần đầu) trong trình duyệt; nhấp đúp `hoso.exe` cũng làm như vậy.",
        "The desk on the clerk's own workspace (`hoso` in the Documents folder, made on the first start), in the browser; what `hoso.exe` does when double-clicked.",
    ),
    (
        "start.workspace",
        "Thư mục hồ sơ (mặc định: `hoso` trong Documents, tạo ở lần đầu).",
        "The workspace folder (default: `hoso` in the Documents folder, made on the first start).",
    ),
    (
        "start.port",
        "Cổng trên 127.0.0.1 (mặc định: một cổng còn trống).",
        "The port on 127.0.0.1 (default: a free one).",
    ),
    (
        "start.no_open",
        "Không mở trình duyệt (chỉ in địa chỉ).",
        "Do not open the browser (print the address only).",
    ),
    (
        "backup",
        "Sao lưu thư mục hồ sơ vào một tệp zip mang ngày hôm nay, không bao giờ ghi đè bản sao lưu trước.",
        "Copy the workspace into one zip file named with today's date, never over an earlier backup.",
    ),
    (
        "backup.to",
        "Thư mục ghi tệp zip (mặc định: thư mục chứa thư mục hồ sơ), ví dụ một USB.",
        "The folder to write the zip into (default: the folder that holds the workspace), a USB stick for example.",
    ),
    // clap's own `help` command
    (
        "help-command",
        "In trợ giúp của hoso hoặc của một lệnh.",
        "Print the help of hoso or of a command.",
    ),
];

/// One example per command (the top level's too), in the words a clerk would type.
pub const EXAMPLES: &[(&str, &[&str])] = &[
    (
        "hoso",
        &[
            "hoso init demo && hoso validate demo && hoso batch demo -o out",
            "hoso --lang en validate demo",
        ],
    ),
    ("init", &["hoso init demo", "hoso init bench --people 1000"]),
    (
        "list",
        &[
            "hoso list demo",
            "hoso list demo -o ds.xlsx",
            "hoso list demo --format csv",
        ],
    ),
    ("forms", &["hoso forms"]),
    (
        "validate",
        &["hoso validate demo", "hoso validate demo --format json"],
    ),
    (
        "rules",
        &["hoso rules --on 15/03/2024", "hoso rules -w demo"],
    ),
    ("due", &["hoso due demo --within 90 --ics han.ics"]),
    (
        "render",
        &[
            "hoso render 6-KNĐ tran-thi-binh -w demo -o nq.pdf",
            "hoso render 1-KNĐ --blank -w demo -o don.pdf",
        ],
    ),
    (
        "dossier",
        &["hoso dossier tran-thi-binh -w demo -o ho-so.pdf"],
    ),
    (
        "batch",
        &[
            "hoso batch demo -o in --jobs 2",
            "hoso batch demo -o le --ceremony 19/05/2026",
        ],
    ),
    ("cap-so", &["hoso cap-so 6-KNĐ dang-van-khoa -w demo"]),
    (
        "bulletin",
        &["hoso bulletin demo --from 01/01/2026 --to 31/12/2026 -o bai.md"],
    ),
    (
        "completions",
        &[
            "hoso completions bash > ~/.local/share/bash-completion/completions/hoso",
            "hoso completions zsh > ~/.zfunc/_hoso",
            "hoso completions fish > ~/.config/fish/completions/hoso.fish",
        ],
    ),
    (
        "import",
        &[
            "hoso import ds.xlsx -w chi-bo --dry-run",
            "hoso import ds.xlsx -w chi-bo --update",
        ],
    ),
    ("so-van-ban", &["hoso so-van-ban demo -o so-van-ban.xlsx"]),
    (
        "schema",
        &["hoso schema > nguoi.json", "hoso schema -w demo"],
    ),
    (
        "new",
        &["hoso new nguyen-van-an --ho-ten \"Nguyễn Văn An\" -w demo"],
    ),
    (
        "serve",
        &["hoso serve demo", "hoso serve demo --port 8765 --no-open"],
    ),
    ("start", &["hoso start", "hoso start D:\\hoso --no-open"]),
    (
        "backup",
        &["hoso backup demo", "hoso backup demo --to E:\\"],
    ),
    ("help-command", &["hoso help validate"]),
];
