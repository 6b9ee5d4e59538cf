// At most N LibreOffice processes at a time (issue 14, item 10: one soffice per PDF request with no cap let 8
// requests start 8 processes, 1.2 GB). Conversions wait in a queue for one of N slots. When the queue is full
// the request is refused at once (`pdf-busy`, HTTP 503 with Retry-After) rather than piling up.

/** Too many PDF conversions are already waiting. */
export class PdfBusyError extends Error {
  override readonly name = "PdfBusyError";
  readonly code = "pdf-busy";
  constructor(waiting: number) {
    super(`Máy chủ đang xuất ${waiting} tệp PDF khác; vui lòng thử lại sau ít phút hoặc tải bản .docx/.xlsx.`);
  }
}

export class ConversionQueue {
  private active = 0;
  private readonly free: number[];
  private readonly waiting: ((slot: number) => void)[] = [];
  /** The most conversions that ran at once (for tests and diagnostics). */
  peak = 0;

  constructor(
    readonly limit: number,
    readonly maxWaiting: number,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`a conversion queue needs ≥ 1 slot, not ${limit}`);
    this.free = Array.from({ length: limit }, (_, i) => i);
  }

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `task` in a free slot (0 … limit-1), waiting for one if all are busy. */
  async run<T>(task: (slot: number) => Promise<T>): Promise<T> {
    let slot: number;
    if (this.active < this.limit) {
      this.active++;
      slot = this.free.pop()!;
    } else {
      if (this.waiting.length >= this.maxWaiting) throw new PdfBusyError(this.active + this.waiting.length);
      slot = await new Promise<number>((resolve) => this.waiting.push(resolve));
    }
    this.peak = Math.max(this.peak, this.active);
    try {
      return await task(slot);
    } finally {
      const next = this.waiting.shift();
      if (next)
        next(slot); // the slot passes straight to the next conversion
      else {
        this.active--;
        this.free.push(slot);
      }
    }
  }
}

/** The process-wide queue: $MOTCUA_PDF_CONCURRENCY slots (default 2), 16 waiting at most. */
export const pdfQueue = new ConversionQueue(
  Math.max(1, Number.parseInt(process.env["MOTCUA_PDF_CONCURRENCY"] ?? "", 10) || 2),
  16,
);
