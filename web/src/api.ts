// A small typed client for the motcua HTTP API (docs/api.md). Errors arrive as application/problem+json
// and become ApiProblem, whose messages are Vietnamese and whose invalidParams map onto form fields.

export interface InvalidParam {
  name: string;
  reason: string;
}

/** Vietnamese wording for stable error codes, used when the server sends no detail (or none at all). */
const CODE_MESSAGES: Record<string, string> = {
  unauthenticated: "Vui lòng đăng nhập để tiếp tục.",
  forbidden: "Tài khoản không có quyền thực hiện thao tác này.",
  "not-found": "Không tìm thấy dữ liệu yêu cầu.",
  "rate-limited": "Bạn đã thử quá nhiều lần. Vui lòng thử lại sau.",
  "validation-failed": "Dữ liệu không hợp lệ, vui lòng kiểm tra các trường được đánh dấu.",
  "revision-conflict": "Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại trang và thử lại.",
  "invalid-credentials": "Tên đăng nhập hoặc mật khẩu không đúng.",
  "approval-required":
    "Quy trình của thủ tục có bước lãnh đạo phê duyệt: kết quả phải được lãnh đạo phê duyệt sau lần trình gần nhất trước khi hoàn thành giải quyết.",
  "supplement-already-requested":
    "Hồ sơ nộp trực tuyến chỉ được yêu cầu bổ sung một lần trước khi tiếp nhận, liệt kê đầy đủ mọi thành phần còn thiếu; hồ sơ này đã có yêu cầu bổ sung.",
  "result-file-required": "Kết quả điện tử hoặc kết quả đã số hóa phải có tệp kết quả đính kèm.",
  "incomplete-dossier":
    "Hồ sơ chưa đủ thành phần bắt buộc nên không được tiếp nhận: hướng dẫn người nộp bổ sung, hoàn thiện hồ sơ (mẫu 02).",
  "not-online-dossier":
    "Chỉ hồ sơ nộp trực tuyến mới được nộp bổ sung trực tuyến; hồ sơ này nộp bổ sung tại Bộ phận Một cửa.",
  "does-not-chain":
    "Số liệu không nối tiếp kỳ liền kề đã nhập: số chuyển từ kỳ trước phải bằng số chưa giải quyết cuối kỳ trước.",
  "manual-figures-cover-period":
    "Kỳ của hồ sơ đã có số liệu nhập thủ công của đơn vị: hồ sơ không được nhập để tránh tính hai lần.",
  "payload-too-large": "Dữ liệu gửi lên quá lớn so với giới hạn của hệ thống.",
  "file-too-large": "Tệp quá lớn: mỗi tệp tối đa 20 MB.",
  "file-type-not-allowed": "Chỉ nhận tệp PDF, JPG, PNG hoặc DOCX.",
  network: "Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.",
};

export class ApiProblem extends Error {
  override name = "ApiProblem";
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string | undefined,
    readonly invalidParams: InvalidParam[] = [],
  ) {
    super(detail ?? title);
  }

  /** One sentence for a person: the server's detail, else our wording of the code, else the title. */
  get userMessage(): string {
    return this.detail ?? CODE_MESSAGES[this.code] ?? this.title;
  }

  /** invalidParams as antd form fields: "applicant.idNumber" → ["applicant", "idNumber"]. */
  fieldErrors(): { name: (string | number)[]; errors: string[] }[] {
    return this.invalidParams.map((p) => ({
      name: p.name
        .replace(/^body\./, "")
        .split(".")
        .filter(Boolean)
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
      errors: [p.reason],
    }));
  }
}

/** Our Vietnamese wording of a stable error code (the code itself when we have none). */
export function codeMessage(code: string): string {
  return CODE_MESSAGES[code] ?? code;
}

/** The message to show for any error thrown by the client (or by anything else). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiProblem) return error.userMessage;
  return CODE_MESSAGES.network ?? "Lỗi";
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function toProblem(response: Response): Promise<ApiProblem> {
  const body = (await response.json().catch(() => ({}))) as Partial<{
    code: string;
    title: string;
    detail: string;
    invalidParams: InvalidParam[];
  }>;
  const code = body.code ?? (response.status === 401 ? "unauthenticated" : `http-${response.status}`);
  return new ApiProblem(
    response.status,
    code,
    body.title ?? `Lỗi ${response.status}`,
    body.detail ?? CODE_MESSAGES[code],
    body.invalidParams ?? [],
  );
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Raw body with its content type (e.g. CSV import). */
  raw?: { contentType: string; text: string };
  idempotencyKey?: string;
  signal?: AbortSignal;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  let body: string | undefined;
  if (options.raw) {
    headers["content-type"] = options.raw.contentType;
    body = options.raw.text;
  } else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(withQuery(`/api${path}`, options.query), {
      method,
      headers,
      body,
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiProblem(0, "network", "Lỗi kết nối", CODE_MESSAGES.network);
  }
  if (!response.ok) throw await toProblem(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>("GET", path, { query, signal }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, "body"> = {}) =>
    request<T>("POST", path, { ...options, body }),
  put: <T>(path: string, body?: unknown) => request<T>("PUT", path, { body }),
  del: <T>(path: string) => request<T>("DELETE", path),
  /** A URL to open directly (documents, CSV/XLSX exports): the browser sends the session cookie. */
  url: (path: string, query?: Query) => withQuery(`/api${path}`, query),
};

/** A fresh key for the Idempotency-Key header: retrying the same click never applies an action twice. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
