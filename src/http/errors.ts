// API errors as RFC 9457 problem+json: a stable `code` for programs, Vietnamese `title`/`detail` for people.
export interface InvalidParam {
  name: string;
  reason: string;
}

export class ApiError extends Error {
  override name = "ApiError";
  /** Response headers that go with the problem (e.g. Retry-After). */
  headers: Record<string, string> = {};
  /** RFC 9457 extension members (e.g. `missing`: the required components an incomplete dossier lacks). */
  extensions: Record<string, unknown> = {};
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly invalidParams?: InvalidParam[],
  ) {
    super(detail ?? title);
  }

  toProblem() {
    return {
      type: "about:blank",
      status: this.status,
      code: this.code,
      title: this.title,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.invalidParams ? { invalidParams: this.invalidParams } : {}),
      ...this.extensions,
    };
  }
}

export const unauthenticated = () =>
  new ApiError(401, "unauthenticated", "Chưa đăng nhập", "Vui lòng đăng nhập để tiếp tục.");
export const forbidden = (detail = "Tài khoản không có quyền thực hiện thao tác này tại đơn vị này.") =>
  new ApiError(403, "forbidden", "Không có quyền", detail);
export const notFound = (what: string) => new ApiError(404, "not-found", "Không tìm thấy", `Không tìm thấy ${what}.`);
export const conflict = (code: string, detail: string) => new ApiError(409, code, "Xung đột dữ liệu", detail);
export const validationFailed = (invalidParams: InvalidParam[], detail?: string) =>
  new ApiError(400, "validation-failed", "Dữ liệu không hợp lệ", detail ?? invalidParams[0]?.reason, invalidParams);
export function tooManyRequests(retryAfterSeconds: number, detail?: string): ApiError {
  const error = new ApiError(
    429,
    "rate-limited",
    "Quá nhiều yêu cầu",
    detail ?? `Bạn đã thử quá nhiều lần. Vui lòng thử lại sau ${retryAfterSeconds} giây.`,
  );
  error.headers["retry-after"] = String(retryAfterSeconds);
  return error;
}
