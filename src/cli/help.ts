// Help of the `motcua` command line: one line per command for `motcua --help`, and for `motcua <command> --help`
// the command's own usage (its module's exported `help`, else the usage here) followed by examples described in
// Vietnamese and in English. Static data: printing help loads no database and, for `motcua --help`, no module.

export interface Example {
  /** What the example does, in Vietnamese. */
  vi: string;
  /** The same, in English. */
  en: string;
  command: string;
}

export interface CommandHelp {
  /** One line: Vietnamese / English. */
  summary: string;
  /** Used when the command's module exports no `help` text of its own. */
  usage: string;
  examples: readonly Example[];
}

export const COMMAND_HELP: Record<string, CommandHelp> = {
  serve: {
    summary: "chạy ứng dụng web và API / start the web application and the API",
    usage: `Usage: motcua serve [--port N] [--host H] [--public-url URL] [--trust-proxy CIDR] [--data DIR]
  --port         cổng (mặc định $PORT hoặc 3000) / port (default $PORT or 3000)
  --host         địa chỉ nghe (mặc định 127.0.0.1) / listen address (default 127.0.0.1)
  --public-url   địa chỉ in trong mã QR và đường dẫn ($MOTCUA_PUBLIC_URL) / address printed in QR codes and links
  --trust-proxy  địa chỉ/CIDR của reverse proxy được tin X-Forwarded-For ($MOTCUA_TRUST_PROXY) /
                 reverse proxies whose X-Forwarded-For is believed, e.g. 127.0.0.1/32 (docs/security.md)
Web app at /, API under /api/, OpenAPI 3.1 at /api/openapi.json.`,
    examples: [
      { vi: "chạy trên cổng 8080", en: "run on port 8080", command: "motcua serve --port 8080" },
      {
        vi: "mở cho mạng nội bộ, mã QR trỏ về địa chỉ công khai",
        en: "listen on every interface, QR codes point at the public address",
        command: "motcua serve --host 0.0.0.0 --public-url https://motcua.example.gov.vn",
      },
    ],
  },
  demo: {
    summary: "điền dữ liệu mẫu / fill the database with demo data",
    usage: "Usage: motcua demo [--seed N] [--dossiers N] [--data DIR]",
    examples: [
      { vi: "dữ liệu mẫu mặc định", en: "the default demo data", command: "motcua demo" },
      {
        vi: "500 hồ sơ, hạt giống 7, trong thư mục riêng",
        en: "500 dossiers, seed 7, in a directory of its own",
        command: "motcua demo --seed 7 --dossiers 500 --data /tmp/motcua-demo",
      },
    ],
  },
  due: {
    summary: "tính ngày hẹn trả / compute an appointment",
    usage: 'Usage: motcua due --received <ISO instant> --limit "<limit>" [--cutoff HH:MM]',
    examples: [
      {
        vi: "3 ngày làm việc, viết bằng tiếng Việt",
        en: "3 working days, written in Vietnamese",
        command: 'motcua due --received 2026-03-02T09:00:00+07:00 --limit "3 ngày làm việc"',
      },
      {
        vi: "cùng thời hạn, viết bằng tiếng Anh",
        en: "the same limit, written in English",
        command: 'motcua due --received 2026-03-02T09:00:00+07:00 --limit "3 working days"',
      },
      {
        vi: "trả trong ngày, nhận sau giờ chốt 15:00",
        en: "same day, received after the 15:00 cut-off",
        command: 'motcua due --received 2026-03-02T15:30:00+07:00 --limit "trong ngày" --cutoff 15:00',
      },
      {
        vi: "15 ngày theo lịch (Bộ luật Dân sự 2015, Điều 147–148)",
        en: "15 calendar days (Civil Code 2015, Art. 147–148)",
        command: 'motcua due --received 2026-03-02T09:00:00+07:00 --limit "15 ngày"',
      },
    ],
  },
  holidays: {
    summary: "ngày nghỉ và ngày làm bù của một năm / days off and swapped working days of a year",
    usage: "Usage: motcua holidays <year> [--format json|table]",
    examples: [
      { vi: "JSON cho chương trình", en: "JSON for programs", command: "motcua holidays 2026" },
      {
        vi: "bảng có tên ngày nghỉ",
        en: "a table with the holidays' names",
        command: "motcua holidays 2026 --format table",
      },
    ],
  },
  import: {
    summary: "nhập hồ sơ từ tệp JSON Lines / import dossiers from a JSON Lines file",
    usage: `Usage: motcua import [--create-missing] <file.jsonl> [--data DIR]
  --create-missing  tạo đơn vị, thủ tục chưa có / create units and procedures not stored yet
Prints {"read","imported","unchanged","rejected"} on stdout, each rejected line on stderr; exit 1 if any.`,
    examples: [
      {
        vi: "nhập, tạo đơn vị và thủ tục còn thiếu",
        en: "import, creating missing units and procedures",
        command: "motcua import --create-missing ho-so.jsonl",
      },
    ],
  },
  export: {
    summary: "xuất hồ sơ ra tệp JSON Lines / export dossiers to a JSON Lines file",
    usage: `Usage: motcua export [--unit U] [--from YYYY-MM-DD] [--to YYYY-MM-DD] <file.jsonl> [--data DIR]
  --from/--to lọc theo ngày tiếp nhận / filter on the local date of receipt`,
    examples: [
      {
        vi: "hồ sơ quý I của một xã",
        en: "a commune's dossiers of the first quarter",
        command: "motcua export --unit 19753 --from 2026-01-01 --to 2026-03-31 ho-so.jsonl",
      },
    ],
  },
  report: {
    summary: "báo cáo kết quả giải quyết hồ sơ / the results report",
    usage: "Usage: motcua report results --from D --to D [--unit U] [--by field|unit|procedure|field-level]",
    examples: [
      {
        vi: "JSON theo lĩnh vực, quý I, cả tỉnh",
        en: "JSON by field, first quarter, the whole province",
        command: "motcua report results --period 2026-Q1 --unit 46",
      },
      {
        vi: "CSV tiêu đề tiếng Việt để mở bằng Excel",
        en: "CSV with Vietnamese headers, for Excel",
        command: "motcua report results --from 2026-01-01 --to 2026-03-31 --format csv --out ket-qua.csv",
      },
      {
        vi: "CSV với tên trường JSON, cho chương trình",
        en: "CSV with the JSON field names, for programs",
        command: "motcua report results --from 2026-01-01 --to 2026-03-31 --format csv --keys",
      },
      {
        vi: "tệp Excel theo đơn vị",
        en: "an Excel file by unit",
        command: "motcua report results --period 2026-Q1 --by unit --format xlsx --out ket-qua.xlsx",
      },
    ],
  },
  check: {
    summary: "kiểm tra số liệu một báo cáo kết quả / check a results document's figures",
    usage: "Usage: motcua check [--json] <file.json>",
    examples: [
      {
        vi: "kiểm tra báo cáo vừa lập (mã thoát 1 nếu sai)",
        en: "check a report just made (exit 1 on violations)",
        command: "motcua check bao-cao.json",
      },
      {
        vi: "danh sách lỗi dạng JSON",
        en: "the violations as JSON",
        command: "motcua check --json bao-cao.json",
      },
    ],
  },
  document: {
    summary: "biểu mẫu một cửa của hồ sơ, sổ theo dõi / a dossier's form, the tracking ledger",
    usage: "Usage: motcua document <01…07> --dossier CODE --out F.docx|F.pdf",
    examples: [
      {
        vi: "giấy tiếp nhận và hẹn trả kết quả (mẫu 01)",
        en: "the receipt and appointment slip (form 01)",
        command: "motcua document 01 --dossier 19753-260302-0001 --out phieu-hen.docx",
      },
      {
        vi: "sổ theo dõi hồ sơ (mẫu 07) của một xã trong tháng, PDF",
        en: "a commune's tracking ledger (form 07) for a month, as PDF",
        command: "motcua document 07 --unit 19753 --from 2026-03-01 --to 2026-03-31 --out so-theo-doi.pdf",
      },
    ],
  },
  migrate: {
    summary: "cập nhật cấu trúc cơ sở dữ liệu / apply database migrations",
    usage: `Usage: motcua migrate [--verify-counters] [--rebuild-counters] [--data DIR]
  --verify-counters   so bộ đếm báo cáo với tính lại / compare the report counters with a recomputation
  --rebuild-counters  tính lại bộ đếm / recompute the counters`,
    examples: [
      { vi: "áp dụng các bản cập nhật còn thiếu", en: "apply pending migrations", command: "motcua migrate" },
      {
        vi: "kiểm tra bộ đếm báo cáo",
        en: "verify the report counters",
        command: "motcua migrate --verify-counters",
      },
    ],
  },
  user: {
    summary: "tạo tài khoản / create user accounts",
    usage: 'Usage: motcua user add --username NAME --name "Họ và tên" [--unit CODE --role ROLE…] [--superuser]',
    examples: [
      {
        vi: "quản trị hệ thống đầu tiên, mật khẩu qua biến môi trường",
        en: "the first administrator, password from the environment",
        command: "MOTCUA_PASSWORD='…' motcua user add --username admin --name \"Quản trị hệ thống\" --superuser",
      },
      {
        vi: "cán bộ Bộ phận Một cửa của một xã",
        en: "a commune's front-desk officer",
        command: 'motcua user add --username an.nv --name "Nguyễn Văn An" --unit 19753 --role front_desk',
      },
    ],
  },
  units: {
    summary: "nhập, xuất cây đơn vị hành chính / import or export the unit tree",
    usage: "Usage: motcua units import <file.json> | motcua units export [--under CODE] [--out FILE]",
    examples: [
      {
        vi: "nhập cây đơn vị của tỉnh",
        en: "import the province's unit tree",
        command: "motcua units import units.json",
      },
      {
        vi: "xuất các đơn vị thuộc một tỉnh",
        en: "export the units under a province",
        command: "motcua units export --under 46 --out units.json",
      },
    ],
  },
  catalog: {
    summary: "danh mục thủ tục: nhập, xuất, nạp sẵn / the procedure catalogue: import, export, seed",
    usage: "Usage: motcua catalog import <file> | catalog export [--format json|csv] [--out FILE] | catalog seed",
    examples: [
      { vi: "nạp danh mục ban đầu", en: "load the starter catalogue", command: "motcua catalog seed" },
      {
        vi: "xuất danh mục ra CSV để sửa bằng Excel",
        en: "export the catalogue as CSV to edit in Excel",
        command: "motcua catalog export --format csv --out thu-tuc.csv",
      },
      { vi: "nhập lại tệp đã sửa", en: "import the edited file", command: "motcua catalog import thu-tuc.csv" },
    ],
  },
  reform: {
    summary: "Phụ lục 01b và báo cáo CCHC định kỳ / the CCHC statistics sheet and periodic report",
    usage: "Usage: motcua reform sheet|report|records|index --unit U (--from D --to D | --period P [--cut-day N]) …",
    examples: [
      {
        vi: "Phụ lục 01b của xã, 6 tháng đầu năm 2024 cắt ngày 15",
        en: "a commune's 01b sheet, H1 2024 cut on the 15th",
        command: "motcua reform sheet --unit H57.12 --period 2024-H1 --cut-day 15",
      },
      {
        vi: "Phụ lục 01b ra Excel",
        en: "the sheet as .xlsx",
        command: "motcua reform sheet --unit H57.12 --from 2024-01-01 --to 2024-06-30 --format xlsx --out 01b.xlsx",
      },
      {
        vi: "báo cáo CCHC quý III kèm phụ lục, ra PDF",
        en: "the Q3 report with its appendices as PDF",
        command: "motcua reform report --unit H57.12 --period 2020-Q3 --number 82 --out bao-cao-cchc.pdf",
      },
      {
        vi: "chấm điểm Chỉ số CCHC năm 2022 của xã, kèm điểm bị trừ",
        en: "a commune's 2022 CCHC index scorecard with lost points",
        command: "motcua reform index --unit H57.12 --year 2022",
      },
    ],
  },
  audit: {
    summary: "kiểm tra chuỗi băm của nhật ký / verify the hash chains of the audit trail and event log",
    usage: `Usage: motcua audit verify [--format text|json] [--data DIR]
  Niêm phong các dòng nhật ký đang chờ, rồi tính lại mọi mã băm của nhật ký thao tác (chuỗi theo tỉnh) và nhật
  ký sự kiện của từng hồ sơ; in mã băm cuối của mỗi chuỗi (lưu ngoài cơ sở dữ liệu). Mã thoát 0: toàn vẹn; 1: có
  dòng bị sửa, xóa, chèn hoặc cắt.
  Seals pending audit rows, then recomputes every hash; prints each chain's last hash (keep it outside the
  database). Exit 0 intact, 1 tampered.`,
    examples: [
      { vi: "kiểm tra nhật ký", en: "verify the logs", command: "motcua audit verify" },
      {
        vi: "kết quả dạng JSON cho giám sát",
        en: "the report as JSON for monitoring",
        command: "motcua audit verify --format json",
      },
    ],
  },
  national: {
    summary: "tổng hợp toàn quốc bằng sao chép logic / national roll-up by logical replication",
    usage: "Usage: motcua national publish | unpublish | subscribe --province-url URL | unsubscribe NAME | status",
    examples: [
      {
        vi: "trên CSDL của tỉnh: xuất bản số liệu (wal_level = logical)",
        en: "on a province database: publish its figures (wal_level = logical)",
        command: "DATABASE_URL=postgres://…/motcua_hue motcua national publish",
      },
      {
        vi: "trên CSDL quốc gia: nhận số liệu của một tỉnh",
        en: "on the national database: subscribe to a province",
        command:
          "DATABASE_URL=postgres://…/motcua_national motcua national subscribe --province-url postgres://rollup@hue-db/motcua_hue",
      },
      {
        vi: "chờ mọi tỉnh đồng bộ xong rồi in tình trạng",
        en: "wait until every province has caught up, then print the status",
        command: "motcua national status --wait 60 --format text",
      },
    ],
  },
  schema: {
    summary: "sẵn sàng cho PostgreSQL phân tán / distributed-PostgreSQL readiness (Citus DDL)",
    usage: "Usage: motcua schema citus-ddl [--out FILE] | readiness",
    examples: [
      {
        vi: "câu lệnh Citus sinh từ sơ đồ hiện tại",
        en: "the Citus DDL generated from the live schema",
        command: "motcua schema citus-ddl --out citus.sql",
      },
      {
        vi: "bảng chưa sẵn sàng và truy vấn chưa lọc theo tỉnh",
        en: "tables not ready and queries without province_code",
        command: "motcua schema readiness",
      },
    ],
  },
};

/** Whether the arguments ask for help (`--help` or `-h` before any `--`). */
export function wantsHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === "--") return false;
    if (arg === "--help" || arg === "-h") return true;
  }
  return false;
}

/** The examples block of a command: each with its Vietnamese and English description. */
export function examplesText(name: string): string {
  const help = COMMAND_HELP[name];
  if (!help || help.examples.length === 0) return "";
  const lines = ["Ví dụ / Examples:"];
  for (const example of help.examples) lines.push(`  # ${example.vi} / ${example.en}`, `  ${example.command}`);
  return lines.join("\n");
}
