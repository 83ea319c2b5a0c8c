// A small ARM REST client over fetch: one request shape, ARM's error body decoded, the documented retries, nothing secret in errors.

export interface ArmRequest {
  readonly method: "GET" | "PUT" | "PATCH" | "DELETE" | "POST";
  /** Resource path starting with "/subscriptions/" or "/providers/", without the api-version. */
  readonly path: string;
  readonly apiVersion: string;
  readonly body?: unknown;
}

export interface ArmResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
}

export class ArmError extends Error {
  constructor(
    readonly status: number,
    /** ARM's error code, e.g. ResourceNotFound, ScopeLocked, Conflict. */
    readonly code: string,
    readonly armMessage: string,
    readonly request: { readonly method: string; readonly path: string },
  ) {
    super(`${request.method} ${request.path} answered ${status} ${code}: ${armMessage}`);
    this.name = "ArmError";
  }
}

export interface ArmClient {
  readonly endpoint: string;
  send(request: ArmRequest): Promise<ArmResponse>;
  /** Like send, but a 404 is answered with undefined instead of an error. */
  find(request: ArmRequest): Promise<ArmResponse | undefined>;
}

export interface ArmClientOptions {
  readonly endpoint: string;
  readonly token: () => Promise<string>;
  /** Waits between retries, in ms; tests pass zeros. */
  readonly retryDelaysMs?: readonly number[];
  readonly userAgent?: string;
}

/** Log Analytics answers parallel config writes with this 409; a later retry succeeds (see README "Deploying"). */
const newerData = /Newer data exists/i;

function decodeError(status: number, body: unknown): { code: string; message: string } {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const code = typeof error?.code === "string" ? error.code : `HTTP${status}`;
  const message =
    typeof error?.message === "string"
      ? error.message
      : typeof body === "string" && body
        ? body.slice(0, 300)
        : "(no message)";
  return { code, message };
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createArmClient(options: ArmClientOptions): ArmClient {
  const delays = options.retryDelaysMs ?? [2000, 5000, 10000, 20000];
  const endpoint = options.endpoint.replace(/\/$/, "");
  async function once(request: ArmRequest): Promise<ArmResponse> {
    if (
      !/^\/(subscriptions|providers)\//i.test(request.path) ||
      request.path.includes("..") ||
      /[?#]/.test(request.path)
    ) {
      throw new Error(`refusing an ARM path that is not a plain resource path: ${JSON.stringify(request.path)}`);
    }
    const url = `${endpoint}${request.path}?api-version=${encodeURIComponent(request.apiVersion)}`;
    const res = await fetch(url, {
      method: request.method,
      headers: {
        Authorization: `Bearer ${await options.token()}`,
        Accept: "application/json",
        ...(request.body !== undefined ? { "Content-Type": "application/json" } : {}),
        "User-Agent": options.userAgent ?? "acs-recording-insights",
      },
      body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
    });
    return { status: res.status, body: await readBody(res), headers: res.headers };
  }
  async function send(request: ArmRequest): Promise<ArmResponse> {
    for (let attempt = 0; ; attempt++) {
      const res = await once(request);
      if (res.status < 400) return res;
      const { code, message } = decodeError(res.status, res.body);
      const retriable = (res.status === 409 && newerData.test(message)) || res.status === 429;
      if (retriable && attempt < delays.length) {
        const after = Number(res.headers.get("retry-after"));
        await sleep(Number.isFinite(after) && after > 0 ? Math.min(after * 1000, 60_000) : delays[attempt]);
        continue;
      }
      throw new ArmError(res.status, code, message, { method: request.method, path: request.path });
    }
  }
  return {
    endpoint,
    send,
    async find(request) {
      try {
        return await send(request);
      } catch (err) {
        if (err instanceof ArmError && err.status === 404) return undefined;
        throw err;
      }
    },
  };
}
